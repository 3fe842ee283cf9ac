/**
 * End to end: the API goes down in the middle of a run (killed, then restarted on the same
 * port). The trainer keeps training and buffers; afterwards every point is stored exactly
 * once: per key one point per cycle, no gap, no double.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { query } from "../support/graphql.ts";
import * as ops from "../support/documents.ts";
import { startPlatform, type Platform } from "../support/platform.ts";
import { pollUntil, runEnded, startTrainerTool, stopPlatform, TINY_CONFIG, type TrainerProcess } from "./trainer-process.ts";

const CYCLES = 40;

let platform: Platform;
let worker: TrainerProcess | undefined;
before(async () => {
  platform = await startPlatform();
});
after(async () => {
  await worker?.stop("SIGKILL");
  await stopPlatform(platform);
});

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

test("through an API outage mid-run every point arrives exactly once", async () => {
  const api = platform.apiUrl;
  const config = { ...TINY_CONFIG, cycles: CYCLES, sweepEpsilons: [0.1, 0.2] };
  const { launchRun: run } = await query(api, ops.LaunchRun, { input: { experimentName: "outage", method: "GAN", config } });
  worker = startTrainerTool("worker", ["--api", api, "--poll", "0.3", "--heartbeat", "1"]);
  await worker.waitForOutput(new RegExp(`\\[${run.name}\\] cycle 3/${CYCLES}`));

  await platform.stopApi("SIGKILL");
  const linesBefore = worker.output().split("\n").length;
  // Training goes on while the API is away: cycle lines keep coming.
  await worker.waitForOutput(/the API is unreachable/, 30_000);
  const downAt = worker.output().match(new RegExp(`\\[${run.name}\\] cycle (\\d+)/`, "g"))!.length;
  await pollUntil(
    async () => worker!.output().match(new RegExp(`\\[${run.name}\\] cycle (\\d+)/`, "g"))!.length,
    (n) => n >= downAt + 3,
    "cycles trained during the outage",
    60_000,
  );
  assert.ok(worker.output().split("\n").length > linesBefore);
  await platform.startApi();
  assert.equal(platform.apiUrl, api, "the API is back on the same port");

  const final = await runEnded(api, run.id, "the run to end", 240_000);
  assert.equal(final.status, "SUCCEEDED", `${final.error}\n${worker.output()}`);
  assert.match(worker.output(), /reachable again/);

  const { run: stored } = await query(api, ops.RunMetrics, { id: run.id, keys: final.metricKeys });
  const steps = Object.fromEntries(stored!.metrics.map((s) => [s.key, { count: s.count, steps: s.points.map((p) => p.step) }]));
  const everyCycle = range(0, CYCLES);
  for (const key of ["classifier_loss", "clean_accuracy", "fgsm_accuracy", "generator_attack_accuracy", "examples_per_second"]) {
    assert.deepEqual(steps[key], { count: CYCLES + 1, steps: everyCycle }, key);
  }
  for (const key of ["ratio", "generator_loss"]) assert.deepEqual(steps[key], { count: CYCLES, steps: range(1, CYCLES) }, key);
  for (const key of ["robustness/fgsm_accuracy", "robustness/pgd_accuracy", "robustness/generator_accuracy"]) {
    assert.deepEqual(steps[key], { count: 2, steps: [100, 200] }, key);
  }
  const images = final.images.map((i) => `${i.kind}@${i.step}`);
  assert.equal(new Set(images).size, images.length, `no image stored twice: ${images.join(", ")}`);
  assert.equal(await worker.stop("SIGTERM"), 0);
});
