/**
 * The training methods end to end on small MNIST subsets, on the wasm backend (always
 * available): they learn, attacks hurt, FGSM retraining helps against FGSM, the GAN
 * cycle reports what training.md lists, runs are reproducible, memory stays flat, and
 * cancellation is prompt and silent.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { resolveTrainingConfig, type TrainingConfigInput, type TrainingMethod } from "../config/training-config.ts";
import { useBackend } from "../compute/backend.ts";
import { createRecordingReporter, type RecordingReporter } from "./recording-reporter.ts";
import { train } from "./train.ts";

before(async () => {
  await useBackend("wasm");
});

const MLP_BASE: TrainingConfigInput = {
  backend: "wasm",
  classifier: "mlp",
  trainSize: 2000,
  testSize: 500,
  batchSize: 64,
  unitSteps: 40,
  cycles: 3,
  pretrainSteps: 40,
  sweepEpsilons: [0.1, 0.25],
  pgdSteps: 5,
  imageCount: 8,
  seed: 7,
};

async function run(method: TrainingMethod, overrides: TrainingConfigInput = {}, reporter: RecordingReporter = createRecordingReporter()) {
  const outcome = await train({ method, config: resolveTrainingConfig({ ...MLP_BASE, ...overrides }), reporter });
  return { outcome, reporter };
}

const PER_CYCLE = ["classifier_loss", "clean_accuracy", "examples_per_second", "fgsm_accuracy"];
const GAN_ONLY = ["generator_attack_accuracy", "generator_loss", "ratio"];

let standard: Promise<RecordingReporter> | undefined;
const standardRun = () => (standard ??= run("STANDARD").then((r) => r.reporter));

test("STANDARD on the MLP learns, and FGSM at ε 0.25 breaks it", async () => {
  const reporter = await standardRun();
  const clean = reporter.value("clean_accuracy", 3)!;
  assert.ok(clean > 0.8, `clean accuracy ${clean}`);
  assert.ok(reporter.value("clean_accuracy", 0)! < 0.3, "cycle 0 is the untrained model");
  assert.ok(reporter.value("fgsm_accuracy", 3)! < clean - 0.3, "FGSM lowers accuracy");
  assert.deepEqual(reporter.keysAt(0), ["clean_accuracy", "fgsm_accuracy"]);
  assert.deepEqual(reporter.keysAt(2), PER_CYCLE);
  // The sweep: one point per ε at step round(ε·1000); PGD at least as strong as FGSM.
  for (const step of [100, 250]) {
    assert.deepEqual(reporter.keysAt(step), ["robustness/fgsm_accuracy", "robustness/generator_accuracy", "robustness/pgd_accuracy"]);
    assert.ok(reporter.value("robustness/pgd_accuracy", step)! <= reporter.value("robustness/fgsm_accuracy", step)! + 0.02);
  }
  assert.deepEqual(
    reporter.images.map((i) => `${i.kind}@${i.step}`),
    ["fgsm-examples@0", "fgsm-examples@1", "fgsm-examples@3"],
  );
  assert.deepEqual(Array.from(reporter.images[0]!.png.subarray(1, 4)), [0x50, 0x4e, 0x47]);
});

test("FGSM retraining raises FGSM accuracy over STANDARD with the same budget", async () => {
  const [{ reporter: fgsm }, baseline] = [await run("FGSM"), await standardRun()];
  assert.deepEqual(fgsm.keysAt(3), PER_CYCLE);
  const robust = fgsm.value("fgsm_accuracy", 3)!;
  const fragile = baseline.value("fgsm_accuracy", 3)!;
  assert.ok(robust > fragile + 0.15, `FGSM-trained ${robust} vs standard ${fragile}`);
});

test("GAN pre-trains, trains the generator `ratio` units per cycle and reports its keys", async () => {
  const { outcome, reporter } = await run("GAN", { cycles: 2, unitSteps: 10, schedule: { type: "constant", ratio: 2 } });
  assert.equal(outcome.status, "SUCCEEDED");
  assert.deepEqual(reporter.keysAt(0), [
    "classifier_loss",
    "clean_accuracy",
    "examples_per_second",
    "fgsm_accuracy",
    "generator_attack_accuracy",
  ]);
  assert.deepEqual(reporter.keysAt(1), [...PER_CYCLE, ...GAN_ONLY].sort());
  assert.equal(reporter.value("ratio", 2), 2);
  const loss = reporter.value("generator_loss", 2)!;
  assert.ok(loss >= 0 && loss <= 1, `generator loss ${loss} is a mean probability`);
  assert.ok(reporter.value("clean_accuracy", 0)! > 0.5, "cycle 0 follows pre-training");
  assert.deepEqual(new Set(reporter.images.map((i) => i.kind)), new Set(["fgsm-examples", "generator-examples"]));
  const phases = new Set(reporter.progressReports.map((p) => p.phase));
  assert.deepEqual([...phases].sort(), ["classifier", "evaluate", "generator", "pretrain", "sweep"]);
  assert.ok(reporter.progressReports.every((p) => p.backend === "wasm" && p.cycles === 2));
  assert.ok(reporter.progressReports.some((p) => p.etaSeconds !== undefined));
});

test("every method trains the CNN for a few steps", async () => {
  const tiny: TrainingConfigInput = {
    classifier: "cnn",
    trainSize: 64,
    testSize: 24,
    batchSize: 8,
    unitSteps: 2,
    cycles: 1,
    pretrainSteps: 2,
    sweepEpsilons: [0.2],
    pgdSteps: 2,
    imageCount: 4,
  };
  for (const method of ["STANDARD", "FGSM", "GAN"] as const) {
    const { outcome, reporter } = await run(method, tiny);
    assert.equal(outcome.status, "SUCCEEDED", method);
    assert.ok(Number.isFinite(reporter.value("classifier_loss", 1)), method);
    assert.ok(reporter.value("robustness/pgd_accuracy", 200) !== undefined, method);
  }
});

test("the same seed and config give the same metrics; another seed others", async () => {
  const config: TrainingConfigInput = {
    cycles: 2,
    unitSteps: 8,
    pretrainSteps: 8,
    trainSize: 500,
    testSize: 100,
    sweepEpsilons: [0.2],
    schedule: { type: "adaptive", targetGeneratorLoss: 0.5, maxRatio: 3 },
  };
  const values = (r: RecordingReporter) =>
    r.points.filter((p) => p.key !== "examples_per_second").map((p) => `${p.key}@${p.step}=${p.value}`);
  const [a, b, c] = [await run("GAN", config), await run("GAN", config), await run("GAN", { ...config, seed: 8 })];
  assert.deepEqual(values(a.reporter), values(b.reporter));
  assert.notDeepEqual(values(a.reporter), values(c.reporter));
  assert.deepEqual(
    a.reporter.images.map((i) => i.png),
    b.reporter.images.map((i) => i.png),
  );
});

test("memory stays flat across cycles and everything is freed at the end", async () => {
  const before = tf.memory().numTensors;
  const counts: number[] = [];
  const reporter = createRecordingReporter();
  const progress = reporter.progress;
  reporter.progress = (p) => {
    if (p.phase === "evaluate" && p.unit === 1) counts.push(tf.memory().numTensors);
    progress(p);
  };
  await run("GAN", { cycles: 4, unitSteps: 4, pretrainSteps: 4, testSize: 50, sweepEpsilons: [0.2] }, reporter);
  assert.equal(counts.length, 5);
  assert.ok(
    counts.slice(1).every((n) => n === counts[1]),
    `tensors after each cycle: ${counts}`,
  );
  assert.equal(tf.memory().numTensors, before);
});

test("a canceled run stops within a step and reports nothing more", async () => {
  let stopAt = -1;
  const reporter = createRecordingReporter((r) => {
    if (stopAt < 0 && r.progressReports.some((p) => p.phase === "classifier" && p.cycle === 2))
      stopAt = r.points.length + r.images.length + r.progressReports.length;
    return stopAt >= 0;
  });
  const { outcome } = await run("FGSM", { cycles: 5 }, reporter);
  assert.equal(outcome.status, "CANCELED");
  assert.equal(reporter.points.length + reporter.images.length + reporter.progressReports.length, stopAt);
  assert.equal(reporter.value("clean_accuracy", 2), undefined);
  // Stopping as an evaluation or the sweep begins abandons it at its next chunk.
  for (const phase of ["evaluate", "sweep"] as const) {
    let reported = -1;
    const during = createRecordingReporter((r) => {
      if (reported < 0 && r.progressReports.some((p) => p.phase === phase && p.cycle === 1)) reported = r.points.length;
      return reported >= 0;
    });
    const { outcome: stopped } = await run("STANDARD", { cycles: 1 }, during);
    assert.equal(stopped.status, "CANCELED", phase);
    assert.equal(during.points.length, reported, `${phase}: no metrics after the stop`);
  }
  const early = await run(
    "STANDARD",
    {},
    createRecordingReporter(() => true),
  );
  assert.deepEqual(early.outcome, { status: "CANCELED" });
  assert.equal(early.reporter.progressReports.length, 0);
});
