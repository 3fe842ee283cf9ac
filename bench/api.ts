/**
 * `npm run bench:api`: ingestion and query speed of the API against a fresh embedded
 * PostgreSQL, with the raw speed of PostgreSQL itself for the same rows as the bar.
 * Prints one figure a line:
 *   ingestion: N points/s      logMetrics, batches of 1,000, 4 concurrent clients
 *   raw-postgres: N points/s   the same rows straight through pg, 4 concurrent connections
 *   query-1M-p50: N ms         metrics(maxPoints: 1000) over a 1,000,000-point series
 *   query-1M-p95: N ms
 */
import pg from "pg";
import { query } from "../tests/support/graphql.ts";
import * as ops from "../tests/support/documents.ts";
import { startPlatform } from "../tests/support/platform.ts";

const CLIENTS = 4;
const BATCH = 1000;
const BATCHES_PER_CLIENT = Number(process.env.BENCH_BATCHES ?? 100);
const SERIES_POINTS = 1_000_000;
const QUERIES = 60;

const platform = await startPlatform();
const api = platform.apiUrl;

async function newRun(): Promise<string> {
  return (await query(api, ops.StartRun, { input: { experimentName: "bench", method: "GAN" } })).startRun.id;
}

function batch(b: number) {
  const points = [];
  for (let i = 0; i < BATCH; i++) {
    const step = b * (BATCH / 4) + Math.floor(i / 4);
    points.push({ key: ["loss", "clean_accuracy", "fgsm_accuracy", "ratio"][i % 4]!, step, value: Math.sin(step) + i });
  }
  return points;
}

async function ingestThroughApi(): Promise<number> {
  const runs = await Promise.all(Array.from({ length: CLIENTS }, newRun));
  // Warm up connections and plans.
  await query(api, ops.LogMetrics, { runId: await newRun(), points: batch(0) });
  const started = performance.now();
  await Promise.all(
    runs.map(async (runId) => {
      for (let b = 0; b < BATCHES_PER_CLIENT; b++) {
        const { logMetrics } = await query(api, ops.LogMetrics, { runId, points: batch(b) });
        if (logMetrics.accepted !== BATCH) throw new Error(`accepted ${logMetrics.accepted}`);
      }
    }),
  );
  return (CLIENTS * BATCHES_PER_CLIENT * BATCH) / ((performance.now() - started) / 1000);
}

async function ingestRaw(): Promise<number> {
  const runs = await Promise.all(Array.from({ length: CLIENTS }, newRun));
  const clients = await Promise.all(
    runs.map(async () => {
      const client = new pg.Client({ connectionString: platform.databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, c) => {
      for (let b = 0; b < BATCHES_PER_CLIENT; b++) {
        const points = batch(b);
        await client.query("BEGIN");
        await client.query(
          `INSERT INTO metric_points (run_id, key, step, value, wall_time)
           SELECT $1::uuid, k, s, v, now() FROM unnest($2::text[], $3::int[], $4::float8[]) AS u(k, s, v)
           ON CONFLICT DO NOTHING`,
          [runs[c], points.map((p) => p.key), points.map((p) => p.step), points.map((p) => p.value)],
        );
        await client.query("COMMIT");
      }
    }),
  );
  const rate = (CLIENTS * BATCHES_PER_CLIENT * BATCH) / ((performance.now() - started) / 1000);
  await Promise.all(clients.map((c) => c.end()));
  return rate;
}

async function queryMillion(): Promise<{ p50: number; p95: number }> {
  const runId = await newRun();
  for (let start = 0; start < SERIES_POINTS; start += 10_000) {
    const points = Array.from({ length: 10_000 }, (_, i) => ({ key: "loss", step: start + i, value: Math.sin((start + i) / 1000) }));
    await query(api, ops.LogMetrics, { runId, points });
  }
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const started = performance.now();
    const { run } = await query(api, ops.RunMetrics, { id: runId, keys: ["loss"], maxPoints: 1000 });
    times.push(performance.now() - started);
    if (run!.metrics[0]!.count !== SERIES_POINTS || run!.metrics[0]!.points.length > 1000) throw new Error("wrong series");
  }
  times.splice(0, 5); // warm-up
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

try {
  const ingestion = await ingestThroughApi();
  const raw = await ingestRaw();
  const { p50, p95 } = await queryMillion();
  console.log(`ingestion: ${Math.round(ingestion)} points/s`);
  console.log(`raw-postgres: ${Math.round(raw)} points/s`);
  console.log(`query-1M-p50: ${p50.toFixed(1)} ms`);
  console.log(`query-1M-p95: ${p95.toFixed(1)} ms`);
} finally {
  await platform.stop();
}
