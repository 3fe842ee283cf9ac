/**
 * End to end: stopping a run in the middle. Canceled through the API, the worker notices
 * at its next heartbeat, stops within a unit and logs nothing more; a worker told to stop
 * (SIGTERM) ends its run FAILED with "worker stopped" and exits 0.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { query } from "../support/graphql.ts";
import * as ops from "../support/documents.ts";
import { startPlatform, type Platform } from "../support/platform.ts";
import { pollUntil, startTrainerTool, stopPlatform, TINY_CONFIG, type TrainerProcess } from "./trainer-process.ts";

/** Hundreds of tiny cycles: long enough to be stopped in the middle. */
const LONG_CONFIG = { ...TINY_CONFIG, cycles: 500 };

let platform: Platform;
let worker: TrainerProcess | undefined;
before(async () => {
  platform = await startPlatform();
});
after(async () => {
  await worker?.stop("SIGKILL");
  await stopPlatform(platform);
});

async function pointCounts(runId: string): Promise<Record<string, number>> {
  const { run } = await query(platform.apiUrl, ops.RunById, { id: runId });
  const { run: metrics } = await query(platform.apiUrl, ops.RunMetrics, { id: runId, keys: run!.metricKeys });
  return Object.fromEntries(metrics!.metrics.map((s) => [s.key, s.count]));
}

async function launchAndWaitForCycles(cycles: number) {
  const api = platform.apiUrl;
  const { launchRun } = await query(api, ops.LaunchRun, { input: { experimentName: "stops", method: "GAN", config: LONG_CONFIG } });
  await pollUntil(
    async () => (await pointCounts(launchRun.id)).clean_accuracy ?? 0,
    (n) => n >= cycles,
    `${cycles} cycles of ${launchRun.name}`,
  );
  return launchRun;
}

test("a run canceled through the API stops within a unit and logs nothing more", async () => {
  const api = platform.apiUrl;
  worker = startTrainerTool("worker", ["--api", api, "--poll", "0.3", "--heartbeat", "0.5"]);
  const run = await launchAndWaitForCycles(3);
  const canceledAt = Date.now();
  assert.equal((await query(api, ops.CancelRun, { runId: run.id })).cancelRun.status, "CANCELED");
  await worker.waitForOutput(new RegExp(`\\[${run.name}\\] CANCELED after`), 30_000);
  const stoppedAfterMs = Date.now() - canceledAt;
  // Heartbeat period (0.5 s) plus one unit of three tiny steps, with room for a loaded machine.
  assert.ok(stoppedAfterMs < 8_000, `stopped ${stoppedAfterMs} ms after the cancel`);

  const counts = await pointCounts(run.id);
  await new Promise((r) => setTimeout(r, 1_500));
  assert.deepEqual(await pointCounts(run.id), counts, "no point is stored after the trainer stopped");
  assert.ok((counts.clean_accuracy ?? 0) < LONG_CONFIG.cycles, "the run did not train to its end");
  const stored = (await query(api, ops.RunById, { id: run.id })).run!;
  assert.equal(stored.status, "CANCELED");
  assert.equal(stored.error, null);

  const output = worker.output();
  const afterCancel = output.slice(output.indexOf("the run is CANCELED"));
  assert.ok(output.includes("the run is CANCELED"), output);
  assert.doesNotMatch(afterCancel, new RegExp(`\\[${run.name}\\] cycle \\d+/`), "no cycle is reported after the cancel was seen");
  assert.doesNotMatch(output, /refused/, "the trainer never sent anything the API had to refuse");

  // The worker is free again and trains the next run.
  const { launchRun: next } = await query(api, ops.LaunchRun, {
    input: { experimentName: "stops", method: "STANDARD", config: TINY_CONFIG },
  });
  const done = await pollUntil(
    async () => (await query(api, ops.RunById, { id: next.id })).run!.status,
    (s) => s === "SUCCEEDED" || s === "FAILED",
    "the next run",
  );
  assert.equal(done, "SUCCEEDED");
  assert.equal(await worker.stop("SIGTERM"), 0);
});

test("SIGTERM makes the worker end its run FAILED (worker stopped) and exit 0", async () => {
  const api = platform.apiUrl;
  worker = startTrainerTool("worker", ["--api", api, "--poll", "0.3"]);
  const run = await launchAndWaitForCycles(2);
  const signaledAt = Date.now();
  assert.equal(await worker.stop("SIGTERM"), 0, worker.output());
  assert.ok(Date.now() - signaledAt < 15_000, "the worker stops promptly");
  const stored = (await query(api, ops.RunById, { id: run.id })).run!;
  assert.equal(stored.status, "FAILED");
  assert.equal(stored.error, "worker stopped");
  assert.match(worker.output(), /\[worker\] stopped/);
});
