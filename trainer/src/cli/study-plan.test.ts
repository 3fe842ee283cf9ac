import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { planStudy, workload, type StudyManifest, type StudyVariant } from "./study-plan.ts";

const presets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../presets/paper");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(presets, file), "utf8"));
const manifest = readJson("study.json") as StudyManifest;

test("the paper study has the two baselines and the four GAN schedules of Tables 1-4, full size", () => {
  const runs = planStudy(manifest, readJson, {}, "study-x");
  assert.deepEqual(
    runs.map((r) => [r.name, r.method]),
    [
      ["standard", "STANDARD"],
      ["fgsm", "FGSM"],
      ["gan-2to1", "GAN"],
      ["gan-4to1", "GAN"],
      ["gan-stepped-6-8-12", "GAN"],
      ["gan-adaptive-0.6", "GAN"],
    ],
  );
  const byName = Object.fromEntries(runs.map((r) => [r.name, r]));
  assert.deepEqual(byName["gan-2to1"]!.config.schedule, { type: "constant", ratio: 2 });
  assert.deepEqual(byName["gan-4to1"]!.config.schedule, { type: "constant", ratio: 4 });
  assert.deepEqual(byName["gan-stepped-6-8-12"]!.config.schedule, { type: "stepped", ratios: [6, 8, 12], cyclesPerRatio: 5 });
  assert.equal(byName["gan-adaptive-0.6"]!.config.schedule.type, "adaptive");
  for (const run of runs) {
    assert.equal(run.experimentName, "study-x");
    assert.equal(run.config.classifier, "mlp");
    assert.equal(run.config.trainSize, 60000);
    assert.equal(run.config.testSize, 10000);
    assert.ok(run.config.cycles >= 15 && run.config.cycles <= 20);
    assert.ok(run.tags.includes("paper"));
  }
  assert.deepEqual(byName["gan-4to1"]!.tags, ["paper", "paper-study", "table-2"]);
});

test("the quick variant shrinks every run and keeps each schedule's shape", () => {
  const runs = planStudy(manifest, readJson, readJson("quick.json") as StudyVariant, "quick", ["smoke"]);
  for (const run of runs) {
    assert.equal(run.config.trainSize, 10000);
    assert.ok(run.tags.includes("smoke"));
  }
  const stepped = runs.find((r) => r.name === "gan-stepped-6-8-12")!;
  assert.deepEqual(stepped.config.schedule, { type: "stepped", ratios: [6, 8, 12], cyclesPerRatio: 2 });
});

test("a bad preset is refused before anything is launched, naming the run and the field", () => {
  const bad = { runs: [{ name: "broken", method: "GAN", config: "x.json" }] };
  assert.throws(() => planStudy(bad, () => ({ cycles: 0 }), {}, "e"), /run "broken" \(x\.json\): config\.cycles: must be at least 1/);
  assert.throws(() => planStudy({ runs: [{ name: "m", method: "SGD", config: "x.json" }] }, () => ({}), {}, "e"), /method must be one of/);
  assert.throws(() => planStudy({ runs: [] }, () => ({}), {}, "e"), /no runs/);
});

test("the workload counts generator units per schedule, an upper bound when adaptive", () => {
  const [standard, , gan2, , stepped, adaptive] = planStudy(manifest, readJson, {}, "e");
  assert.deepEqual(workload("STANDARD", standard!.config), {
    classifierSteps: 2000,
    generatorSteps: 0,
    bounded: false,
    evaluatedImages: 210000,
  });
  assert.equal(workload("GAN", gan2!.config).generatorSteps, 20 * 2 * 100);
  assert.equal(workload("GAN", stepped!.config).generatorSteps, (6 + 8 + 12) * 5 * 100);
  const bound = workload("GAN", adaptive!.config);
  assert.equal(bound.bounded, true);
  assert.equal(bound.generatorSteps, 20 * 40 * 100);
});
