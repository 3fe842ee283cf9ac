import assert from "node:assert/strict";
import { test } from "node:test";
import { maxPointsFor } from "./resolution.ts";

test("one point per pixel for a single run, within sane bounds", () => {
  assert.equal(maxPointsFor(640), 640);
  assert.equal(maxPointsFor(10), 100);
  assert.equal(maxPointsFor(99_999), 4000);
});

test("many runs get fewer points each, but never fewer than a quarter of the pixels", () => {
  assert.equal(maxPointsFor(800, 10), 800);
  assert.equal(maxPointsFor(800, 100), 500);
  assert.equal(maxPointsFor(800, 1000), 200);
});
