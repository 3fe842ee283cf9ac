/**
 * Live updates over graphql-ws, across API processes: a subscriber of one process sees
 * every batch logged through another, in order, including batches far above NOTIFY's
 * 8,000-byte payload limit, and every run change.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { collect, query, wsClient } from "../support/graphql.ts";
import * as ops from "../support/documents.ts";
import { startPlatform, waitFor, type ApiProcess, type Platform } from "../support/platform.ts";

let platform: Platform;
let other: ApiProcess;
before(async () => {
  platform = await startPlatform();
  other = await platform.startExtraApi();
});
after(() => platform?.stop());

test("metricsAppended on one API process delivers every batch logged through another", async () => {
  const { startRun } = await query(platform.apiUrl, ops.StartRun, { input: { experimentName: "live", method: "GAN" } });
  const { startRun: otherRun } = await query(platform.apiUrl, ops.StartRun, { input: { experimentName: "live", method: "GAN" } });
  const client = wsClient(platform.wsUrl);
  const sub = collect(client, ops.MetricsAppended, { runId: startRun.id });
  await sub.started;

  const small = [
    { key: "loss", step: 0, value: 1 },
    { key: "acc", step: 0, value: 0.1 },
  ];
  const large = Array.from({ length: 5000 }, (_, i) => ({
    key: `train/loss_with_a_long_name_${i % 3}`,
    step: 1 + Math.floor(i / 3) * 7,
    value: Math.random(),
  }));
  await query(other.apiUrl, ops.LogMetrics, { runId: startRun.id, points: small });
  await query(other.apiUrl, ops.LogMetrics, { runId: otherRun.id, points: small }); // another run: not delivered
  await query(other.apiUrl, ops.LogMetrics, { runId: startRun.id, points: large });
  await query(other.apiUrl, ops.LogMetrics, { runId: startRun.id, points: small }); // all duplicates: nothing to deliver
  await query(other.apiUrl, ops.LogMetrics, { runId: startRun.id, points: [{ key: "loss", step: 1, value: 0.5 }] });

  await waitFor(async () => sub.events.length >= 3, "three batches", 15_000);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(sub.events.length, 3);
  const [first, second, third] = sub.events.map((e) => e.metricsAppended);
  assert.ok(first!.runId === startRun.id && second!.runId === startRun.id);
  const key = (p: { key: string; step: number; value: number }) => `${p.key}@${p.step}=${p.value}`;
  assert.deepEqual(new Set(first!.points.map(key)), new Set(small.map(key)));
  assert.equal(second!.points.length, 5000);
  assert.deepEqual(new Set(second!.points.map(key)), new Set(large.map(key)));
  assert.deepEqual(third!.points, [{ key: "loss", step: 1, value: 0.5 }]);
  sub.stop();
  await client.dispose();
});

test("runUpdated reports status, summary, tags and notes changes of one run or of all", async () => {
  const client = wsClient(other.wsUrl);
  const { launchRun } = await query(platform.apiUrl, ops.LaunchRun, { input: { experimentName: "live", method: "FGSM" } });
  const one = collect(client, ops.RunUpdated, { runId: launchRun.id });
  const all = collect(client, ops.RunUpdated, {});
  await Promise.all([one.started, all.started]);

  await query(platform.apiUrl, ops.SetRunTags, { runId: launchRun.id, tags: ["watched"] });
  await query(platform.apiUrl, ops.SetRunNotes, { runId: launchRun.id, notes: "hello" });
  let claimed = (await query(platform.apiUrl, ops.ClaimRun, { workerId: "live-worker" })).claimRun;
  while (claimed && claimed.id !== launchRun.id)
    claimed = (await query(platform.apiUrl, ops.ClaimRun, { workerId: "live-worker" })).claimRun;
  await query(platform.apiUrl, ops.LogMetrics, { runId: launchRun.id, points: [{ key: "clean_accuracy", step: 1, value: 0.9 }] });
  await query(platform.apiUrl, ops.FinishRun, { runId: launchRun.id, status: "SUCCEEDED" });
  const { launchRun: elsewhere } = await query(platform.apiUrl, ops.LaunchRun, { input: { experimentName: "live", method: "GAN" } });

  await waitFor(async () => one.events.length >= 5 && all.events.some((e) => e.runUpdated.id === elsewhere.id), "run updates", 15_000);
  const seen = one.events.map((e) => e.runUpdated);
  assert.ok(seen.every((r) => r.id === launchRun.id));
  assert.deepEqual(seen[0]!.tags, ["watched"]);
  assert.equal(seen[1]!.notes, "hello");
  assert.equal(seen[2]!.status, "RUNNING");
  assert.deepEqual(seen[3]!.summary, { clean_accuracy: 0.9 });
  assert.equal(seen[4]!.status, "SUCCEEDED");
  assert.ok(!one.events.some((e) => e.runUpdated.id === elsewhere.id));
  one.stop();
  all.stop();
  await client.dispose();
});
