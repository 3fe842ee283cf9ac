import assert from "node:assert/strict";
import { test } from "node:test";
import { closeEnough, maxPointsFor } from "./resolution.ts";

test("one point per pixel for a single run, within sane bounds", () => {
  assert.equal(maxPointsFor(640), 640);
  assert.equal(maxPointsFor(10), 100);
  assert.equal(maxPointsFor(99_999), 4000);
});

test("many runs share a budget of about 5,000 points, at least 32 each", () => {
  assert.equal(maxPointsFor(800, 4), 800);
  assert.equal(maxPointsFor(800, 10), 500);
  assert.equal(maxPointsFor(440, 10), 440);
  assert.equal(maxPointsFor(800, 100), 50);
  assert.equal(maxPointsFor(800, 1000), 32);
});

test("a resolution within a quarter of the wanted one is good enough; unknown wants accept anything", () => {
  assert.equal(closeEnough(440, 500), true);
  assert.equal(closeEnough(440, 1000), false);
  assert.equal(closeEnough(50, 0), true);
});
