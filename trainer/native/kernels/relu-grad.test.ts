import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { ensureNativeBackend } from "../ensure-built.ts";
import { NATIVE_BACKEND } from "../index.ts";
import { assertMatchesCpu, EXACT, randomTensor } from "../kernel-check.ts";
import { RELU_GRAD } from "./relu-grad.ts";

before(ensureNativeBackend);

describe("ReLU's gradient", () => {
  test("is one kernel on native", async () => {
    await tf.setBackend(NATIVE_BACKEND);
    const x = randomTensor([64, 64], 1);
    const profile = await tf.profile(() => tf.grad((t: tf.Tensor) => tf.sum(tf.relu(t)))(x));
    assert.ok(profile.kernelNames.includes(RELU_GRAD));
    assert.ok(!profile.kernelNames.includes("Step"));
    x.dispose();
  });

  test("keeps tfjs's own definition on other backends", async () => {
    await tf.setBackend("cpu");
    const x = randomTensor([8, 8], 1);
    const profile = await tf.profile(() => tf.grad((t: tf.Tensor) => tf.sum(tf.relu(t)))(x));
    assert.ok(profile.kernelNames.includes("Step"));
    x.dispose();
  });

  test("equals mul(dy, step(x)) exactly, NaN and infinities included", () =>
    assertMatchesCpu(
      "special",
      () => {
        const x = tf.tensor1d([-1, 0, -0, 2, NaN, Infinity, -Infinity, 3, -4, 5]);
        const dy = tf.tensor1d([1, 2, 3, NaN, 5, -Infinity, Infinity, Infinity, NaN, -0]);
        return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.relu(t), dy)))(x);
      },
      EXACT,
    ));

  test("second derivatives match", () =>
    assertMatchesCpu(
      "second order",
      () => {
        const x = randomTensor([5, 7], 2);
        const dy = randomTensor([5, 7], 3);
        const first = (t: tf.Tensor) => tf.grad((u: tf.Tensor) => tf.sum(tf.mul(tf.relu(u), tf.mul(dy, u))))(t);
        return [first(x), tf.grad((t: tf.Tensor) => tf.sum(first(t)))(x)];
      },
      EXACT,
    ));
});
