import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { createRandom, fillUniform } from "../../data/random.ts";
import { useBackend } from "../backend.ts";

before(async () => {
  await useBackend("wasm");
});

/** Values after `steps` Adam steps of random gradients on `backend`, with tf.train.adam as anyone uses it. */
async function train(backend: "wasm" | "cpu", steps: number): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const random = createRandom(11);
  const variables = [[7, 5], [5], [300]].map((shape) =>
    tf.variable(tf.tensor(fillUniform(random, new Float32Array(shape.reduce((a, b) => a * b)), -1, 1), shape)),
  );
  const optimizer = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
  for (let step = 0; step < steps; step++) {
    const gradients = Object.fromEntries(
      variables.map((v) => [v.name, tf.tensor(fillUniform(random, new Float32Array(v.size), -2, 2), v.shape)]),
    );
    optimizer.applyGradients(gradients as Parameters<typeof optimizer.applyGradients>[0]);
    tf.dispose(Object.values(gradients));
  }
  const values = await Promise.all(variables.map(async (v) => (await v.data()) as Float32Array));
  optimizer.dispose();
  tf.dispose(variables);
  return values;
}

test("the one-pass wasm Adam gives tfjs' Adam results bit for bit", async () => {
  const [wasm, reference] = [await train("wasm", 25), await train("cpu", 25)];
  await tf.setBackend("wasm");
  assert.equal(wasm.length, reference.length);
  wasm.forEach((values, i) => assert.deepEqual(values, reference[i]));
});

test("it frees what it replaces: tensors stay flat over steps", async () => {
  await tf.setBackend("wasm");
  const variable = tf.variable(tf.ones([4, 4]));
  const optimizer = tf.train.adam(0.1);
  const step = () => optimizer.minimize(() => tf.sum(tf.square(variable)) as tf.Scalar, false, [variable]);
  step();
  const after = tf.memory().numTensors;
  for (let i = 0; i < 5; i++) step();
  assert.equal(tf.memory().numTensors, after);
  assert.ok(
    (await variable.data()).every((x) => x < 1),
    "it descends",
  );
  optimizer.dispose();
  variable.dispose();
});
