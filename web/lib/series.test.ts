import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { alignSeries, mergePoints, type SeriesPoint } from "./series.ts";

const pt = (step: number, value: number): SeriesPoint => ({ step, value, min: value, max: value });

test("live points append after the end", () => {
  assert.deepEqual(mergePoints([pt(0, 1)], [{ step: 1, value: 2 }]), [pt(0, 1), pt(1, 2)]);
});

test("a step already present keeps its first value", () => {
  assert.deepEqual(mergePoints([pt(0, 1), pt(1, 2)], [{ step: 1, value: 9 }]), [pt(0, 1), pt(1, 2)]);
});

test("late points land in order", () => {
  assert.deepEqual(
    mergePoints(
      [pt(0, 1), pt(5, 2)],
      [
        { step: 3, value: 7 },
        { step: 6, value: 8 },
      ],
    ).map((p) => p.step),
    [0, 3, 5, 6],
  );
});

test("merging always yields ascending unique steps", () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.nat(50)), fc.array(fc.nat(50)), (base, more) => {
      const existing = [...base].sort((a, b) => a - b).map((s) => pt(s, s));
      const steps = mergePoints(
        existing,
        more.map((s) => ({ step: s, value: -1 })),
      ).map((p) => p.step);
      return steps.every((s, i) => i === 0 || s > steps[i - 1]!) && new Set(steps).size === new Set([...base, ...more]).size;
    }),
  );
});

test("series align on the union of their steps, with gaps as null", () => {
  const a = [pt(0, 1), pt(2, 3)];
  const b = [{ step: 1, value: 5, min: 4, max: 6 }];
  const aligned = alignSeries([a, b]);
  assert.deepEqual(aligned.x, [0, 1, 2]);
  assert.deepEqual(aligned.values, [
    [1, null, 3],
    [null, 5, null],
  ]);
  assert.deepEqual(aligned.mins[1], [null, 4, null]);
  assert.deepEqual(aligned.maxs[1], [null, 6, null]);
  assert.deepEqual(aligned.banded, [false, true]);
});
