import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { ensureNativeBackend } from "../ensure-built.ts";
import { NATIVE_BACKEND } from "../index.ts";
import { assertMatchesCpu, EXACT, randomTensor } from "../kernel-check.ts";
import { RELU_GRAD } from "../../src/compute/fused-ops.ts";
import { CLIP_GRAD } from "./fused-gradients.ts";

before(ensureNativeBackend);

const cases = [
  // tfjs itself cannot take ClipByValue's second derivative (LogicalAnd has no gradient).
  { name: "ReLU", op: (t: tf.Tensor) => tf.relu(t), fused: RELU_GRAD, stock: "Step", secondOrder: true },
  { name: "ClipByValue", op: (t: tf.Tensor) => tf.clipByValue(t, -0.3, 0.7), fused: CLIP_GRAD, stock: "LogicalAnd", secondOrder: false },
];

for (const c of cases) {
  describe(`${c.name}'s gradient`, () => {
    test("is one kernel on native", async () => {
      await tf.setBackend(NATIVE_BACKEND);
      const x = randomTensor([64, 64], 1);
      const profile = await tf.profile(() => tf.grad((t: tf.Tensor) => tf.sum(c.op(t)))(x));
      assert.ok(profile.kernelNames.includes(c.fused));
      assert.ok(!profile.kernelNames.includes(c.stock));
      x.dispose();
    });

    test("keeps tfjs's own definition on other backends", async () => {
      await tf.setBackend("cpu");
      const x = randomTensor([8, 8], 1);
      const profile = await tf.profile(() => tf.grad((t: tf.Tensor) => tf.sum(c.op(t)))(x));
      assert.ok(profile.kernelNames.includes(c.stock));
      x.dispose();
    });

    test("equals tfjs's definition exactly, NaN and infinities included", () =>
      assertMatchesCpu(
        "special",
        () => {
          const x = tf.tensor1d([-1, 0, -0, 2, NaN, Infinity, -Infinity, 0.7, -0.3, 0.5, 3, -4]);
          const dy = tf.tensor1d([1, 2, 3, NaN, 5, -Infinity, Infinity, Infinity, NaN, -0, 7, 8]);
          return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(c.op(t), dy)))(x);
        },
        EXACT,
      ));

    test("matches on random values, large enough for two threads", () =>
      assertMatchesCpu(
        "random",
        () => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(c.op(t), randomTensor([600, 700], 3))))(randomTensor([600, 700], 2)),
        EXACT,
      ));

    if (c.secondOrder) {
      test("second derivatives match", () =>
        assertMatchesCpu(
          "second order",
          () => {
            const x = randomTensor([5, 7], 2);
            const dy = randomTensor([5, 7], 3);
            const first = (t: tf.Tensor) => tf.grad((u: tf.Tensor) => tf.sum(tf.mul(c.op(u), tf.mul(dy, u))))(t);
            return [first(x), tf.grad((t: tf.Tensor) => tf.sum(first(t)))(x)];
          },
          EXACT,
        ));
    }
  });
}
