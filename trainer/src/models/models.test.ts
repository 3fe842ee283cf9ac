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
  assert.deepEqual(mlp.variables.map((v) => v.shape), [[784, 256], [256], [256, 256], [256], [256, 10], [10]]);
  assert.equal(parameterCount(mlp.variables), 784 * 256 + 256 + 256 * 256 + 256 + 2570);
  const x = images(3);
  const logits = mlp.apply(x);
  assert.deepEqual(logits.shape, [3, 10]);
  tf.dispose([x, logits]);
  mlp.dispose();
});

test("the CNN has two 3×3 convolutions, 1,600 features and two dense layers", () => {
  const cnn = createClassifier("cnn", createRandom(1));
  assert.deepEqual(cnn.variables.map((v) => v.shape), [[3, 3, 1, 32], [32], [3, 3, 32, 64], [64], [1600, 128], [128], [128, 10], [10]]);
  const x = images(1);
  const logits = cnn.apply(x);
  assert.deepEqual(logits.shape, [1, 10]);
  tf.dispose([x, logits]);
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
