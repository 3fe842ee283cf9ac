import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as delay } from "node:timers/promises";
import { ApiClient } from "./api-client.ts";
import { FakeApiServer } from "./fake-api-server.ts";
import { RunReporter, type RunReporterOptions } from "./run-reporter.ts";
import type { MetricPointOut } from "../methods/training-run.ts";

const fastBackoff = { baseMs: 20, capMs: 200, minMs: 5 };

function reporterFor(api: FakeApiServer, options: Partial<RunReporterOptions> = {}) {
  const logs: string[] = [];
  const reporter = new RunReporter({
    client: new ApiClient({ url: api.url, timeoutMs: 2_000 }),
    runId: "run-1",
    batchSize: 100,
    flushIntervalMs: 50,
    heartbeatMs: 60_000,
    backoff: fastBackoff,
    log: (message) => logs.push(message),
    ...options,
  }).start();
  return { reporter, logs };
}

function cyclePoints(cycle: number, keys = ["clean_accuracy", "fgsm_accuracy", "classifier_loss"]): MetricPointOut[] {
  return keys.map((key) => ({ key, step: cycle, value: cycle / 100 }));
}

test("points go out in batches of at most batchSize, in the order measured", async (t) => {
  const api = await new FakeApiServer().start();
  t.after(() => api.stop());
  const { reporter } = reporterFor(api);
  const points = Array.from({ length: 250 }, (_, step) => ({ key: "train/loss", step, value: step }));
  reporter.metrics(points);
  assert.equal(await reporter.finish({ status: "SUCCEEDED" }), "SUCCEEDED");
  const batches = api.requests.filter((r) => r.operation === "TrainerLogMetrics").map((r) => (r.variables.points as unknown[]).length);
  assert.deepEqual(batches, [100, 100, 50]);
  assert.deepEqual(
    api.points.map((p) => p.step),
    points.map((p) => p.step),
  );
  assert.deepEqual(api.finished, [{ status: "SUCCEEDED", error: null }]);
});

test("a slow trickle of points is batched by the flush interval, not sent point by point", async (t) => {
  const api = await new FakeApiServer().start();
  t.after(() => api.stop());
  const { reporter } = reporterFor(api, { flushIntervalMs: 200 });
  for (let cycle = 0; cycle < 20; cycle++) {
    reporter.metrics(cyclePoints(cycle));
    await delay(20);
  }
  await reporter.finish({ status: "SUCCEEDED" });
  assert.equal(api.points.length, 60);
  assert.ok(api.count("TrainerLogMetrics") <= 5, `${api.count("TrainerLogMetrics")} calls for 20 cycles`);
});

test("failed and ambiguous requests are retried until every point is stored exactly once, in order", async (t) => {
  const api = await new FakeApiServer().start();
  t.after(() => api.stop());
  // Every third request is refused with 503, every fifth is carried out but its answer lost.
  api.failurePlan = (_request, index) => (index % 3 === 1 ? "unavailable" : index % 5 === 2 ? "ambiguous" : undefined);
  const { reporter } = reporterFor(api, { batchSize: 7 });
  const expected: MetricPointOut[] = [];
  for (let cycle = 0; cycle < 30; cycle++) {
    const points = cyclePoints(cycle);
    expected.push(...points);
    reporter.metrics(points);
    if (cycle % 4 === 0) await delay(5);
  }
  assert.equal(await reporter.finish({ status: "SUCCEEDED" }), "SUCCEEDED");
  assert.deepEqual(
    api.points,
    expected.map(({ key, step, value }) => ({ key, step, value })),
  );
  const stats = reporter.stats();
  assert.ok(stats.retries > 0, "some requests failed and were retried");
  assert.ok(stats.duplicates > 0, "an ambiguous failure was resent and reported as duplicates");
  assert.ok(stats.accepted < expected.length, "ambiguous requests were stored before their answer was lost");
  assert.equal(stats.pendingPoints, 0);
  assert.equal(api.finished.length, 1);
});

