import { before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { ensureNativeBackend } from "../ensure-built.ts";
import { assertMatchesCpu, randomTensor, valueAndGrads, type Tolerance } from "../kernel-check.ts";

// float32 products with float32 accumulation (oneDNN) against tfjs's double
// accumulation: relative error grows like √k·2⁻²⁴; 1e-4 leaves a wide margin.
const TOL: Tolerance = { atol: 1e-4, rtol: 1e-4 };

before(ensureNativeBackend);

describe("BatchMatMul", () => {
  const cases: Array<[string, number[], number[], boolean, boolean]> = [
    ["mlp layer", [128, 784], [784, 256], false, false],
    ["batch of one", [1, 784], [784, 256], false, false],
    ["odd sizes", [7, 13], [13, 5], false, false],
    ["transposed b (dX)", [9, 11], [6, 11], false, true],
    ["transposed a (dW)", [17, 10], [17, 3], true, false],
    ["both transposed", [5, 4], [3, 5], true, true],
    ["rank 3 batches", [3, 4, 6], [3, 6, 2], false, false],
    ["vector result", [1, 1], [1, 1], false, false],
    // Past gemm.cc's blocking: two threads splitting rows, two column blocks, and a
    // depth taken in several equal passes with the threads splitting columns.
    ["rows split, two column blocks", [600, 70], [70, 530], false, false],
    ["deep, transposed b, columns split", [50, 700], [260, 700], false, true],
  ];
  for (const [name, aShape, bShape, ta, tb] of cases) {
    test(`${name}: value and both gradients`, () =>
      assertMatchesCpu(
        name,
        () => valueAndGrads((a, b) => tf.matMul(a!, b!, ta, tb), [randomTensor(aShape, 1), randomTensor(bShape, 2)], 3),
        TOL,
      ));
  }
  // tfjs's own BatchMatMul gradient rejects broadcast batches, so values only.
  test("shared right operand: value", () =>
    assertMatchesCpu("shared b", () => tf.matMul(randomTensor([3, 4, 6], 1), randomTensor([1, 6, 2], 2)), TOL));
  test("shared left operand, transposed: value", () =>
    assertMatchesCpu("shared a", () => tf.matMul(randomTensor([1, 6, 4], 1), randomTensor([2, 5, 6], 2), true, true), TOL));
});

describe("_FusedMatMul (the inference path: tf.fused.matMul outside gradients)", () => {
  for (const activation of ["linear", "relu"] as const) {
    test(`bias and ${activation}`, () =>
      assertMatchesCpu(
        activation,
        () => tf.fused.matMul({ a: randomTensor([33, 20], 4), b: randomTensor([20, 7], 5), bias: randomTensor([7], 6), activation }),
        TOL,
      ));
  }
  test("bias and relu after several passes over the depth, ragged columns", () =>
    assertMatchesCpu(
      "deep relu",
      () =>
        tf.fused.matMul({
          a: randomTensor([130, 300], 15),
          b: randomTensor([300, 40], 16),
          bias: randomTensor([40], 17),
          activation: "relu",
        }),
      TOL,
    ));
  test("transposed operands without bias", () =>
    assertMatchesCpu(
      "no bias",
      () =>
        tf.fused.matMul({
          a: randomTensor([20, 3], 7),
          b: randomTensor([9, 20], 8),
          transposeA: true,
          transposeB: true,
          activation: "relu",
        }),
      TOL,
    ));
  test("a bias of another shape falls back to cpu", () =>
    assertMatchesCpu(
      "full bias",
      () => tf.fused.matMul({ a: randomTensor([4, 3], 9), b: randomTensor([3, 5], 10), bias: randomTensor([4, 5], 11) }),
      TOL,
    ));
  test("an activation it does not cover falls back to cpu", () =>
    assertMatchesCpu(
      "elu",
      () => tf.fused.matMul({ a: randomTensor([4, 3], 12), b: randomTensor([3, 5], 13), bias: randomTensor([5], 14), activation: "elu" }),
      TOL,
    ));
});
