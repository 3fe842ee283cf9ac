/** Contract tests of workers: claiming under concurrency, heartbeats, lost workers. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { expectError, query } from "../support/graphql.ts";
import * as ops from "../support/documents.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

let platform: Platform;
let api: string;
before(async () => {
  platform = await startPlatform({ runTimeoutS: 2 });
  api = platform.apiUrl;
});
after(() => platform?.stop());

test("concurrent claims from two API processes never hand out a run twice", async () => {
  const { launchRuns } = await query(api, ops.LaunchRuns, {
    inputs: Array.from({ length: 30 }, (_, i) => ({ experimentName: "claims", name: `r${i}`, method: "STANDARD" as const })),
  });
  const second = await platform.startExtraApi();
  const claims = await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      query(i % 2 ? second.apiUrl : api, ops.ClaimRun, { workerId: `worker-${i % 6}`, backend: "wasm" }),
    ),
  );
  const claimed = claims.map((c) => c.claimRun).filter((r) => r !== null);
  assert.equal(claimed.length, 30);
  assert.equal(new Set(claimed.map((r) => r!.id)).size, 30);
  assert.deepEqual(new Set(claimed.map((r) => r!.id)), new Set(launchRuns.map((r) => r.id)));
  for (const run of claimed) {
    assert.equal(run!.status, "RUNNING");
    assert.match(run!.worker!, /^worker-\d$/);
    assert.equal((run!.config as { backend: string }).backend, "wasm");
  }
  assert.equal((await query(api, ops.ClaimRun, { workerId: "late" })).claimRun, null);
  // Claims go oldest first.
  const { launchRun: older } = await query(api, ops.LaunchRun, { input: { experimentName: "claims", method: "GAN" } });
  await query(api, ops.LaunchRun, { input: { experimentName: "claims", method: "GAN" } });
  assert.equal((await query(api, ops.ClaimRun, { workerId: "w" })).claimRun!.id, older.id);
  assert.match((await expectError(api, ops.ClaimRun, { workerId: "w", backend: "gpu-magic" })).message, /^backend: /);
  assert.match((await expectError(api, ops.ClaimRun, { workerId: "" })).message, /^workerId: /);
});

test("a heartbeat tells the worker its run was canceled", async () => {
  const { launchRun } = await query(api, ops.LaunchRun, { input: { experimentName: "beats", method: "GAN" } });
  let claimed = (await query(api, ops.ClaimRun, { workerId: "beater" })).claimRun;
  while (claimed && claimed.id !== launchRun.id) claimed = (await query(api, ops.ClaimRun, { workerId: "beater" })).claimRun;
  assert.equal((await query(api, ops.Heartbeat, { runId: launchRun.id })).heartbeat.status, "RUNNING");
  await query(api, ops.CancelRun, { runId: launchRun.id });
  assert.equal((await query(api, ops.Heartbeat, { runId: launchRun.id })).heartbeat.status, "CANCELED");
});

test("a RUNNING run without heartbeats fails with 'worker lost'; one with heartbeats does not", async () => {
  const lost = (await query(api, ops.StartRun, { input: { experimentName: "lost", method: "GAN" } })).startRun;
  const alive = (await query(api, ops.StartRun, { input: { experimentName: "lost", method: "GAN" } })).startRun;
  const deadline = Date.now() + 10_000;
  let status = "RUNNING";
  while (Date.now() < deadline && status === "RUNNING") {
    await query(api, ops.Heartbeat, { runId: alive.id });
    await new Promise((r) => setTimeout(r, 300));
    status = (await query(api, ops.RunById, { id: lost.id })).run!.status;
  }
  const { run } = await query(api, ops.RunById, { id: lost.id });
  assert.equal(run!.status, "FAILED");
  assert.equal(run!.error, "worker lost");
  assert.ok(run!.finishedAt);
  assert.equal((await query(api, ops.RunById, { id: alive.id })).run!.status, "RUNNING");
});

test("logging metrics keeps a run alive like a heartbeat", async () => {
  const { startRun } = await query(api, ops.StartRun, { input: { experimentName: "lost", method: "GAN" } });
  for (let step = 0; step < 12; step++) {
    await query(api, ops.LogMetrics, { runId: startRun.id, points: [{ key: "loss", step, value: 1 / (step + 1) }] });
    await new Promise((r) => setTimeout(r, 400));
  }
  assert.equal((await query(api, ops.RunById, { id: startRun.id })).run!.status, "RUNNING");
});
