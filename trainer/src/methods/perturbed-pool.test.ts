import { test } from "node:test";
import assert from "node:assert/strict";
import { IMAGE_SIZE } from "../data/mnist.ts";
import { createRandom } from "../data/random.ts";
import { createPerturbedPool } from "./perturbed-pool.ts";

/** n images whose pixels all equal their label (so pairs can be checked after sampling). */
function labelled(labels: number[]) {
  const images = new Float32Array(labels.length * IMAGE_SIZE);
  labels.forEach((l, i) => images.fill(l, i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE));
  return { images, labels: Uint8Array.from(labels) };
}

test("the pool keeps images with their labels and drops the oldest when full", () => {
  const pool = createPerturbedPool(3);
  assert.throws(() => pool.sample(1, createRandom(1)), /empty/);
  const first = labelled([1, 2]);
  pool.add(first.images, first.labels);
  assert.equal(pool.size, 2);
  const second = labelled([3, 4]);
  pool.add(second.images, second.labels);
  assert.equal(pool.size, 3);
  const seen = new Set<number>();
  const batch = pool.sample(200, createRandom(4));
  for (let i = 0; i < batch.size; i++) {
    assert.equal(batch.images[i * IMAGE_SIZE], batch.labels[i]);
    seen.add(batch.labels[i]!);
  }
  assert.deepEqual([...seen].sort(), [2, 3, 4], "1 was the oldest and was replaced");
});

test("an addition larger than the pool keeps only its newest images", () => {
  const pool = createPerturbedPool(2);
  const many = labelled([5, 6, 7, 8]);
  pool.add(many.images, many.labels);
  const labels = new Set(pool.sample(100, createRandom(2)).labels);
  assert.deepEqual([...labels].sort(), [7, 8]);
});

test("sampling is reproducible for the same seed", () => {
  const pool = createPerturbedPool(10);
  const some = labelled([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  pool.add(some.images, some.labels);
  assert.deepEqual(pool.sample(20, createRandom(8)).labels, pool.sample(20, createRandom(8)).labels);
});
