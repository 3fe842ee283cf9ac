/**
 * Fault test 2: a worker machine dies mid-run (kill -9 of the worker and of the training
 * process it spawned, with no chance to say goodbye). The API notices the missing
 * heartbeats and fails that run with "worker lost" within RUN_TIMEOUT_S plus a margin;
 * the run of another worker goes on and succeeds with every cycle stored once.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import * as ops from "../support/documents.ts";
import { query } from "../support/graphql.ts";
import { killTree, waitForExit } from "../support/process-tree.ts";
import { startPlatform, type Platform } from "../support/platform.ts";
import { runEnded, startTrainerTool, stopPlatform, TINY_CONFIG, type TrainerProcess } from "../trainer/trainer-process.ts";

/**
 * Short, so that the test is quick, yet long enough for a live run on a busy 2-core machine:
 * a claimed run's training process sends its first heartbeat only once it has booted
 * (TensorFlow.js, MNIST), which took over 6 s under load; until then the claim's own
 * timestamp is all that keeps the run alive.
 */
const RUN_TIMEOUT_S = 10;
/** Slack over RUN_TIMEOUT_S: the last heartbeat's age at the kill (≤ 1 s) and the reaper's period (≤ RUN_TIMEOUT_S / 4). */
const MARGIN_S = 5;
/** Enough that the other run is still training when the lost one is failed, on a quiet machine too (≈ 0.2–0.6 s a cycle). */
const CYCLES = 100;

let platform: Platform;
const workers: TrainerProcess[] = [];
before(async () => {
  platform = await startPlatform({ runTimeoutS: RUN_TIMEOUT_S });
});
after(async () => {
  for (const worker of workers) killTree(worker.child.pid!);
  await Promise.all(workers.map((w) => w.stop("SIGKILL")));
  await stopPlatform(platform);
});

const cycleLine = (name: string) => new RegExp(`\\[${name}\\] cycle (\\d+)/`, "g");
const cyclesPrinted = (worker: TrainerProcess, name: string) => worker.output().match(cycleLine(name))?.length ?? 0;

async function storedSteps(runId: string, key: string): Promise<number[]> {
  const { run } = await query(platform.apiUrl, ops.RunMetrics, { id: runId, keys: [key] });
  return run!.metrics[0]?.points.map((p) => p.step) ?? [];
}

test("a worker killed with its training process: its run fails as lost in time, the other worker's run goes on", async () => {
  const api = platform.apiUrl;
  const config = { ...TINY_CONFIG, cycles: CYCLES, sweepEpsilons: [0.1] };
  const workerArgs = (id: string) => ["--api", api, "--poll", "0.3", "--heartbeat", "1", "--id", id];
  // One run per worker: each is launched and claimed before the next exists.
  const { launchRun: doomed } = await query(api, ops.LaunchRun, { input: { experimentName: "faults", method: "GAN", config } });
  const dying = startTrainerTool("worker", workerArgs("doomed-worker"));
  workers.push(dying);
  await dying.waitForOutput(new RegExp(`claimed GAN run "${doomed.name}"`));
  const { launchRun: survivor } = await query(api, ops.LaunchRun, { input: { experimentName: "faults", method: "GAN", config } });
  const living = startTrainerTool("worker", workerArgs("living-worker"));
  workers.push(living);
  await living.waitForOutput(new RegExp(`claimed GAN run "${survivor.name}"`));
  await dying.waitForOutput(new RegExp(`\\[${doomed.name}\\] cycle 2/`));
  await living.waitForOutput(new RegExp(`\\[${survivor.name}\\] cycle 2/`));

  // The whole tree at once: the training process must not live on to report the end itself.
  const killed = killTree(dying.child.pid!);
  const killedAt = Date.now();
  assert.ok(killed.length >= 2, `the worker and its training process (${killed.join(", ")})`);
  await waitForExit(killed);
  const survivorCyclesAtKill = cyclesPrinted(living, survivor.name);

  const lost = await runEnded(api, doomed.id, "the killed worker's run to end", (RUN_TIMEOUT_S + MARGIN_S + 30) * 1000);
  const detectedS = (Date.now() - killedAt) / 1000;
  console.log(`worker-lost-detected-after-s: ${detectedS.toFixed(1)} (RUN_TIMEOUT_S=${RUN_TIMEOUT_S})`);
  assert.equal(lost.status, "FAILED");
  assert.equal(lost.error, "worker lost");
  assert.ok(detectedS <= RUN_TIMEOUT_S + MARGIN_S, `failed ${detectedS.toFixed(1)} s after the kill`);
  // Not at once: the reaper waits for the timeout (the last heartbeat may be a little older than the kill).
  assert.ok(detectedS >= RUN_TIMEOUT_S / 2, `not long before the timeout (${detectedS.toFixed(1)} s)`);
  // The API's reaper failed it (the training process was killed, so it cannot have).
  assert.match(platform.api.output(), /1 run\(s\) failed: worker lost/);

  const { run: meanwhile } = await query(api, ops.RunById, { id: survivor.id });
  assert.equal(meanwhile!.status, "RUNNING", `the other run goes on: ${meanwhile!.error}`);
  const done = await runEnded(api, survivor.id, "the other run to end", 240_000);
  assert.equal(done.status, "SUCCEEDED", `${done.error}\n${living.output()}`);
  assert.ok(cyclesPrinted(living, survivor.name) > survivorCyclesAtKill, "it trained on after the kill");
  const everyCycle = Array.from({ length: CYCLES + 1 }, (_, i) => i);
  assert.deepEqual(await storedSteps(survivor.id, "clean_accuracy"), everyCycle);
  assert.equal(await living.stop("SIGTERM"), 0);
});
