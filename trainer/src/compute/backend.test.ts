import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { BACKEND_PREFERENCE, activeBackend, useBackend } from "./backend.ts";

test("an explicit backend is honoured and becomes the active tfjs backend", async () => {
  assert.equal(await useBackend("wasm"), "wasm");
  assert.equal(tf.getBackend(), "wasm");
  assert.equal(activeBackend(), "wasm");
  const warnings: string[] = [];
  assert.equal(await useBackend("cpu", { warn: (m) => warnings.push(m) }), "cpu");
  assert.match(warnings[0] ?? "", /slow/);
});

test("an explicit backend that is not installed is refused, not replaced", async () => {
  await assert.rejects(useBackend("tensorflow"), /"tensorflow" compute backend is not available/);
});

test("auto picks an available backend in order of preference and trains a CNN step on it", async () => {
  const chosen = await useBackend("auto", { warn: () => {} });
  assert.ok(BACKEND_PREFERENCE.includes(chosen));
  assert.notEqual(chosen, "cpu");
  assert.equal(tf.getBackend(), chosen);
  // The kernel wasm lacks out of the box must be there.
  const grad = tf.grad((f: tf.Tensor) => tf.sum(tf.conv2d(tf.ones([1, 4, 4, 1]) as tf.Tensor4D, f as tf.Tensor4D, 1, "valid")))(
    tf.ones([3, 3, 1, 1]),
  );
  assert.deepEqual(Array.from(await grad.data()), Array(9).fill(4));
});
