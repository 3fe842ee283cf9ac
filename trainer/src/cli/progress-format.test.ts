import { test } from "node:test";
import assert from "node:assert/strict";
import type { Progress } from "../methods/training-run.ts";
import { bar, formatCycleLine, formatDuration, formatLatest, formatProgressLine, fractionDone } from "./progress-format.ts";

const base: Progress = { cycle: 3, cycles: 10, phase: "generator", unit: 1, units: 4, etaSeconds: 125, latest: {}, backend: "wasm" };

test("durations read naturally", () => {
  assert.equal(formatDuration(42.4), "42s");
  assert.equal(formatDuration(185), "3m05s");
  assert.equal(formatDuration(3720), "1h02m");
  assert.equal(formatDuration(undefined), "?");
  assert.equal(formatDuration(Number.POSITIVE_INFINITY), "?");
});

test("the done fraction moves through a cycle's generator, classifier and evaluation", () => {
  assert.equal(fractionDone({ ...base, cycle: 0, phase: "pretrain" }), 0);
  assert.equal(fractionDone({ ...base, phase: "generator", unit: 2, units: 4 }), (2 + 0.25) / 10);
  assert.equal(fractionDone({ ...base, phase: "classifier", unit: 1, units: 1 }), (2 + 1) / 10);
  assert.equal(fractionDone({ ...base, phase: "evaluate" }), 0.3);
  assert.equal(fractionDone({ ...base, phase: "generator", unit: 7, units: undefined }), 0.2, "adaptive: units unknown");
  assert.equal(fractionDone({ ...base, phase: "sweep" }), 1);
  assert.equal(bar(0.5, 4), "██░░");
});

test("latest metrics show accuracies as percentages and losses with three decimals", () => {
  assert.equal(
    formatLatest({ clean_accuracy: 0.9712, fgsm_accuracy: 0.4231, classifier_loss: 0.12345, ratio: 4, examples_per_second: 1873.6 }),
    "clean 97.1% · fgsm 42.3% · C loss 0.123 · ratio 4 · 1874 ex/s",
  );
});

test("the progress line shows cycle, phase, units, ETA, backend and metrics, within the terminal width", () => {
  const line = formatProgressLine({ ...base, latest: { clean_accuracy: 0.9 } }, 200);
  assert.match(line, /^cycle 3\/10 .* 21% · generator unit 1\/4 · ETA 2m05s · wasm · clean 90\.0%$/);
  assert.equal(formatProgressLine({ ...base, latest: { clean_accuracy: 0.9 } }, 40).length, 40);
});

test("cycle lines for logs", () => {
  assert.equal(formatCycleLine(0, 5, { clean_accuracy: 0.5 }, 60, "native"), "cycle 0/5 · clean 50.0% · ETA 1m00s · native");
  assert.equal(formatCycleLine(2, 5, {}, undefined, "wasm"), "cycle 2/5 · ETA ? · wasm");
});
