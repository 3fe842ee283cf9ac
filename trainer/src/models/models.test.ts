import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { createRandom, fillUniform } from "../data/random.ts";
import { useBackend } from "../compute/backend.ts";
import { createClassifier } from "./classifier.ts";
import { createGenerator } from "./generator.ts";

before(async () => {
  await useBackend("wasm");
});

const images = (n: number) => tf.tensor2d(fillUniform(createRandom(n), new Float32Array(n * 784), 0, 1), [n, 784]);
const parameterCount = (variables: tf.Variable[]) => variables.reduce((sum, v) => sum + v.size, 0);

test("the MLP is 784 → 256 → 256 → 10 and gives logits for each image", () => {
  const mlp = createClassifier("mlp", createRandom(1));
  assert.deepEqual(
    mlp.variables.map((v) => v.shape),
    [[784, 256], [256], [256, 256], [256], [256, 10], [10]],
  );
  assert.equal(parameterCount(mlp.variables), 784 * 256 + 256 + 256 * 256 + 256 + 2570);
  const x = images(3);
  const logits = mlp.apply(x);
  assert.deepEqual(logits.shape, [3, 10]);
  tf.dispose([x, logits]);
  mlp.dispose();
});

test("the CNN has two 3×3 convolutions, 1,600 features and two dense layers", () => {
  const cnn = createClassifier("cnn", createRandom(1));
  assert.deepEqual(
    cnn.variables.map((v) => v.shape),
    [[3, 3, 1, 32], [32], [3, 3, 32, 64], [64], [1600, 128], [128], [128, 10], [10]],
  );
  const x = images(1);
  const logits = cnn.apply(x);
  assert.deepEqual(logits.shape, [1, 10]);
  tf.dispose([x, logits]);
  cnn.dispose();
});

test("the CNN computes conv → bias → ReLU → max-pool, values and gradients", () => {
  const cnn = createClassifier("cnn", createRandom(3));
  const [f1, b1, f2, b2, k1, c1, k2, c2] = cnn.variables as tf.Variable[];
  // Non-zero biases, so that the order of bias, ReLU and pooling would show.
  b1!.assign(tf.randomNormal([32], 0, 0.3, "float32", 1));
  b2!.assign(tf.randomNormal([64], 0, 0.3, "float32", 2));
  const reference = (x: tf.Tensor2D) => {
    const block = (input: tf.Tensor4D, f: tf.Variable, b: tf.Variable): tf.Tensor4D =>
      tf.maxPool(tf.relu(tf.add(tf.conv2d(input, f as tf.Tensor4D, 1, "valid"), b)) as tf.Tensor4D, 2, 2, "valid");
    const features = tf.reshape(block(block(tf.reshape(x, [-1, 28, 28, 1]) as tf.Tensor4D, f1!, b1!), f2!, b2!), [-1, 1600]);
    return tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(features, k1 as tf.Tensor2D), c1!)), k2 as tf.Tensor2D), c2!) as tf.Tensor2D;
  };
  const x = images(2);
  const loss = (f: (x: tf.Tensor2D) => tf.Tensor2D) => () => tf.sum(tf.square(f(x))) as tf.Scalar;
  const ours = tf.variableGrads(
    loss((i) => cnn.apply(i)),
    cnn.variables,
  );
  const theirs = tf.variableGrads(loss(reference), cnn.variables);
  assert.ok(Math.abs(ours.value.dataSync()[0]! - theirs.value.dataSync()[0]!) <= 1e-4 * Math.abs(theirs.value.dataSync()[0]!));
  for (const v of cnn.variables) {
    const gap = tf.max(tf.abs(tf.sub(ours.grads[v.name]!, theirs.grads[v.name]!))).dataSync()[0]!;
    const scale = tf.max(tf.abs(theirs.grads[v.name]!)).dataSync()[0]!;
    assert.ok(gap <= 1e-4 * (1 + scale), `gradient of ${v.shape} differs by ${gap}`);
  }
  tf.dispose([x, ours.value, theirs.value, ...Object.values(ours.grads), ...Object.values(theirs.grads)]);
  cnn.dispose();
});

test("the same seed gives the same weights, another seed others", async () => {
  const a = createClassifier("mlp", createRandom(5));
  const b = createClassifier("mlp", createRandom(5));
  const c = createClassifier("mlp", createRandom(6));
  const first = await a.variables[0]!.data();
  assert.deepEqual(first, await b.variables[0]!.data());
  assert.notDeepEqual(first, await c.variables[0]!.data());
  // Glorot uniform: |w| ≤ √(6 / (784 + 256)).
  assert.ok(first.every((w) => Math.abs(w) <= Math.sqrt(6 / 1040)));
  [a, b, c].forEach((n) => n.dispose());
});

test("the generator moves no pixel by more than ε and stays in [0, 1]", async () => {
  const generator = createGenerator(0.3, createRandom(2));
  const x = images(4);
  const out = generator.apply(x);
  assert.deepEqual(out.shape, [4, 784]);
  const [before, after] = [await x.data(), await out.data()];
  let moved = 0;
  for (let i = 0; i < before.length; i++) {
    assert.ok(Math.abs(after[i]! - before[i]!) <= 0.3 + 1e-6);
    assert.ok(after[i]! >= 0 && after[i]! <= 1);
    moved = Math.max(moved, Math.abs(after[i]! - before[i]!));
  }
  assert.ok(moved > 0.01, "an untrained generator already perturbs");
  tf.dispose([x, out]);
  generator.dispose();
});
