import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { createRandom } from "../data/random.ts";
import { useBackend } from "../compute/backend.ts";
import { fgsm } from "./fgsm.ts";
import { pgd } from "./pgd.ts";

before(async () => {
  await useBackend("wasm");
});

/** A hand-made linear loss: ∂loss/∂x = w for every image, so the attack's direction is sign(w). */
const linearLoss = (x: tf.Tensor2D) => tf.sum(tf.mul(x, tf.tensor1d([1, -2, 0.5, 0, -0.1, 3]))) as tf.Scalar;
const images = () =>
  tf.tensor2d([
    [0.5, 0.5, 0.95, 0.5, 0.02, 0.3],
    [0, 1, 0.5, 0.2, 0.5, 0.9],
  ]);

test("FGSM steps ε along the sign of the gradient and clips to [0, 1]", async () => {
  const x = images();
  const adversarial = await fgsm(linearLoss, x, 0.1).array();
  assert.deepEqual(
    adversarial.map((row) => row.map((v) => Math.round(v * 1000) / 1000)),
    [
      [0.6, 0.4, 1, 0.5, 0, 0.4],
      [0.1, 0.9, 0.6, 0.2, 0.4, 1],
    ],
  );
});

test("FGSM on a classifier raises its loss and never moves a pixel by more than ε", async () => {
  const weights = tf.randomNormal([6, 3], 0, 1, "float32", 7);
  const labels = tf.oneHot(tf.tensor1d([0, 2], "int32"), 3) as tf.Tensor2D;
  const loss = (x: tf.Tensor2D) => tf.losses.softmaxCrossEntropy(labels, tf.matMul(x, weights)) as tf.Scalar;
  const x = images();
  const adversarial = fgsm(loss, x, 0.05);
  assert.ok(loss(adversarial).dataSync()[0]! > loss(x).dataSync()[0]!);
  assert.ok(tf.max(tf.abs(tf.sub(adversarial, x))).dataSync()[0]! <= 0.05 + 1e-6);
});

test("PGD stays within ε of the image and in [0, 1], and reaches the ball's corner for a linear loss", async () => {
  const x = images();
  for (const randomStart of [undefined, createRandom(3)]) {
    const adversarial = pgd(linearLoss, x, { epsilon: 0.1, steps: 10, ...(randomStart ? { randomStart } : {}) });
    const delta = tf.sub(adversarial, x);
    assert.ok(tf.max(tf.abs(delta)).dataSync()[0]! <= 0.1 + 1e-6);
    assert.ok(tf.min(adversarial).dataSync()[0]! >= 0 && tf.max(adversarial).dataSync()[0]! <= 1);
    // 10 steps of 2.5·ε/10 cross the ball: every pixel with a gradient ends at the projection of x + ε·sign(w).
    const values = await adversarial.array();
    assert.ok(Math.abs(values[0]![0]! - 0.6) < 1e-6 && Math.abs(values[0]![1]! - 0.4) < 1e-6 && Math.abs(values[1]![5]! - 1) < 1e-6);
  }
});

test("PGD with a random start is reproducible for the same seed", async () => {
  const x = images();
  // A loss with zero gradient: only the random start moves the images.
  const zeroGradient = (input: tf.Tensor2D) => tf.mul(tf.sum(input), 0) as tf.Scalar;
  const a = await pgd(zeroGradient, x, { epsilon: 0.2, steps: 1, randomStart: createRandom(9) }).data();
  const b = await pgd(zeroGradient, x, { epsilon: 0.2, steps: 1, randomStart: createRandom(9) }).data();
  const c = await pgd(zeroGradient, x, { epsilon: 0.2, steps: 1, randomStart: createRandom(10) }).data();
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test("the attacks leave no tensors behind but their result", () => {
  const x = images();
  const before = tf.memory().numTensors;
  const results = [
    fgsm(linearLoss, x, 0.1),
    pgd(linearLoss, x, { epsilon: 0.1, steps: 3 }),
    pgd(linearLoss, x, { epsilon: 0.1, steps: 3, randomStart: createRandom(1) }),
  ];
  assert.equal(tf.memory().numTensors, before + results.length);
  tf.dispose([x, ...results]);
});
