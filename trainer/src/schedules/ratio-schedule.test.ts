import { test } from "node:test";
import assert from "node:assert/strict";
import type { ScheduleConfig } from "../config/training-config.ts";
import { expectedRatio, plannedRatio, trainsAnotherUnit } from "./ratio-schedule.ts";

test("a constant schedule trains the same number of units every cycle", () => {
  const schedule = { type: "constant", ratio: 4 } as const;
  assert.equal(plannedRatio(schedule, 1), 4);
  assert.equal(plannedRatio(schedule, 99), 4);
  assert.equal(trainsAnotherUnit(schedule, 3, 3, 0.1), true);
  assert.equal(trainsAnotherUnit(schedule, 3, 4, 0.99), false);
});

test("a stepped schedule moves to the next ratio every cyclesPerRatio cycles and stays on the last", () => {
  const schedule: ScheduleConfig = { type: "stepped", ratios: [6, 8, 12], cyclesPerRatio: 5 };
  const ratios = Array.from({ length: 20 }, (_, i) => plannedRatio(schedule, i + 1));
  assert.deepEqual(ratios, [6, 6, 6, 6, 6, 8, 8, 8, 8, 8, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12]);
  assert.equal(trainsAnotherUnit(schedule, 6, 7, undefined), true);
  assert.equal(trainsAnotherUnit(schedule, 6, 8, undefined), false);
});

test("an adaptive schedule trains until the loss is below target, at least once, at most maxRatio", () => {
  const schedule = { type: "adaptive", targetGeneratorLoss: 0.6, maxRatio: 3 } as const;
  assert.equal(plannedRatio(schedule, 1), undefined);
  assert.equal(trainsAnotherUnit(schedule, 1, 0, undefined), true);
  assert.equal(trainsAnotherUnit(schedule, 1, 0, 0.1), true, "the first unit always runs");
  assert.equal(trainsAnotherUnit(schedule, 1, 1, 0.7), true);
  assert.equal(trainsAnotherUnit(schedule, 1, 1, 0.6), true, "the loss must fall below the target");
  assert.equal(trainsAnotherUnit(schedule, 1, 1, 0.59), false);
  assert.equal(trainsAnotherUnit(schedule, 1, 3, 0.9), false, "maxRatio caps it");
});

test("the expected ratio falls back to the adaptive average so far, else 1", () => {
  assert.equal(expectedRatio({ type: "constant", ratio: 2 }, 5, 7), 2);
  assert.equal(expectedRatio({ type: "adaptive", targetGeneratorLoss: 0.5, maxRatio: 9 }, 5, 3.5), 3.5);
  assert.equal(expectedRatio({ type: "adaptive", targetGeneratorLoss: 0.5, maxRatio: 9 }, 1, undefined), 1);
});
