import assert from "node:assert/strict";
import { test } from "node:test";
import { formatTick, integerTickIncrements } from "./axis-ticks.ts";

test("step-axis spacings are whole numbers 1, 2, 5 × 10ᵏ, ascending", () => {
  assert.deepEqual(integerTickIncrements(100), [1, 2, 5, 10, 20, 50, 100]);
  const all = integerTickIncrements();
  assert.ok(all.every((d) => Number.isInteger(d) && d >= 1));
  assert.ok(all.every((d, i) => i === 0 || d > all[i - 1]!));
  // Enough range for any step the API accepts (a run's step fits in a 32-bit integer).
  assert.ok(all.at(-1)! >= 2 ** 31);
});

test("value-axis labels keep neighbouring ticks apart, however small the spacing", () => {
  const spaced = (increment: number, count: number) => Array.from({ length: count }, (_, i) => formatTick(i * increment, increment));
  assert.deepEqual(spaced(0.0001, 4), ["0.0000", "0.0001", "0.0002", "0.0003"]);
  assert.deepEqual(spaced(0.25, 3), ["0.00", "0.25", "0.50"]);
  assert.deepEqual(spaced(5000, 3), ["0", "5,000", "10,000"]);
  assert.equal(formatTick(-0.5, 0.5), "-0.5");
  // A spacing of 0.1 is not exact in binary; it still reads with one decimal.
  assert.equal(formatTick(0.30000000000000004, 0.1), "0.3");
});
