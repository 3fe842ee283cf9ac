import { before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { ensureNativeBackend } from "../ensure-built.ts";
import { assertMatchesCpu, EXACT, randomTensor, valueAndGrads, type Tolerance } from "../kernel-check.ts";

before(ensureNativeBackend);

// The native loops do the same float32 operation per element as tfjs's cpu kernels,
// which compute in double and round once: identical for +, −, ×, ÷, √, comparisons.
// exp, log and tanh go through the C library instead of V8's: allow one float32 ulp.
const ULP: Tolerance = { atol: 0, rtol: 1.2e-7 };
const special = () => tf.tensor1d([0, -0, 1, -1, 0.5, -2.5, NaN, Infinity, -Infinity, 1e-30, 3e38]);

describe("binary kernels", () => {
  // tfjs's gradients of maximum, minimum and squaredDifference reject broadcasts:
  // for those, gradients are checked on equal shapes only.
  const ops: Array<[string, (a: tf.Tensor, b: tf.Tensor) => tf.Tensor, boolean]> = [
    ["add", tf.add, true],
    ["sub", tf.sub, true],
    ["mul", tf.mul, true],
    ["div", tf.div, true],
    ["maximum", tf.maximum, false],
    ["minimum", tf.minimum, false],
    ["squaredDifference", tf.squaredDifference, false],
  ];
  const shapes: Array<[string, number[], number[]]> = [
    ["same shape", [3, 5, 7], [3, 5, 7]],
    ["row (bias) broadcast", [4, 6, 6, 9], [9]],
    ["column broadcast", [13, 10], [13, 1]],
    ["scalar", [], [11, 3]],
    ["outer product", [5, 1], [1, 4]],
    ["broadcast it declines (cpu fallback)", [2, 3, 4], [3, 1]],
    ["large enough to run on two threads", [300, 1000], [1000]],
  ];
  for (const [name, op, broadcastGradients] of ops) {
    test(`${name}: every broadcast pattern, values and gradients`, async () => {
      for (const [pattern, aShape, bShape] of shapes) {
        const inputs = () => [randomTensor(aShape, 1, -2, 2), randomTensor(bShape, 2, 0.5, 2)] as const;
        const withGradients = broadcastGradients || pattern === "same shape";
        await assertMatchesCpu(`${name} ${pattern}`, () => (withGradients ? valueAndGrads(op, [...inputs()], 3) : op(...inputs())), EXACT);
      }
      await assertMatchesCpu(
        `${name} special values`,
        () => {
          const a = special();
          return [op(a, tf.reverse(a)), op(a, tf.scalar(0)), op(tf.scalar(NaN), a)];
        },
        EXACT,
      );
    });
  }
  test("int32 operands fall back to cpu", () =>
    assertMatchesCpu("int", () => tf.add(tf.tensor1d([1, 2, 3], "int32"), tf.scalar(4, "int32")), EXACT));
});

describe("unary kernels", () => {
  const ops: Array<[string, (x: tf.Tensor) => tf.Tensor, Tolerance]> = [
    ["relu", tf.relu, EXACT],
    ["step", (x) => tf.step(x), EXACT],
    ["step with alpha", (x) => tf.step(x, 0.25), EXACT],
    ["sqrt", (x) => tf.sqrt(tf.abs(x)), EXACT],
    ["square", tf.square, EXACT],
    ["neg", tf.neg, EXACT],
    ["exp", tf.exp, ULP],
    ["log", (x) => tf.log(tf.abs(x)), ULP],
    ["sign", tf.sign, EXACT],
    ["abs", tf.abs, EXACT],
    ["clipByValue", (x) => tf.clipByValue(x, -0.3, 0.7), EXACT],
    ["tanh", tf.tanh, ULP],
  ];
  for (const [name, op, tol] of ops) {
    test(`${name}: values, gradient and special values`, async () => {
      await assertMatchesCpu(name, () => valueAndGrads(op, [randomTensor([7, 9, 11], 4, -3, 3)], 5), tol);
      await assertMatchesCpu(`${name} large`, () => op(randomTensor([600, 700], 6, -3, 3)), tol);
      await assertMatchesCpu(`${name} special`, () => op(special()), tol);
    });
  }
});
