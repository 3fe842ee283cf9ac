import assert from "node:assert/strict";
import { test } from "node:test";
import { buildPlotData } from "./plot-data.ts";

const x = [0, 1, 2];

test("lines become columns after x; bands only for lines that were downsampled", () => {
  const plot = buildPlotData(
    x,
    [
      { label: "a", color: "red", values: [1, 2, 3], min: [1, 2, 3], max: [1, 2, 3] },
      { label: "b", color: "blue", values: [4, 5, 6], min: [3, 5, 6], max: [4, 9, 6] },
    ],
    true,
  );
  assert.deepEqual(plot.data, [x, [1, 2, 3], [4, 5, 6], [4, 9, 6], [3, 5, 6]]);
  assert.deepEqual(plot.bands, [{ line: 1, upper: 3, lower: 4 }]);
});

test("bands can be turned off", () => {
  const plot = buildPlotData(x, [{ label: "b", color: "blue", values: [4, 5, 6], min: [3, 5, 6], max: [4, 9, 6] }], false);
  assert.equal(plot.data.length, 2);
  assert.deepEqual(plot.bands, []);
});

test("many lines share one envelope band instead of a band each", () => {
  const lines = Array.from({ length: 12 }, (_, i) => ({ label: `r${i}`, color: "c", values: [i, i], min: [i - 1, i], max: [i + 1, i] }));
  const plot = buildPlotData([0, 1], lines, true);
  assert.equal(plot.data.length, 1 + 12 + 2);
  assert.deepEqual(plot.data[13], [12, 11]);
  assert.deepEqual(plot.data[14], [-1, 0]);
  assert.deepEqual(plot.bands, [{ line: -1, upper: 13, lower: 14 }]);
});