test("while the API is down training is not held up; afterwards everything arrives once", async (t) => {
  const api = await new FakeApiServer().start();
  t.after(() => api.stop());
  const { reporter, logs } = reporterFor(api);
  reporter.metrics(cyclePoints(0));
  await delay(150);
  assert.equal(api.points.length, 3);
  await api.stop();
  const started = performance.now();
  for (let cycle = 1; cycle <= 10; cycle++) reporter.metrics(cyclePoints(cycle));
  reporter.image(1, "fgsm-examples", new Uint8Array([137, 80, 78, 71]), "cycle 1");
  assert.ok(performance.now() - started < 50, "queuing never waits for the network");
  await delay(400);
  assert.equal(reporter.stats().apiDown, true);
  assert.equal(reporter.stats().pendingPoints, 30);
  await api.start();
  assert.equal(await reporter.finish({ status: "SUCCEEDED" }), "SUCCEEDED");
  assert.equal(api.points.length, 33);
  assert.equal(new Set(api.points.map((p) => `${p.key}@${p.step}`)).size, 33);
  assert.deepEqual(api.images, [{ step: 1, kind: "fgsm-examples", bytes: 4 }]);
  assert.ok(logs.some((line) => line.includes("unreachable")));
  assert.ok(logs.some((line) => line.includes("reachable again")));
});

test("rate limited (429 RATE_LIMITED): waits at least Retry-After, keeps buffering, drops nothing", async (t) => {
  const api = await new FakeApiServer().start();
  t.after(() => api.stop());
  const sentAt: number[] = [];
  // The first two logMetrics calls are refused with 429 and Retry-After: 1.
  api.failurePlan = (request) => {
    if (request.operation !== "TrainerLogMetrics") return undefined;
    sentAt.push(performance.now());
    return sentAt.length <= 2 ? "rate-limited" : undefined;
  };
  const { reporter } = reporterFor(api);
  const expected: MetricPointOut[] = [];
  for (let cycle = 0; cycle < 10; cycle++) {
    expected.push(...cyclePoints(cycle));
    reporter.metrics(cyclePoints(cycle));
  }
  assert.equal(await reporter.finish({ status: "SUCCEEDED" }), "SUCCEEDED");
  // Backoff alone would retry within 200 ms (fastBackoff); Retry-After says 1 s.
  assert.ok(sentAt[1]! - sentAt[0]! >= 950, `retried after ${Math.round(sentAt[1]! - sentAt[0]!)} ms`);
  assert.ok(sentAt[2]! - sentAt[1]! >= 950, `retried after ${Math.round(sentAt[2]! - sentAt[1]!)} ms`);
  assert.deepEqual(
    api.points,
    expected.map(({ key, step, value }) => ({ key, step, value })),
  );
  const stats = reporter.stats();
  assert.equal(stats.retries, 2);
  assert.equal(stats.droppedPoints, 0);
});

test("an image whose answer was lost is not stored twice", async (t) => {
  const api = await new FakeApiServer().start();
  t.after(() => api.stop());
  api.failurePlan = (request) => (request.operation === "TrainerLogImage" && api.images.length === 0 ? "ambiguous" : undefined);
  const { reporter } = reporterFor(api);
  reporter.image(3, "generator-examples", new Uint8Array([1, 2, 3]));
  reporter.image(4, "generator-examples", new Uint8Array([1, 2, 3, 4]));
  await reporter.finish({ status: "SUCCEEDED" });
  assert.deepEqual(
    api.images.map((i) => i.step),
    [3, 4],
  );
});

