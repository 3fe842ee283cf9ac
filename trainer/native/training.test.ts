import assert from "node:assert/strict";
import { before, test } from "node:test";
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { createBatchSampler } from "../src/data/batches.ts";
import { loadMnist, randomSubset } from "../src/data/mnist.ts";
import { createRandom } from "../src/data/random.ts";
import { countCorrect, oneHotLabels } from "../src/models/losses.ts";
import { createClassifier } from "../src/models/classifier.ts";
import { cleanStep } from "../src/methods/steps.ts";
import { useBackend } from "../src/compute/backend.ts";
import { ensureNativeBackend } from "./ensure-built.ts";
import { NATIVE_BACKEND } from "./index.ts";
import { randomArray } from "./kernel-check.ts";

const STEPS = 300;
const BATCH = 64;

before(ensureNativeBackend);

/** Trains training.md's MLP with Adam from a fixed seed on `backend`; returns first loss and test accuracy. */
async function trainMlp(backend: string): Promise<{ firstLoss: number; accuracy: number }> {
  assert.ok(await tf.setBackend(backend));
  const mnist = loadMnist();
  const train = randomSubset(mnist.train, 12_000, createRandom(7));
  const testSet = randomSubset(mnist.test, 2_000, createRandom(8));
  const glorot = (fanIn: number, fanOut: number, seed: number) =>
    tf.variable(
      tf.tensor(
        randomArray(fanIn * fanOut, seed, -1, 1).map((v) => v * Math.sqrt(6 / (fanIn + fanOut))),
        [fanIn, fanOut],
      ),
    );
  const layers = [
    glorot(784, 256, 1),
    tf.variable(tf.zeros([256])),
    glorot(256, 256, 2),
    tf.variable(tf.zeros([256])),
    glorot(256, 10, 3),
    tf.variable(tf.zeros([10])),
  ];
  const [w1, b1, w2, b2, w3, b3] = layers as [tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  const logits = (x: tf.Tensor2D) =>
    tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2)), w3), b3) as tf.Tensor2D;
  const optimizer = tf.train.adam(0.001);
  const sampler = createBatchSampler(train, createRandom(9));
  let firstLoss = NaN;
  for (let step = 0; step < STEPS; step++) {
    const batch = sampler.next(BATCH);
    const loss = tf.tidy(() => {
      const x = tf.tensor2d(batch.images, [BATCH, 784]);
      const y = tf.oneHot(tf.tensor1d(batch.labels, "int32"), 10);
      return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, logits(x)) as tf.Scalar, true, layers) as tf.Scalar;
    });
    if (step === 0) firstLoss = loss.dataSync()[0]!;
    loss.dispose();
  }
  const predicted = tf.tidy(() => tf.argMax(logits(tf.tensor2d(testSet.images, [testSet.count, 784])), 1));
  const labels = Array.from(predicted.dataSync());
  predicted.dispose();
  const correct = labels.filter((p, i) => p === testSet.labels[i]).length;
  optimizer.dispose();
  tf.dispose(layers);
  return { firstLoss, accuracy: correct / testSet.count };
}

test(`the MLP trained ${STEPS} steps on native and on wasm from the same seed reaches the same accuracy`, async (t) => {
  const native = await trainMlp(NATIVE_BACKEND);
  const wasm = await trainMlp("wasm");
  t.diagnostic(
    `accuracy: native ${native.accuracy}, wasm ${wasm.accuracy}; first loss: native ${native.firstLoss}, wasm ${wasm.firstLoss}`,
  );
  // Same seed, same start: the first losses agree to float32 rounding.
  assert.ok(Math.abs(native.firstLoss - wasm.firstLoss) < 1e-4, `first loss ${native.firstLoss} vs ${wasm.firstLoss}`);
  // Rounding differences grow chaotically over 300 steps, so the runs are two samples
  // of the same training: on 2,000 test digits, accuracies within 2 points.
  assert.ok(native.accuracy > 0.88, `native accuracy ${native.accuracy}`);
  assert.ok(Math.abs(native.accuracy - wasm.accuracy) <= 0.02, `native ${native.accuracy} vs wasm ${wasm.accuracy}`);
});

const CNN_STEPS = 60;

/**
 * Trains the trainer's own CNN (whose second convolution runs Winograd on native) with
 * Adam from a fixed seed on `backend`; returns first loss and test accuracy.
 */
async function trainCnn(backend: "native" | "wasm"): Promise<{ firstLoss: number; accuracy: number }> {
  // The trainer's own backend selection: wasm with the project's kernels (tfjs-wasm has no filter gradient).
  assert.equal(await useBackend(backend), backend);
  const mnist = loadMnist();
  const testSet = randomSubset(mnist.test, 1_000, createRandom(8));
  const cnn = createClassifier("cnn", createRandom(3));
  const optimizer = tf.train.adam(0.001);
  const sampler = createBatchSampler(randomSubset(mnist.train, 12_000, createRandom(7)), createRandom(9));
  let firstLoss = NaN;
  for (let step = 0; step < CNN_STEPS; step++) {
    const batch = sampler.next(BATCH);
    const [x, y] = [tf.tensor2d(batch.images, [BATCH, 784]), oneHotLabels(batch.labels)];
    const loss = cleanStep(cnn, optimizer, x, y);
    if (step === 0) firstLoss = loss.dataSync()[0]!;
    tf.dispose([x, y, loss]);
  }
  const logits = tf.tidy(() => cnn.apply(tf.tensor2d(testSet.images, [testSet.count, 784])));
  const correct = countCorrect(logits as tf.Tensor2D, testSet.labels);
  tf.dispose(logits);
  optimizer.dispose();
  cnn.dispose();
  return { firstLoss, accuracy: correct / testSet.count };
}

test(`the CNN trained ${CNN_STEPS} steps on native and on wasm from the same seed reaches the same accuracy`, async (t) => {
  const native = await trainCnn("native");
  const wasm = await trainCnn("wasm");
  t.diagnostic(
    `accuracy: native ${native.accuracy}, wasm ${wasm.accuracy}; first loss: native ${native.firstLoss}, wasm ${wasm.firstLoss}`,
  );
  assert.ok(Math.abs(native.firstLoss - wasm.firstLoss) < 1e-4, `first loss ${native.firstLoss} vs ${wasm.firstLoss}`);
  assert.ok(native.accuracy > 0.8, `native accuracy ${native.accuracy}`);
  assert.ok(Math.abs(native.accuracy - wasm.accuracy) <= 0.03, `native ${native.accuracy} vs wasm ${wasm.accuracy}`);
});
