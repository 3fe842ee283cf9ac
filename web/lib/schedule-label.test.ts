import assert from "node:assert/strict";
import { test } from "node:test";
import { cyclesOf, scheduleLabel } from "./schedule-label.ts";

test("each schedule type reads as the paper writes it", () => {
  assert.equal(scheduleLabel("GAN", { schedule: { type: "constant", ratio: 2 } }), "2:1");
  assert.equal(scheduleLabel("GAN", { schedule: { type: "stepped", ratios: [6, 8, 12], cyclesPerRatio: 5 } }), "6→8→12 ×5");
  assert.equal(scheduleLabel("GAN", { schedule: { type: "adaptive", targetGeneratorLoss: 0.6, maxRatio: 1000 } }), "adaptive <0.6");
});

test("runs that are not GAN, or have no config, have no schedule", () => {
  assert.equal(scheduleLabel("FGSM", { schedule: { type: "constant", ratio: 2 } }), "–");
  assert.equal(scheduleLabel("GAN", null), "–");
});

test("cycles only when they are a positive integer", () => {
  assert.equal(cyclesOf({ cycles: 20 }), 20);
  assert.equal(cyclesOf({ cycles: "20" }), undefined);
  assert.equal(cyclesOf(undefined), undefined);
});
