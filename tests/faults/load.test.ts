/**
 * Fault test 4, load: 20 writers each log 20,000 points into their own RUNNING run (batches
 * of 1,000 over HTTP) while 20 live subscribers each follow all 20 runs. Every point must be
 * stored exactly once (counted in PostgreSQL itself) and delivered to every subscriber
 * exactly once with its value. Prints the throughput figures docs/RELIABILITY.md quotes.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pg from "pg";
import * as ops from "../support/documents.ts";
import { query } from "../support/graphql.ts";
import { pointValue, startWriter, type MetricWriter } from "../support/metric-writer.ts";
import { subscribeMetrics, type MetricSubscriber } from "../support/metric-subscriber.ts";
import { startPlatform, waitFor, type Platform } from "../support/platform.ts";

const WRITERS = 20;
const SUBSCRIBERS = 20;
const KEYS = ["load/loss", "load/accuracy"];
const STEPS = 10_000; // per key: 20,000 points per run
const STEPS_PER_BATCH = 500; // 1,000 points per batch
const POINTS = WRITERS * KEYS.length * STEPS;

let platform: Platform;
const subscribers: MetricSubscriber[] = [];
const writers: MetricWriter[] = [];
let progress: NodeJS.Timeout | undefined;
before(async () => {
  platform = await startPlatform();
});
after(async () => {
  clearInterval(progress);
  for (const writer of writers) writer.abandon();
  await Promise.all(subscribers.map((s) => s.close().catch(() => {})));
  platform.api.child.kill("SIGKILL");
  await platform.stop();
});

test(`${WRITERS} writers × ${KEYS.length * STEPS} points with ${SUBSCRIBERS} subscribers: every point stored and delivered exactly once`, async () => {
  const api = platform.apiUrl;
  const setupStarted = performance.now();
  const runIds: string[] = [];
  for (let i = 0; i < WRITERS; i++) {
    const { startRun } = await query(api, ops.StartRun, { input: { experimentName: "load", name: `writer-${i}`, method: "STANDARD" } });
    runIds.push(startRun.id);
  }
  const expectValue = (key: string, step: number) => pointValue(KEYS.indexOf(key), step);
  for (let i = 0; i < SUBSCRIBERS; i++) subscribers.push(subscribeMetrics(platform.wsUrl, runIds, expectValue));
  await Promise.all(subscribers.map((s) => s.started));
  console.log(`load: ${WRITERS} runs and ${SUBSCRIBERS} subscribers ready in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

  const started = performance.now();
  progress = setInterval(() => {
    const got = subscribers.map((s) => s.received());
    console.log(
      `t=${((performance.now() - started) / 1000).toFixed(0)}s stored batches ${writers.reduce((n, w) => n + w.acknowledged(), 0)}, ` +
        `delivered min ${Math.min(...got)} max ${Math.max(...got)}`,
    );
  }, 10_000);
  for (const runId of runIds) {
    writers.push(
      startWriter({ apiUrl: api, runId, keys: KEYS, stepsPerBatch: STEPS_PER_BATCH, batches: STEPS / STEPS_PER_BATCH, retryMs: 200 }),
    );
  }
  await Promise.all(writers.map((w) => w.done));
  const storedS = (performance.now() - started) / 1000;
  await waitFor(async () => subscribers.every((s) => s.received() >= POINTS), "every subscriber to receive every point", 180_000).catch(
    () => {}, // the counts below say what is missing
  );
  const deliveredS = (performance.now() - started) / 1000;
  clearInterval(progress);

  const failedAttempts = writers.flatMap((w) => w.attempts.filter((a) => a.outcome !== "ok"));
  assert.equal(
    writers.reduce((n, w) => n + w.accepted(), 0),
    POINTS,
    "the API accepted every point once",
  );

  const db = new pg.Client({ connectionString: platform.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ run_id: string; points: string; distinct_points: string; right_values: string }>(
      `SELECT run_id::text, count(*) AS points, count(DISTINCT (key, step)) AS distinct_points,
              count(*) FILTER (WHERE value = (CASE key WHEN $2 THEN 0 ELSE 1000000 END) + step + 0.25) AS right_values
       FROM metric_points WHERE run_id = ANY($1::uuid[]) GROUP BY run_id`,
      [runIds, KEYS[0]],
    );
    assert.equal(rows.length, WRITERS);
    for (const row of rows) assert.deepEqual([row.points, row.distinct_points, row.right_values].map(Number), [20_000, 20_000, 20_000]);
  } finally {
    await db.end();
  }

  for (const [i, subscriber] of subscribers.entries()) {
    let missing = 0;
    for (const runId of runIds) for (const key of KEYS) missing += subscriber.notOnce(runId, key, 0, STEPS - 1);
    assert.deepEqual(
      { received: subscriber.received(), missingOrRepeated: missing, repeats: subscriber.repeats(), wrongValues: subscriber.wrongValues() },
      { received: POINTS, missingOrRepeated: 0, repeats: 0, wrongValues: 0 },
      `subscriber ${i}`,
    );
    assert.deepEqual(subscriber.errors, [], `subscriber ${i} saw no error`);
  }

  console.log(`load: checked in ${((performance.now() - started) / 1000 - deliveredS).toFixed(1)} s`);
  const latencies = writers.flatMap((w) => w.attempts.map((a) => a.ms)).sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  console.log(`load-points-per-second: ${Math.round(POINTS / storedS)}`);
  console.log(
    `load: ${POINTS} points stored in ${storedS.toFixed(1)} s by ${WRITERS} writers (batches of ${KEYS.length * STEPS_PER_BATCH}; ` +
      `logMetrics p50 ${percentile(0.5)} ms, p99 ${percentile(0.99)} ms, ${failedAttempts.length} retried attempts)`,
  );
  console.log(
    `load-deliveries-per-second: ${Math.round((POINTS * SUBSCRIBERS) / deliveredS)} ` +
      `(${POINTS * SUBSCRIBERS} deliveries to ${SUBSCRIBERS} subscribers, all in by ${deliveredS.toFixed(1)} s)`,
  );
});
