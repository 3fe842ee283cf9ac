import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { ensureNativeBackend } from "../ensure-built.ts";
import { assertMatchesCpu, randomTensor, type Tolerance } from "../kernel-check.ts";
import { planSum } from "./reduce.ts";

// Both accumulate in double; only the order of additions differs.
const TOL: Tolerance = { atol: 1e-6, rtol: 1e-6 };

before(ensureNativeBackend);

describe("planSum", () => {
  test("contiguous axes split the shape into outer, summed and inner parts", () => {
    assert.deepEqual(planSum([8, 5, 5, 4], [0, 1, 2]), { outer: 1, mid: 200, inner: 4, axes: [0, 1, 2] });
    assert.deepEqual(planSum([8, 5, 4], -1), { outer: 40, mid: 4, inner: 1, axes: [2] });
    assert.deepEqual(planSum([2, 3, 4, 5], [2, 1]), { outer: 2, mid: 12, inner: 5, axes: [1, 2] });
  });
  test("scattered or no axes are declined", () => {
    assert.equal(planSum([2, 3, 4], [0, 2]), null);
    assert.equal(planSum([2, 3], []), null);
  });
});

describe("Sum", () => {
  const cases: Array<[string, number[], number | number[], boolean]> = [
    ["bias gradient of NHWC", [16, 13, 13, 32], [0, 1, 2], false],
    ["rows", [128, 10], 1, true],
    ["middle axes", [3, 4, 5, 6], [1, 2], false],
    ["everything", [7, 9], [0, 1], false],
    ["scattered axes (cpu fallback)", [3, 4, 5], [0, 2], true],
  ];
  for (const [name, shape, axis, keepDims] of cases) {
    test(`${name}: value and gradient`, () =>
      assertMatchesCpu(
        name,
        () => {
          const x = randomTensor(shape, 1);
          return [tf.sum(x, axis, keepDims), tf.grad((t: tf.Tensor) => tf.sum(tf.square(tf.sum(t, axis, keepDims))))(x)];
        },
        TOL,
      ));
  }
  test("int32 sums fall back to cpu", () => assertMatchesCpu("int", () => tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2], "int32"), 0), TOL));
});
