import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { ensureNativeBackend } from "../ensure-built.ts";
import { NATIVE_BACKEND } from "../index.ts";
import type { NativeBackend } from "../backend.ts";
import type { NativeAddon } from "../addon.ts";
import { assertMatchesCpu, randomTensor, valueAndGrads, type Tolerance } from "../kernel-check.ts";

// As conv.test.ts: filter gradients sum n·oh·ow float32 products (float32 here, double in tfjs).
const TOL: Tolerance = { atol: 2e-4, rtol: 2e-4 };

before(ensureNativeBackend);

/** Counts the filter gradients computed from max-pooling's record while `run` runs. */
async function countPooled(run: () => Promise<void>): Promise<number> {
  const backend = tf.findBackend(NATIVE_BACKEND) as NativeBackend;
  const real = backend.addon;
  let pooled = 0;
  // The addon's own properties are read-only: a copy with one function wrapped.
  const spy: NativeAddon = {
    ...real,
    convBackwardWeightsPooled: (...args) => {
      const done = real.convBackwardWeightsPooled(...args);
      if (done) pooled++;
      return done;
    },
  };
  (backend as { addon: NativeAddon }).addon = spy;
  try {
    await run();
  } finally {
    (backend as { addon: NativeAddon }).addon = real;
  }
  return pooled;
}

/** The CNN's block, relu(maxPool(conv(x)) + b), with the gradients of x, filter and b. */
function block(xShape: number[], filterShape: number[], seed: number, pool = 2): () => tf.Tensor[] {
  return () =>
    valueAndGrads(
      (x, f, b) => tf.relu(tf.add(tf.maxPool(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, "valid"), pool, pool, "valid"), b!)),
      [randomTensor(xShape, seed, 0, 1), randomTensor(filterShape, seed + 1), randomTensor([filterShape[3]!], seed + 2, -0.1, 0.1)],
      seed + 3,
    );
}

describe("conv1's filter gradient from max-pooling's winners", () => {
  test("the CNN's first block: values and gradients match cpu, through the pooled path", async () => {
    const used = await countPooled(() => assertMatchesCpu("cnn block1", block([3, 28, 28, 1], [3, 3, 1, 32], 1), TOL));
    assert.equal(used, 1);
  });
  test("batch of one, odd sizes (the pool drops the last row and column), 3×3 windows", async () => {
    const used = await countPooled(async () => {
      await assertMatchesCpu("odd 2x2", block([1, 12, 10, 1], [3, 3, 1, 8], 5), TOL);
      await assertMatchesCpu("odd 3x3", block([2, 13, 9, 1], [3, 3, 1, 16], 6, 3), TOL);
    });
    assert.equal(used, 2);
  });
  test("recycled memory: repeated runs reuse released arrays and still match", async () => {
    for (const seed of [7, 8, 9]) await assertMatchesCpu(`seed ${seed}`, block([2, 10, 10, 1], [3, 3, 1, 8], seed), TOL);
  });
  test("ties in a window: the first maximum takes the gradient, as tfjs", async () => {
    // A zero filter makes every conv output 0: all four positions tie in every window.
    const compute = () =>
      valueAndGrads(
        (x, f) => tf.maxPool(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, "valid"), 2, 2, "valid"),
        [randomTensor([1, 8, 8, 1], 3, 0, 1), tf.zeros([3, 3, 1, 8])],
        4,
      );
    assert.equal(await countPooled(() => assertMatchesCpu("ties", compute, TOL)), 1);
  });
  test("an infinite input takes the dense kernel (0 · Inf is NaN there) and matches cpu", async () => {
    const compute = () => {
      const x = randomTensor([1, 8, 8, 1], 11, 0, 1).bufferSync();
      x.set(Infinity, 0, 3, 3, 0);
      return valueAndGrads(
        (xs, f) => tf.maxPool(tf.conv2d(xs as tf.Tensor4D, f as tf.Tensor4D, 1, "valid"), 2, 2, "valid"),
        [x.toTensor(), randomTensor([3, 3, 1, 8], 12)],
        13,
      );
    };
    assert.equal(await countPooled(() => assertMatchesCpu("inf", compute, TOL)), 0);
  });
  test("layers it does not cover (several input channels) keep the dense kernel", async () => {
    assert.equal(await countPooled(() => assertMatchesCpu("2 channels", block([2, 10, 10, 2], [3, 3, 2, 8], 21), TOL)), 0);
  });
});
