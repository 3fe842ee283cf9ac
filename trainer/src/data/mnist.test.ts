import { test } from "node:test";
import assert from "node:assert/strict";
import { createBatchSampler } from "./batches.ts";
import { IMAGE_SIZE, digitsFromIdx, loadMnist, randomSubset, selectDigits, type Digits } from "./mnist.ts";
import { createRandom } from "./random.ts";

/** Three 28×28 "digits" whose pixels all equal their index, labels 0, 1, 2. */
function tinyDigits(): Digits {
  const data = new Uint8Array(3 * IMAGE_SIZE);
  for (let i = 0; i < 3; i++) data.fill(i * 100, i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE);
  return digitsFromIdx({ shape: [3, 28, 28], data }, { shape: [3], data: Uint8Array.from([0, 1, 2]) });
}

test("pixels are scaled to [0, 1] and labels kept", () => {
  const digits = tinyDigits();
  assert.equal(digits.count, 3);
  assert.equal(digits.images[IMAGE_SIZE], Math.fround(100 / 255));
  assert.deepEqual(Array.from(digits.labels), [0, 1, 2]);
  assert.throws(
    () => digitsFromIdx({ shape: [1, 27, 28], data: new Uint8Array(27 * 28) }, { shape: [1], data: new Uint8Array(1) }),
    /28, 28/,
  );
});

test("selection keeps images with their labels", () => {
  const picked = selectDigits(tinyDigits(), [2, 0]);
  assert.deepEqual(Array.from(picked.labels), [2, 0]);
  assert.equal(picked.images[0], Math.fround(200 / 255));
  assert.equal(picked.images[IMAGE_SIZE], 0);
});

test("subsets and batches are deterministic per seed and keep pairs together", () => {
  const digits = tinyDigits();
  const a = randomSubset(digits, 2, createRandom(5));
  assert.deepEqual(a, randomSubset(digits, 2, createRandom(5)));
  for (let i = 0; i < a.count; i++) assert.equal(Math.round(a.images[i * IMAGE_SIZE]! * 255), a.labels[i]! * 100);
  const sampler = createBatchSampler(digits, createRandom(9));
  const twin = createBatchSampler(digits, createRandom(9));
  // Five draws of two cross epoch boundaries; each epoch still holds each digit once.
  const labels = Array.from({ length: 3 }, () => Array.from(sampler.next(2).labels)).flat();
  assert.deepEqual(labels, Array.from({ length: 3 }, () => Array.from(twin.next(2).labels)).flat());
  assert.deepEqual(labels.slice(0, 3).sort(), [0, 1, 2]);
  assert.deepEqual(labels.slice(3, 6).sort(), [0, 1, 2]);
});

test("the real MNIST loads once with 60,000 + 10,000 digits", () => {
  const mnist = loadMnist();
  assert.equal(mnist.train.count, 60000);
  assert.equal(mnist.test.count, 10000);
  assert.equal(mnist.train.images.length, 60000 * IMAGE_SIZE);
  assert.ok(mnist.test.labels.every((l) => l < 10));
  assert.ok(mnist.train.images.every((p) => p >= 0 && p <= 1));
  assert.equal(loadMnist(), mnist);
});
