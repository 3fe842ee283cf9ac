import assert from "node:assert/strict";
import { test } from "node:test";
import { resolveTrainingConfig } from "../../trainer/src/config/training-config.ts";
import { paperStudyInputs, studyExperimentName } from "./paper-study.ts";

test("six runs in one experiment: both baselines and the four GAN schedules, each a valid config", () => {
  const inputs = paperStudyInputs("study-1", { cycles: 3, trainSize: 500, schedule: { type: "constant", ratio: 9 } }, ["quick"]);
  assert.deepEqual(
    inputs.map((i) => i.method),
    ["STANDARD", "FGSM", "GAN", "GAN", "GAN", "GAN"],
  );
  assert.ok(inputs.every((i) => i.experimentName === "study-1" && i.tags?.includes("paper-study") && i.tags.includes("quick")));
  const configs = inputs.map((i) => resolveTrainingConfig(i.config));
  assert.ok(configs.every((c) => c.cycles === 3 && c.trainSize === 500));
  assert.deepEqual(
    configs.slice(2).map((c) => c.schedule),
    [
      { type: "constant", ratio: 2 },
      { type: "constant", ratio: 4 },
      { type: "stepped", ratios: [6, 8, 12], cyclesPerRatio: 5 },
      { type: "adaptive", targetGeneratorLoss: 0.6, maxRatio: 1000 },
    ],
  );
  assert.equal((inputs[0]!.config as Record<string, unknown>).schedule, undefined);
});

test("study experiments are named after their launch time", () => {
  assert.equal(studyExperimentName(new Date("2026-11-29T21:04:05.123Z")), "paper-study-20261129-210405");
});
