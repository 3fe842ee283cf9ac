import assert from "node:assert/strict";
import { test } from "node:test";
import { elapsedMs, formatDateTime, formatDuration, formatValue } from "./format.ts";

test("values: integers exact, fractions to 4 decimals, extremes in exponent form", () => {
  assert.equal(formatValue(3), "3");
  assert.equal(formatValue(0.91234567), "0.9123");
  assert.equal(formatValue(1234.56), "1234.6");
  assert.equal(formatValue(0.00001234), "1.234e-5");
  assert.equal(formatValue(null), "–");
  assert.equal(formatValue(Number.NaN), "–");
});

test("durations pick the two largest units", () => {
  assert.equal(formatDuration(45_000), "45s");
  assert.equal(formatDuration(185_000), "3m 05s");
  assert.equal(formatDuration(2 * 3600_000 + 7 * 60_000), "2h 07m");
  assert.equal(formatDuration(76 * 3600_000), "3d 4h");
  assert.equal(formatDuration(-1), "–");
});

test("date-times render in UTC so server and browser agree", () => {
  assert.equal(formatDateTime("2026-11-29T21:04:33.000Z"), "2026-11-29 21:04 UTC");
  assert.equal(formatDateTime(null), "–");
  assert.equal(formatDateTime("nonsense"), "–");
});

test("elapsed time runs to now while a run has no end", () => {
  assert.equal(elapsedMs("2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", 0), 60_000);
  assert.equal(elapsedMs("2026-01-01T00:00:00Z", null, Date.parse("2026-01-01T00:00:10Z")), 10_000);
  assert.equal(elapsedMs(null, null, 0), null);
});
