/**
 * The GAN method's "perturbed images produced so far" (shared/api/training.md, step 4):
 * a first-in-first-out pool of generator-perturbed training images with their original
 * labels, capped so that long runs keep a bounded, recent pool. Plain arrays, no tensors.
 */
import type { Batch } from "../data/batches.ts";
import { IMAGE_SIZE } from "../data/mnist.ts";
import { randomInt, type Random } from "../data/random.ts";

export interface PerturbedPool {
  readonly capacity: number;
  /** Images held now (at most capacity). */
  readonly size: number;
  /** Adds `labels.length` images; once full, each replaces the oldest. */
  add(images: Float32Array, labels: Uint8Array): void;
  /** `count` images drawn uniformly with replacement. */
  sample(count: number, random: Random): Batch;
}

export function createPerturbedPool(capacity: number): PerturbedPool {
  if (!(capacity >= 1)) throw new Error("a perturbed pool needs a capacity of at least 1");
  const images = new Float32Array(capacity * IMAGE_SIZE);
  const labels = new Uint8Array(capacity);
  let size = 0;
  let next = 0;
  return {
    capacity,
    get size() {
      return size;
    },
    add(added, addedLabels) {
      // Only the newest `capacity` of a large addition can survive it.
      const skip = Math.max(0, addedLabels.length - capacity);
      for (let i = skip; i < addedLabels.length; i++) {
        images.set(added.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE), next * IMAGE_SIZE);
        labels[next] = addedLabels[i]!;
        next = (next + 1) % capacity;
      }
      size = Math.min(capacity, size + addedLabels.length);
    },
    sample(count, random) {
      if (size === 0) throw new Error("the perturbed pool is empty");
      const batch = { size: count, images: new Float32Array(count * IMAGE_SIZE), labels: new Uint8Array(count) };
      for (let i = 0; i < count; i++) {
        const from = randomInt(random, size);
        batch.images.set(images.subarray(from * IMAGE_SIZE, (from + 1) * IMAGE_SIZE), i * IMAGE_SIZE);
        batch.labels[i] = labels[from]!;
      }
      return batch;
    },
  };
}
