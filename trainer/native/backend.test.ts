import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs";
import { ensureNativeBackend } from "./ensure-built.ts";
import { NATIVE_BACKEND, NATIVE_KERNELS } from "./index.ts";

before(async () => {
  await ensureNativeBackend();
  await tf.setBackend(NATIVE_BACKEND);
});

describe("registration", () => {
  test("every cpu kernel exists on native", () => {
    const native = new Set(tf.getKernelsForBackend(NATIVE_BACKEND).map((k) => k.kernelName));
    const missing = tf
      .getKernelsForBackend("cpu")
      .filter((k) => !native.has(k.kernelName))
      .map((k) => k.kernelName);
    assert.deepEqual(missing, []);
    for (const kernel of NATIVE_KERNELS) assert.ok(native.has(kernel.kernelName), kernel.kernelName);
  });

  test("without the addon: false, and one line saying what to install, once", () => {
    const script = `import { registerNativeBackend } from ${JSON.stringify(fileURLToPath(new URL("./index.ts", import.meta.url)))};
      console.log(await registerNativeBackend(), await registerNativeBackend());`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
      env: { ...process.env, SPARRING_NATIVE_ADDON: "/nonexistent/sparring_native.node" },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), "false false");
    const lines = run.stderr.trim().split("\n");
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /native backend unavailable.*apt-get install -y libdnnl-dev/);
  });
});

// Native kernels recycle output arrays once their tensors are disposed; nothing
// outside may notice.
describe("recycled memory stays invisible", () => {
  const churn = () => tf.tidy(() => tf.relu(tf.mul(tf.fill([64, 64], -3), tf.fill([64, 64], 2))).dataSync());

  test("arrays read with dataSync or data do not change after their tensor is disposed", async () => {
    const t = tf.relu(tf.fill([64, 64], 5));
    const synced = t.dataSync();
    const later = await t.data();
    t.dispose();
    churn();
    assert.ok(synced.every((v) => v === 5));
    assert.ok((later as Float32Array).every((v) => v === 5));
  });

  test("a slice (a view into its source's memory) outlives its source", () => {
    const source = tf.relu(tf.fill([64, 64], 7));
    const row = tf.slice(source, [3, 0], [1, 64]);
    source.dispose();
    churn();
    assert.ok(row.dataSync().every((v) => v === 7));
    row.dispose();
  });

  test("a reshape shares its source's memory safely", () => {
    const source = tf.relu(tf.fill([64, 64], 9));
    const flat = tf.reshape(source, [4096]);
    source.dispose();
    churn();
    assert.ok(flat.dataSync().every((v) => v === 9));
    flat.dispose();
  });

  test("a user's array handed to tf.tensor is never written", () => {
    const mine = new Float32Array(4096).fill(1);
    const variable = tf.variable(tf.tensor(mine, [64, 64]));
    const optimizer = tf.train.adam(0.5);
    for (let i = 0; i < 3; i++) optimizer.minimize(() => tf.sum(tf.square(variable)) as tf.Scalar);
    churn();
    assert.ok(mine.every((v) => v === 1));
    assert.ok(variable.dataSync().every((v) => v < 1));
    optimizer.dispose();
    variable.dispose();
  });

  test("steady training allocates no new tensors", () => {
    const w = tf.variable(tf.fill([32, 8], 0.1));
    const x = tf.fill([16, 32], 0.5);
    const optimizer = tf.train.adam(0.01);
    const step = () => optimizer.minimize(() => tf.sum(tf.relu(tf.matMul(x, w))) as tf.Scalar);
    step();
    const tensors = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) step();
    assert.equal(tf.memory().numTensors, tensors);
    optimizer.dispose();
    tf.dispose([w, x]);
  });
});
