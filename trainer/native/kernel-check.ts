/**
 * Helpers for testing native kernels against tfjs's cpu backend: seeded random
 * inputs, the same computation run on both backends, and closeness with a stated
 * tolerance.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { NATIVE_BACKEND } from "./index.ts";

/** `n` seeded pseudo-random floats in [low, high). */
export function randomArray(n: number, seed: number, low = -1, high = 1): Float32Array {
  let state = seed >>> 0 || 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = low + ((state >>> 8) / 16777216) * (high - low);
  }
  return out;
}

/** A tensor of `shape` with seeded random values. */
export function randomTensor(shape: number[], seed: number, low = -1, high = 1): tf.Tensor {
  return tf.tensor(
    randomArray(
      shape.reduce((a, b) => a * b, 1),
      seed,
      low,
      high,
    ),
    shape,
  );
}

/** The outputs of `compute` on `backend`, read back as plain arrays with their shapes. */
export async function runOn(
  backend: string,
  compute: () => tf.Tensor | tf.Tensor[],
): Promise<Array<{ shape: number[]; values: Float32Array }>> {
  assert.ok(await tf.setBackend(backend), `backend ${backend} unavailable`);
  const outputs = tf.tidy(() => {
    const out = compute();
    return Array.isArray(out) ? out : [out];
  });
  const read = outputs.map((t) => ({ shape: t.shape, values: Float32Array.from(t.dataSync()) }));
  tf.dispose(outputs);
  return read;
}

/** Tolerance |actual − expected| ≤ atol + rtol·|expected|, elementwise. */
export interface Tolerance {
  atol: number;
  rtol: number;
}

/** Exactly equal, NaN matching NaN. */
export const EXACT: Tolerance = { atol: 0, rtol: 0 };

export function assertClose(actual: Float32Array, expected: Float32Array, tol: Tolerance, label: string): void {
  assert.equal(actual.length, expected.length, `${label}: length`);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    if (a === e) continue;
    const bound = tol.atol + tol.rtol * Math.abs(e);
    if (!(Math.abs(a - e) <= bound)) assert.fail(`${label}: element ${i} is ${a}, expected ${e} (±${bound})`);
  }
}

/**
 * Runs `compute` on cpu and on native and asserts every output matches in shape and,
 * within `tol`, in value. Leaves native as the active backend.
 */
export async function assertMatchesCpu(label: string, compute: () => tf.Tensor | tf.Tensor[], tol: Tolerance): Promise<void> {
  const expected = await runOn("cpu", compute);
  const actual = await runOn(NATIVE_BACKEND, compute);
  assert.equal(actual.length, expected.length, `${label}: output count`);
  actual.forEach((out, i) => {
    assert.deepEqual(out.shape, expected[i]!.shape, `${label}: output ${i} shape`);
    assertClose(out.values, expected[i]!.values, tol, `${label}: output ${i}`);
  });
}

/**
 * The value of f(...xs) and its gradient with respect to every x, through a seeded
 * random weighting of f's output (so that every output element matters).
 */
export function valueAndGrads(f: (...xs: tf.Tensor[]) => tf.Tensor, xs: tf.Tensor[], seed: number): tf.Tensor[] {
  const y = f(...xs);
  const weights = randomTensor(y.shape, seed);
  const grads = tf.grads((...args: tf.Tensor[]) => tf.sum(tf.mul(f(...args), weights)))(xs);
  return [y, ...grads];
}
