import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { downsampleReference, planBuckets, ROLLUP_BASE } from "./downsample.ts";

const touched = (lo: number, hi: number, w: number) => Math.floor(hi / w) - Math.floor(lo / w) + 1;

test("a plan never touches more than maxPoints buckets and aligns to its rollup level", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 ** 31 - 2 }),
      fc.integer({ min: 0, max: 10_000_000 }),
      fc.integer({ min: 1, max: 5000 }),
      (lo, extent, maxPoints) => {
        const hi = Math.min(lo + extent, 2 ** 31 - 1);
        const { width, level } = planBuckets(lo, hi, maxPoints);
        assert.ok(width >= 1);
        assert.ok(touched(lo, hi, width) <= maxPoints, `touched ${touched(lo, hi, width)} > ${maxPoints}`);
        assert.equal(width % ROLLUP_BASE ** level, 0);
        if (level > 0) assert.ok(ROLLUP_BASE ** level <= width);
      },
    ),
  );
});

test("a million steps into a thousand buckets reads the 256-step rollups", () => {
  assert.deepEqual(planBuckets(0, 999_999, 1000), { width: 1024, level: 2 });
});

test("one bucket covers the whole range when maxPoints is 1", () => {
  const { width } = planBuckets(17, 90, 1);
  assert.equal(touched(17, 90, width), 1);
});

test("the reference keeps every spike and the last value of each bucket", () => {
  const points = Array.from({ length: 10_000 }, (_, step) => ({ step, value: step === 4321 ? 1e6 : step === 777 ? -1e6 : Math.sin(step) }));
  const { count, points: out } = downsampleReference(points, 100);
  assert.equal(count, 10_000);
  assert.ok(out.length <= 100);
  assert.equal(Math.max(...out.map((p) => p.max)), 1e6);
  assert.equal(Math.min(...out.map((p) => p.min)), -1e6);
  assert.equal(out[out.length - 1]!.step, 9999);
  assert.equal(out[out.length - 1]!.value, Math.sin(9999));
  for (let i = 1; i < out.length; i++) assert.ok(out[i]!.step > out[i - 1]!.step);
});

test("the reference returns raw points when they fit, with min = max = value", () => {
  const points = [
    { step: 3, value: 1 },
    { step: 1, value: 2 },
    { step: 9, value: 3 },
  ];
  assert.deepEqual(downsampleReference(points, 3, 2, 9), {
    count: 2,
    points: [
      { step: 3, value: 1, min: 1, max: 1 },
      { step: 9, value: 3, min: 3, max: 3 },
    ],
  });
});
