/**
 * Contract tests of metric logging and reading: all-or-nothing batches, idempotency,
 * downsampling in SQL checked against the brute-force reference, many runs at once.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { downsampleReference } from "../../server/src/metrics/downsample.ts";
import { expectError, query } from "../support/graphql.ts";
import * as ops from "../support/documents.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

let platform: Platform;
let api: string;
before(async () => {
  platform = await startPlatform();
  api = platform.apiUrl;
});
after(() => platform?.stop());

async function runningRun(name?: string): Promise<string> {
  const { startRun } = await query(api, ops.StartRun, { input: { experimentName: "metrics", method: "GAN", ...(name ? { name } : {}) } });
  return startRun.id;
}

async function pointsOf(runId: string, key: string) {
  const { run } = await query(api, ops.RunMetrics, { id: runId, keys: [key] });
  return run!.metrics[0]?.points ?? [];
}

test("a batch is stored whole, repeats count as duplicates and keep the first value", async () => {
  const runId = await runningRun();
  const first = await query(api, ops.LogMetrics, {
    runId,
    points: [
      { key: "loss", step: 0, value: 2.5 },
      { key: "loss", step: 1, value: 1.5 },
      { key: "acc", step: 1, value: 0.5, wallTime: "2026-01-02T03:04:05.000Z" },
      { key: "loss", step: 1, value: 99 },
    ],
  });
  assert.deepEqual(first.logMetrics, { accepted: 3, duplicates: 1 });
  const retry = await query(api, ops.LogMetrics, {
    runId,
    points: [
      { key: "loss", step: 1, value: 42 },
      { key: "loss", step: 2, value: 0.5 },
    ],
  });
  assert.deepEqual(retry.logMetrics, { accepted: 1, duplicates: 1 });
  const loss = await pointsOf(runId, "loss");
  assert.deepEqual(
    loss.map((p) => [p.step, p.value, p.min, p.max]),
    [
      [0, 2.5, 2.5, 2.5],
      [1, 1.5, 1.5, 1.5],
      [2, 0.5, 0.5, 0.5],
    ],
  );
  const acc = await pointsOf(runId, "acc");
  assert.equal(acc[0]!.wallTime, "2026-01-02T03:04:05.000Z");
  const { run } = await query(api, ops.RunById, { id: runId });
  assert.deepEqual(run!.metricKeys, ["acc", "loss"]);
  assert.deepEqual(run!.summary, { acc: 0.5, loss: 0.5 });
  // Logging an older step does not change the last value.
  await query(api, ops.LogMetrics, { runId, points: [{ key: "loss", step: 3, value: 7 }] });
  await query(api, ops.LogMetrics, { runId, points: [{ key: "loss", step: 0.0 + 10, value: 8 }] });
  assert.equal(((await query(api, ops.RunById, { id: runId })).run!.summary as Record<string, number>).loss, 8);
});

test("one invalid point refuses the whole call and stores nothing", async () => {
  const runId = await runningRun();
  const good = { key: "x", step: 1, value: 1 };
  const cases: [unknown, RegExp][] = [
    [{ key: "", step: 2, value: 1 }, /^points\[1\]\.key: must not be empty/],
    [{ key: "x", step: -1, value: 1 }, /^points\[1\]\.step: /],
    [{ key: " x", step: 3, value: 1 }, /^points\[1\]\.key: /],
  ];
  for (const [bad, message] of cases) {
    const error = await expectError(api, ops.LogMetrics, { runId, points: [good, bad as typeof good] });
    assert.equal(error.extensions?.code, "BAD_USER_INPUT");
    assert.match(error.message, message);
  }
  // Non-finite numbers cannot even be expressed in JSON; a huge literal overflows to Infinity.
  const response = await fetch(api, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: `{"query":"mutation($p:[MetricPointInput!]!){logMetrics(runId:\\"${runId}\\",points:$p){accepted}}","variables":{"p":[{"key":"x","step":1,"value":1},{"key":"x","step":2,"value":1e400}]}}`,
  });
  const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
  assert.equal(body.errors[0]!.extensions.code, "BAD_USER_INPUT");
  assert.deepEqual(await pointsOf(runId, "x"), []);

  const tooMany = Array.from({ length: 10_001 }, (_, step) => ({ key: "x", step, value: step }));
  const limit = await expectError(api, ops.LogMetrics, { runId, points: tooMany });
  assert.match(limit.message, /^points: at most 10000 points per call/);
  assert.deepEqual(await pointsOf(runId, "x"), []);

  const unknown = await expectError(api, ops.LogMetrics, { runId: "00000000-0000-4000-8000-000000000000", points: [good] });
  assert.equal(unknown.extensions?.code, "NOT_FOUND");
});

test("finished and queued runs accept no metrics", async () => {
  const runId = await runningRun();
  await query(api, ops.FinishRun, { runId, status: "SUCCEEDED" });
  const error = await expectError(api, ops.LogMetrics, { runId, points: [{ key: "x", step: 1, value: 1 }] });
  assert.match(error.message, /run is SUCCEEDED, not RUNNING/);
  assert.equal((error.extensions as { runStatus?: string }).runStatus, "SUCCEEDED");
  const { launchRun } = await query(api, ops.LaunchRun, { input: { experimentName: "metrics", method: "GAN" } });
  const queued = await expectError(api, ops.LogMetrics, { runId: launchRun.id, points: [{ key: "x", step: 1, value: 1 }] });
  assert.match(queued.message, /run is QUEUED/);
});

test("downsampling in SQL equals the brute-force reference, spikes included", async () => {
  const runId = await runningRun("downsample");
  // Irregular steps with gaps, noise and two spikes; logged out of order in several batches.
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const points: { key: string; step: number; value: number }[] = [];
  for (let step = 0; points.length < 30_000; step += 1 + Math.floor(random() * 3)) {
    points.push({ key: "noisy", step, value: Math.sin(step / 500) + random() * 0.1 });
  }
  points[12_345]!.value = 50;
  points[23_456]!.value = -50;
  const shuffled = [...points].sort(() => random() - 0.5);
  for (let i = 0; i < shuffled.length; i += 10_000) await query(api, ops.LogMetrics, { runId, points: shuffled.slice(i, i + 10_000) });

  const cases: [number | undefined, number | undefined, number | undefined][] = [
    [1000, undefined, undefined],
    [37, undefined, undefined],
    [1, undefined, undefined],
    [500, 1234, 45_678],
    [200, 20_001, 20_500],
    [100_000, undefined, undefined],
    [undefined, 100, 140],
  ];
  for (const [maxPoints, fromStep, toStep] of cases) {
    const { run } = await query(api, ops.RunMetrics, { id: runId, keys: ["noisy"], maxPoints, fromStep, toStep });
    const series = run!.metrics[0]!;
    const expected = downsampleReference(points, maxPoints, fromStep, toStep);
    const label = JSON.stringify({ maxPoints, fromStep, toStep });
    assert.equal(series.count, expected.count, label);
    assert.deepEqual(
      series.points.map(({ step, value, min, max }) => ({ step, value, min, max })),
      expected.points,
      label,
    );
    if (maxPoints) assert.ok(series.points.length <= maxPoints, label);
  }
  const whole = (await query(api, ops.RunMetrics, { id: runId, keys: ["noisy"], maxPoints: 100 })).run!.metrics[0]!;
  assert.equal(Math.max(...whole.points.map((p) => p.max)), 50);
  assert.equal(Math.min(...whole.points.map((p) => p.min)), -50);

  const bad = await expectError(api, ops.RunMetrics, { id: runId, keys: ["noisy"], maxPoints: 0 });
  assert.match(bad.message, /^maxPoints: /);
  const reversed = await expectError(api, ops.RunMetrics, { id: runId, keys: ["noisy"], fromStep: 9, toStep: 3 });
  assert.match(reversed.message, /^fromStep: /);
});

test("metricSeries answers many runs in one request, in request order, skipping missing series", async () => {
  const runIds: string[] = [];
  for (let r = 0; r < 12; r++) {
    const runId = await runningRun();
    runIds.push(runId);
    const points = Array.from({ length: 3000 }, (_, step) => [
      { key: "clean_accuracy", step, value: r + step / 3000 },
      { key: "fgsm_accuracy", step, value: r - step / 3000 },
    ]).flat();
    await query(api, ops.LogMetrics, { runId, points: points.slice(0, 6000) });
  }
  const { metricSeries } = await query(api, ops.MetricSeriesQuery, {
    runIds: [...runIds, "nope"],
    keys: ["fgsm_accuracy", "absent"],
    maxPoints: 100,
  });
  assert.equal(metricSeries.length, 12);
  assert.deepEqual(
    metricSeries.map((s) => s.runId),
    runIds,
  );
  for (const [r, series] of metricSeries.entries()) {
    assert.equal(series.key, "fgsm_accuracy");
    assert.equal(series.count, 3000);
    assert.ok(series.points.length <= 100);
    assert.equal(series.points.at(-1)!.value, r - 2999 / 3000);
    assert.equal(series.points[0]!.max, r);
  }
});
