/**
 * End to end: runs launched through the API are claimed by a real worker process and
 * trained with the real trainer; every metric key and image of training.md is stored.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { collect, query, wsClient } from "../support/graphql.ts";
import * as ops from "../support/documents.ts";
import { startPlatform, type Platform } from "../support/platform.ts";
import { pollUntil, runEnded, startTrainerTool, stopPlatform, TINY_CONFIG, type TrainerProcess } from "./trainer-process.ts";

const SWEEP = [0.1, 0.3];
const PER_CYCLE = ["classifier_loss", "clean_accuracy", "fgsm_accuracy", "examples_per_second"];
const GAN_ONLY = ["ratio", "generator_loss", "generator_attack_accuracy"];
const ROBUSTNESS = ["robustness/fgsm_accuracy", "robustness/pgd_accuracy", "robustness/generator_accuracy"];

let platform: Platform;
let worker: TrainerProcess | undefined;
before(async () => {
  platform = await startPlatform();
});
after(async () => {
  await worker?.stop("SIGKILL");
  await stopPlatform(platform);
});

async function steps(runId: string, key: string): Promise<number[]> {
  const { run } = await query(platform.apiUrl, ops.RunMetrics, { id: runId, keys: [key] });
  const series = run!.metrics[0];
  return series ? series.points.map((p) => p.step) : [];
}

test("a worker claims QUEUED runs of every method and trains them to SUCCEEDED with every metric and image", async () => {
  const api = platform.apiUrl;
  const config = { ...TINY_CONFIG, sweepEpsilons: SWEEP };
  const { launchRuns } = await query(api, ops.LaunchRuns, {
    inputs: (["GAN", "STANDARD", "FGSM"] as const).map((method) => ({ experimentName: "e2e", method, config, tags: ["e2e"] })),
  });
  const [gan, standard, fgsm] = launchRuns;
  for (const run of launchRuns) assert.equal(run.status, "QUEUED");

  const ws = wsClient(platform.wsUrl);
  const updates = collect(ws, ops.RunUpdated, { runId: gan!.id });
  await updates.started;
  worker = startTrainerTool("worker", ["--api", api, "--concurrency", "2", "--id", "e2e-worker", "--poll", "0.3"]);
  try {
    for (const run of launchRuns) {
      await pollUntil(
        async () => (await query(api, ops.RunById, { id: run.id })).run!.status,
        (s) => s !== "QUEUED" && s !== "RUNNING",
        `run ${run.name} to end`,
        180_000,
      );
    }
  } finally {
    updates.stop();
    await ws.dispose();
  }
  assert.equal(await worker.stop("SIGTERM"), 0, "the worker exits 0 on SIGTERM");
  const output = worker.output();

  const statuses = updates.events.map((e) => e.runUpdated.status).filter((s, i, all) => s !== all[i - 1]);
  assert.deepEqual(
    statuses.filter((s) => s !== "QUEUED"),
    ["RUNNING", "SUCCEEDED"],
    output,
  );

  for (const launched of launchRuns) {
    const run = (await query(api, ops.RunById, { id: launched.id })).run!;
    assert.equal(run.status, "SUCCEEDED", `${run.name}: ${run.error}\n${output}`);
    assert.equal(run.worker, "e2e-worker");
    assert.notEqual((run.config as { backend: string }).backend, "auto", "the worker records the backend it trained on");
    const isGan = run.method === "GAN";
    const expectedKeys = [...PER_CYCLE, ...(isGan ? GAN_ONLY : []), ...ROBUSTNESS].sort();
    assert.deepEqual([...run.metricKeys].sort(), expectedKeys, run.name);
    for (const key of PER_CYCLE) {
      // Cycle 0 is evaluation after GAN's pre-training; the other methods have not trained yet.
      const trained = key === "classifier_loss" || key === "examples_per_second";
      assert.deepEqual(await steps(run.id, key), isGan || !trained ? [0, 1, 2] : [1, 2], `${run.name} ${key}`);
    }
    if (isGan) {
      for (const key of ["ratio", "generator_loss"]) assert.deepEqual(await steps(run.id, key), [1, 2], key);
      assert.deepEqual(await steps(run.id, "generator_attack_accuracy"), [0, 1, 2]);
    }
    for (const key of ROBUSTNESS) assert.deepEqual(await steps(run.id, key), [100, 300], `${run.name} ${key}`);
    const kinds = new Set(run.images.map((i) => i.kind));
    assert.ok(kinds.has("fgsm-examples"), `${run.name} has FGSM example grids`);
    if (isGan) assert.ok(kinds.has("generator-examples"), "GAN has generator example grids");
    const image = run.images[0]!;
    const png = await fetch(new URL(image.url, api));
    assert.equal(png.status, 200);
    assert.deepEqual([...new Uint8Array(await png.arrayBuffer()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  }
  assert.match(output, new RegExp(`claimed GAN run "${gan!.name}"`));
  assert.match(output, new RegExp(`\\[${standard!.name}\\] cycle 2/2`), "per-run prefixed cycle lines");
  assert.match(output, new RegExp(`\\[${fgsm!.name}\\] SUCCEEDED after`));
});

test("a run whose stored config cannot be trained here ends FAILED with the reason, and the worker carries on", async () => {
  const api = platform.apiUrl;
  // tfjs-node cannot be installed on these machines: asking for it fails at run time.
  const { launchRun: impossible } = await query(api, ops.LaunchRun, {
    input: { experimentName: "e2e", method: "STANDARD", config: { ...TINY_CONFIG, backend: "tensorflow" } },
  });
  const { launchRun: fine } = await query(api, ops.LaunchRun, {
    input: { experimentName: "e2e", method: "STANDARD", config: TINY_CONFIG },
  });
  worker = startTrainerTool("worker", ["--api", api, "--poll", "0.3"]);
  const failed = await runEnded(api, impossible.id, "the impossible run to end");
  assert.equal(failed.status, "FAILED");
  assert.match(failed.error ?? "", /"tensorflow" compute backend is not available/);
  const succeeded = await runEnded(api, fine.id, "the next run to end");
  assert.equal(succeeded.status, "SUCCEEDED", worker.output());
  assert.equal(await worker.stop("SIGTERM"), 0);
});
