/**
 * Minibatches for training: epoch after epoch, each a fresh seeded permutation of the
 * training digits, so batches are the same for the same seed.
 */
import { IMAGE_SIZE, type Digits } from "./mnist.ts";
import { permutation, type Random } from "./random.ts";

/** One minibatch as plain arrays (tensors are made by the caller, on its backend). */
export interface Batch {
  size: number;
  images: Float32Array;
  labels: Uint8Array;
}

export interface BatchSampler {
  /** The next `size` digits; an epoch boundary continues into a new permutation. */
  next(size: number): Batch;
}

/** Samples minibatches of `digits` without replacement within an epoch. */
export function createBatchSampler(digits: Digits, random: Random): BatchSampler {
  let order = permutation(random, digits.count);
  let position = 0;
  return {
    next(size) {
      const images = new Float32Array(size * IMAGE_SIZE);
      const labels = new Uint8Array(size);
      for (let i = 0; i < size; i++) {
        if (position === order.length) {
          order = permutation(random, digits.count);
          position = 0;
        }
        const from = order[position++]!;
        images.set(digits.images.subarray(from * IMAGE_SIZE, (from + 1) * IMAGE_SIZE), i * IMAGE_SIZE);
        labels[i] = digits.labels[from]!;
      }
      return { size, images, labels };
    },
  };
}