test("a refused batch is not retried; the rest still goes out", async (t) => {
  const api = await new FakeApiServer().start();
  t.after(() => api.stop());
  api.failurePlan = (request) =>
    request.operation === "TrainerLogMetrics" && (request.variables.points as { step: number }[])[0]?.step === 0 ? "refuse" : undefined;
  const { reporter, logs } = reporterFor(api, { batchSize: 3 });
  for (let cycle = 0; cycle < 3; cycle++) reporter.metrics(cyclePoints(cycle));
  await reporter.finish({ status: "SUCCEEDED" });
  assert.equal(api.requests.filter((r) => r.operation === "TrainerLogMetrics").length, 3);
  assert.deepEqual([...new Set(api.points.map((p) => p.step))], [1, 2]);
  assert.equal(reporter.stats().droppedPoints, 3);
  assert.ok(logs.some((line) => line.includes("refused by the test")));
});

test("points the API would refuse (NaN, fractional step) are left out with a warning", async (t) => {
  const api = await new FakeApiServer().start();
  t.after(() => api.stop());
  const { reporter, logs } = reporterFor(api);
  reporter.metrics([
    { key: "classifier_loss", step: 0, value: Number.NaN },
    { key: "classifier_loss", step: 0.5, value: 1 },
    { key: "clean_accuracy", step: 0, value: 0.9 },
  ]);
  await reporter.finish({ status: "SUCCEEDED" });
  assert.deepEqual(api.points, [{ key: "clean_accuracy", step: 0, value: 0.9 }]);
  assert.equal(logs.filter((line) => line.includes("classifier_loss")).length, 1, "one warning per key");
});

test("a heartbeat that says CANCELED stops training and drops the buffer; nothing more is sent", async (t) => {
  const api = await new FakeApiServer().start();
  t.after(() => api.stop());
  const { reporter } = reporterFor(api, { heartbeatMs: 100, flushIntervalMs: 10_000, batchSize: 1_000 });
  reporter.metrics(cyclePoints(0));
  await delay(250);
  assert.equal(reporter.shouldStop(), false);
  assert.ok(api.count("TrainerHeartbeat") >= 1);
  api.status = "CANCELED";
  await delay(300);
  assert.equal(reporter.shouldStop(), true);
  const requestsAtCancel = api.requests.length;
  reporter.metrics(cyclePoints(1));
  reporter.image(1, "fgsm-examples", new Uint8Array([1]));
  assert.equal(await reporter.finish({ status: "SUCCEEDED" }), "CANCELED");
  await delay(250);
  assert.equal(api.requests.length, requestsAtCancel, "no request after the cancel was seen");
  assert.equal(api.points.length, 0);
  assert.deepEqual(api.finished, []);
});

test("a training failure finishes the run FAILED with the message, after delivering what was measured", async (t) => {
  const api = await new FakeApiServer().start();
  t.after(() => api.stop());
  const { reporter } = reporterFor(api);
  reporter.metrics(cyclePoints(0));
  assert.equal(await reporter.finish({ status: "FAILED", error: "out of memory" }), "FAILED");
  assert.equal(api.points.length, 3);
  assert.deepEqual(api.finished, [{ status: "FAILED", error: "out of memory" }]);
});

test("when the API stays down past the deadline, finish gives up and says FAILED", async (t) => {
  const api = await new FakeApiServer().start();
  t.after(() => api.stop());
  const { reporter, logs } = reporterFor(api);
  await api.stop();
  reporter.metrics(cyclePoints(0));
  const started = performance.now();
  assert.equal(await reporter.finish({ status: "SUCCEEDED" }, 600), "FAILED");
  assert.ok(performance.now() - started < 3_000);
  assert.ok(logs.some((line) => line.includes("gave up delivering 3 points")));
});

test("requestStop asks training to stop but still delivers what was queued", async (t) => {
  const api = await new FakeApiServer().start();
  t.after(() => api.stop());
  const { reporter } = reporterFor(api);
  reporter.metrics(cyclePoints(0));
  reporter.requestStop("worker stopped");
  assert.equal(reporter.shouldStop(), true);
  assert.equal(await reporter.finish({ status: "FAILED", error: "worker stopped" }), "FAILED");
  assert.equal(api.points.length, 3);
  assert.deepEqual(api.finished, [{ status: "FAILED", error: "worker stopped" }]);
});
