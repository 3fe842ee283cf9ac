import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { ensureNativeBackend } from "./ensure-built.ts";
import { assertClose, EXACT, randomArray } from "./kernel-check.ts";
import { NATIVE_BACKEND } from "./index.ts";

before(ensureNativeBackend);

/**
 * Applies `steps` Adam updates with seeded gradients to two variables (and to a third
 * listed without a gradient) on `backend`; returns the variables' and the optimizer's
 * final values.
 */
async function train(backend: string, steps: number, asArray: boolean): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const tag = `${backend}-${asArray}`;
  const w = tf.variable(tf.tensor(randomArray(300 * 7, 1), [300, 7]), true, `w-${tag}`);
  const b = tf.variable(tf.tensor(randomArray(7, 2)), true, `b-${tag}`);
  const idle = tf.variable(tf.tensor(randomArray(7, 3)), true, `idle-${tag}`);
  const optimizer = tf.train.adam(0.01, 0.8, 0.95, 1e-6);
  for (let i = 0; i < steps; i++) {
    tf.tidy(() => {
      const gw = tf.tensor(randomArray(300 * 7, 10 + i, -3, 3), [300, 7]);
      const gb = tf.tensor(randomArray(7, 1000 + i, -1e-3, 1e-3));
      if (asArray) {
        optimizer.applyGradients([
          { name: w.name, tensor: gw },
          { name: b.name, tensor: gb },
        ]);
      } else {
        // A map, as tf.layers passes it, with a variable that got no gradient.
        optimizer.applyGradients({ [w.name]: gw, [idle.name]: undefined, [b.name]: gb } as unknown as tf.NamedTensorMap as Parameters<
          typeof optimizer.applyGradients
        >[0]);
      }
    });
  }
  const state = (await optimizer.getWeights()).map((n) => Float32Array.from(n.tensor.dataSync()));
  const result = [w, b, idle].map((v) => Float32Array.from(v.dataSync())).concat(state);
  optimizer.dispose();
  tf.dispose([w, b, idle]);
  return result;
}

describe("native Adam", () => {
  // The same float32 operations in the same order as tfjs's AdamOptimizer.
  for (const asArray of [true, false]) {
    test(`matches tfjs's Adam bit for bit over 30 steps (gradients as ${asArray ? "an array" : "a map"})`, async () => {
      const expected = await train("cpu", 30, asArray);
      const actual = await train(NATIVE_BACKEND, 30, asArray);
      assert.equal(actual.length, expected.length);
      actual.forEach((values, i) => assertClose(values, expected[i]!, EXACT, `tensor ${i}`));
    });
  }

  test("replaces the per-variable elementwise kernels", async () => {
    await tf.setBackend(NATIVE_BACKEND);
    const v = tf.variable(tf.zeros([1000]));
    const optimizer = tf.train.adam(0.1);
    const profile = await tf.profile(() => optimizer.applyGradients([{ name: v.name, tensor: tf.ones([1000]) }]));
    // tfjs's update would run Sqrt, RealDiv, Square and more on the variable.
    assert.deepEqual(
      profile.kernelNames.filter((name) => ["Sqrt", "RealDiv", "Square"].includes(name)),
      [],
    );
    assert.notDeepEqual(Array.from(v.dataSync()), new Array(1000).fill(0));
    optimizer.dispose();
    v.dispose();
  });

  // From the fourth step on, v's memory is the pool's and updated in place, unless
  // someone else could see it.
  const witnesses: Array<[string, (v: tf.Variable) => { values: () => Float32Array; dispose: () => void }]> = [
    [
      "an array read earlier",
      (v) => {
        const read = v.dataSync() as Float32Array;
        return { values: () => read, dispose: () => {} };
      },
    ],
    [
      "a clone",
      (v) => {
        const c = tf.clone(v);
        return { values: () => c.dataSync() as Float32Array, dispose: () => c.dispose() };
      },
    ],
    [
      "a slice",
      (v) => {
        const r = tf.slice(v, [0, 0], [64, 64]);
        return { values: () => r.dataSync() as Float32Array, dispose: () => r.dispose() };
      },
    ],
  ];
  for (const [name, witness] of witnesses) {
    test(`updates in place only while nobody else can see the memory: ${name} keeps its values`, async () => {
      await tf.setBackend(NATIVE_BACKEND);
      const v = tf.variable(tf.zeros([64, 64]));
      const optimizer = tf.train.adam(0.1);
      const step = () => optimizer.applyGradients([{ name: v.name, tensor: tf.ones([64, 64]) }]);
      for (let i = 0; i < 3; i++) tf.tidy(step);
      const seen = witness(v);
      const before = Float32Array.from(seen.values());
      for (let i = 0; i < 3; i++) tf.tidy(step);
      assert.deepEqual(seen.values(), before);
      assert.ok(v.dataSync()[0]! < before[0]!, "the variable itself did not move");
      seen.dispose();
      optimizer.dispose();
      v.dispose();
    });
  }

  test("leaves tfjs's own Adam in charge on other backends", async () => {
    await tf.setBackend("cpu");
    const v = tf.variable(tf.zeros([10]));
    const optimizer = tf.train.adam(0.1);
    const profile = await tf.profile(() => optimizer.applyGradients([{ name: v.name, tensor: tf.ones([10]) }]));
    assert.ok(profile.kernelNames.includes("Sqrt"));
    optimizer.dispose();
    v.dispose();
  });
});
