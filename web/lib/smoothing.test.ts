import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { smoothEma } from "./smoothing.ts";

test("weight 0 leaves the series as it is", () => {
  assert.deepEqual(smoothEma([1, null, 3], 0), [1, null, 3]);
});

test("a constant series stays constant (the debiasing works from the first point)", () => {
  for (const v of smoothEma([5, 5, 5, 5], 0.9)) assert.ok(Math.abs((v ?? 0) - 5) < 1e-9);
});

test("gaps stay gaps and do not reset the average", () => {
  const out = smoothEma([0, null, 10], 0.5);
  assert.equal(out[1], null);
  assert.ok(out[2]! > 0 && out[2]! < 10);
});

test("smoothed values stay within the range of the input", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }),
      fc.double({ min: 0, max: 0.99, noNaN: true }),
      (xs, w) => {
        const lo = Math.min(...xs);
        const hi = Math.max(...xs);
        return smoothEma(xs, w).every(
          (v) => v !== null && v >= lo - 1e-6 * Math.max(1, Math.abs(lo)) && v <= hi + 1e-6 * Math.max(1, Math.abs(hi)),
        );
      },
    ),
  );
});
