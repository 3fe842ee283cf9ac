/**
 * Metrics: logging points (all-or-nothing, idempotent on run/key/step), per-run summaries,
 * and reading series — downsampled in SQL from pre-aggregated rollups, for any number of
 * runs in a handful of statements.
 */
import DataLoader from "dataloader";
import type { PrismaClient } from "../db/client.ts";
import { publish } from "../events/bus.ts";
import { toRanges, type StepRanges } from "../events/events.ts";
import { badInput, isUuid, notFound, runNotRunning } from "../graphql/errors.ts";
import type { MetricPointInput } from "../graphql/generated/resolvers.ts";
import { planBuckets, ROLLUP_BASE } from "./downsample.ts";
import { checkPoints, checkRawPoints, checkSeriesArgs, MAX_SERIES_PER_QUERY, MAX_STEP, type SeriesArgs } from "./limits.ts";

export interface LoggedPoint {
  key: string;
  step: number;
  value: number;
}

export async function logMetrics(
  prisma: PrismaClient,
  runId: string,
  points: readonly MetricPointInput[],
): Promise<{ accepted: number; duplicates: number }> {
  if (!isUuid(runId)) throw notFound("run", runId);
  const { unique, repeats } = checkPoints(points);
  return prisma.$transaction(async (tx) => {
    // A run that is logging is alive: the batch counts as a heartbeat (one write a second
    // at most), in the statement that also takes the run's row lock. FOR SHARE: a
    // concurrent finishRun/cancelRun waits for this batch, or this batch sees it.
    const runs = await tx.$queryRaw<{ status: string }[]>`
      WITH beat AS (
        UPDATE runs SET heartbeat_at = now()
        WHERE id = ${runId}::uuid AND status = 'RUNNING' AND (heartbeat_at IS NULL OR heartbeat_at < now() - interval '1 second')
      )
      SELECT status::text FROM runs WHERE id = ${runId}::uuid FOR SHARE`;
    const status = runs[0]?.status;
    if (!status) throw notFound("run", runId);
    if (status !== "RUNNING") throw runNotRunning(status, "metrics");
    if (unique.length === 0) return { accepted: 0, duplicates: repeats };

    const keys = unique.map((p) => p.key);
    const steps = unique.map((p) => p.step);
    // As text: Prisma's driver adapter rounds float parameters to 15 digits; String()
    // gives the shortest exact representation, so every double round-trips unchanged.
    const values = unique.map((p) => String(p.value));
    const times = unique.map((p) => (p.wallTime == null ? null : new Date(p.wallTime).toISOString()));
    // The steps really added come back grouped per key: one small row per key.
    const added = await tx.$queryRaw<{ key: string; steps: number[] }[]>`
      WITH added AS (
        INSERT INTO metric_points (run_id, key, step, value, wall_time)
        SELECT ${runId}::uuid, k, s, v::float8, coalesce(t, now())
        FROM unnest(${keys}::text[], ${steps}::int[], ${values}::text[], ${times}::timestamptz[]) AS u(k, s, v, t)
        ON CONFLICT (run_id, key, step) DO NOTHING
        RETURNING key, step
      )
      SELECT key, array_agg(step ORDER BY step) AS steps FROM added GROUP BY key`;
    const accepted = added.reduce((n, row) => n + row.steps.length, 0);
    if (accepted > 0) {
      const ranges: [string, StepRanges][] = added.map((row) => [row.key, toRanges(row.steps)]);
      await publish(tx, { type: "metrics", runId, keys: ranges }, { type: "run", runId });
    }
    return { accepted, duplicates: points.length - accepted };
  });
}

/** The points a metrics event announced, read back in one statement. */
export async function loadLoggedPoints(prisma: PrismaClient, runId: string, keys: [string, StepRanges][]): Promise<LoggedPoint[]> {
  const k: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (const [key, ranges] of keys) {
    for (const [a, b] of ranges) {
      k.push(key);
      from.push(a);
      to.push(b);
    }
  }
  return prisma.$queryRaw<LoggedPoint[]>`
    SELECT p.key, p.step, p.value
    FROM unnest(${k}::text[], ${from}::int[], ${to}::int[]) AS r(key, a, b)
    JOIN metric_points p ON p.run_id = ${runId}::uuid AND p.key = r.key AND p.step BETWEEN r.a AND r.b
    ORDER BY p.key, p.step`;
}

export interface SeriesStats {
  key: string;
  count: number;
  minStep: number;
  maxStep: number;
  lastValue: number;
}

/**
 * Batching of the per-run series table (summary, metricKeys). Batches only, never
 * caches: a subscription keeps one context for all its events, and each event must
 * show the summary as it is now.
 */
export function createSeriesLoader(prisma: PrismaClient) {
  return new DataLoader<string, SeriesStats[]>(
    async (runIds) => {
      const rows = await prisma.metricSeries.findMany({ where: { runId: { in: [...runIds] } }, orderBy: { key: "asc" } });
      const byRun = new Map<string, SeriesStats[]>();
      for (const row of rows) {
        const list = byRun.get(row.runId) ?? [];
        list.push(row);
        byRun.set(row.runId, list);
      }
      return runIds.map((id) => byRun.get(id) ?? []);
    },
    { cache: false },
  );
}

export interface SeriesResult {
  runId: string;
  key: string;
  count: number;
  points: { step: number; value: number; min: number; max: number; wallTime: Date | null }[];
}

interface SeriesRequest {
  runId: string;
  key: string;
  lo: number;
  hi: number;
  count: number;
}

/**
 * Series for every (run, key) pair that has points, in request order (runs, then keys).
 * Without maxPoints every point in range is returned (refused beyond MAX_RAW_POINTS in all).
 */
export async function readSeries(prisma: PrismaClient, args: SeriesArgs): Promise<SeriesResult[]> {
  const { maxPoints, fromStep, toStep } = args;
  checkSeriesArgs(args);
  const runIds = [...new Set(args.runIds)].filter(isUuid);
  const keys = [...new Set(args.keys)];
  if (runIds.length * keys.length > MAX_SERIES_PER_QUERY) {
    throw badInput("keys", `at most ${MAX_SERIES_PER_QUERY} series (runs × keys) per request`);
  }
  if (runIds.length === 0 || keys.length === 0) return [];
  const stats = await prisma.metricSeries.findMany({ where: { runId: { in: runIds }, key: { in: keys } } });
  const from = Math.max(0, fromStep ?? 0);
  const to = Math.min(MAX_STEP, toStep ?? MAX_STEP);
  const ranged = fromStep != null || toStep != null;

  let requests: SeriesRequest[] = stats.map((s) => ({ runId: s.runId, key: s.key, lo: s.minStep, hi: s.maxStep, count: s.count }));
  if (ranged) requests = await narrowToRange(prisma, requests, from, to);
  checkRawPoints(
    maxPoints,
    requests.map((r) => r.count),
  );

  const small = requests.filter((r) => maxPoints == null || r.count <= maxPoints);
  const large = requests.filter((r) => maxPoints != null && r.count > maxPoints);
  const [raw, bucketed] = await Promise.all([readRaw(prisma, small), readBuckets(prisma, large, maxPoints ?? 1)]);
  const found = new Map<string, SeriesResult>();
  for (const series of [...raw, ...bucketed]) found.set(`${series.runId}\u0000${series.key}`, series);
  const ordered: SeriesResult[] = [];
  for (const runId of runIds) {
    for (const key of keys) {
      const series = found.get(`${runId}\u0000${key}`);
      if (series) ordered.push(series);
    }
  }
  return ordered;
}

/** Actual first/last step and count inside [from, to], from the index and the rollups. */
async function narrowToRange(prisma: PrismaClient, requests: SeriesRequest[], from: number, to: number): Promise<SeriesRequest[]> {
  if (requests.length === 0) return [];
  const rows = await prisma.$queryRaw<{ run_id: string; key: string; lo: number | null; hi: number | null }[]>`
    SELECT s.run_id::text, s.key,
      (SELECT min(step) FROM metric_points p WHERE p.run_id = s.run_id AND p.key = s.key AND p.step BETWEEN ${from} AND ${to}) AS lo,
      (SELECT max(step) FROM metric_points p WHERE p.run_id = s.run_id AND p.key = s.key AND p.step BETWEEN ${from} AND ${to}) AS hi
    FROM unnest(${requests.map((r) => r.runId)}::uuid[], ${requests.map((r) => r.key)}::text[]) AS s(run_id, key)`;
  const narrowed = rows
    .filter((r) => r.lo !== null && r.hi !== null)
    .map((r) => ({ runId: r.run_id, key: r.key, lo: r.lo!, hi: r.hi!, count: -1 }));
  // Exact counts: one output bucket per rollup-aligned block is enough to sum them.
  const counted = await readBuckets(prisma, narrowed, 64);
  const counts = new Map(counted.map((s) => [`${s.runId}\u0000${s.key}`, s.count]));
  return narrowed.map((r) => ({ ...r, count: counts.get(`${r.runId}\u0000${r.key}`) ?? 0 }));
}

async function readRaw(prisma: PrismaClient, requests: SeriesRequest[]): Promise<SeriesResult[]> {
  if (requests.length === 0) return [];
  const rows = await prisma.$queryRaw<{ run_id: string; key: string; step: number; value: number; wall_time: Date | null }[]>`
    SELECT s.run_id::text, s.key, p.step, p.value, p.wall_time
    FROM unnest(${requests.map((r) => r.runId)}::uuid[], ${requests.map((r) => r.key)}::text[],
                ${requests.map((r) => r.lo)}::int[], ${requests.map((r) => r.hi)}::int[]) AS s(run_id, key, lo, hi)
    JOIN metric_points p ON p.run_id = s.run_id AND p.key = s.key AND p.step BETWEEN s.lo AND s.hi
    ORDER BY s.run_id, s.key, p.step`;
  return group(rows, (row) => ({ step: row.step, value: row.value, min: row.value, max: row.value, wallTime: row.wall_time }));
}

/**
 * One statement for all series: raw points at the unaligned edges of each range plus the
 * rollup buckets that lie wholly inside it, grouped into output buckets.
 */
async function readBuckets(prisma: PrismaClient, requests: SeriesRequest[], maxPoints: number): Promise<SeriesResult[]> {
  if (requests.length === 0) return [];
  const plans = requests.map((r) => {
    const { width, level } = planBuckets(r.lo, r.hi, maxPoints);
    const levelWidth = ROLLUP_BASE ** level;
    let a = Math.ceil(r.lo / levelWidth) * levelWidth; // first rollup-aligned step
    let b = Math.floor((r.hi + 1) / levelWidth) * levelWidth; // end of the last whole rollup bucket
    if (level === 0 || a >= b) a = b = r.hi + 1; // raw points only
    return { ...r, width, level, levelWidth, a, b };
  });
  const col = <T>(pick: (p: (typeof plans)[number]) => T) => plans.map(pick);
  // Series are numbered (WITH ORDINALITY) so grouping and sorting compare integers only;
  // a bucket's last value is the second element of the largest [last_step, value] pair.
  const rows = await prisma.$queryRaw<{ i: bigint; step: number; value: number; min: number; max: number; n: bigint }[]>`
    WITH s AS (
      SELECT * FROM unnest(${col((p) => p.runId)}::uuid[], ${col((p) => p.key)}::text[], ${col((p) => p.lo)}::int[],
        ${col((p) => p.hi)}::int[], ${col((p) => p.width)}::bigint[], ${col((p) => p.level)}::smallint[],
        ${col((p) => p.levelWidth)}::bigint[], ${col((p) => p.a)}::bigint[], ${col((p) => p.b)}::bigint[])
        WITH ORDINALITY AS s(run_id, key, lo, hi, width, level, lw, a, b, i)
    ), parts AS (
      SELECT s.i, p.step / s.width AS bucket, p.step AS last_step, p.value AS last_value, p.value AS mn, p.value AS mx, 1 AS n
      FROM s JOIN metric_points p ON p.run_id = s.run_id AND p.key = s.key AND p.step >= s.lo AND p.step < s.a
      UNION ALL
      SELECT s.i, p.step / s.width, p.step, p.value, p.value, p.value, 1
      FROM s JOIN metric_points p ON p.run_id = s.run_id AND p.key = s.key AND p.step >= s.b AND p.step <= s.hi
      UNION ALL
      SELECT s.i, r.bucket::bigint * s.lw / s.width, r.last_step, r.last_value, r.min, r.max, r.count
      FROM s JOIN metric_rollups r ON r.run_id = s.run_id AND r.key = s.key AND r.level = s.level
        AND r.bucket >= s.a / s.lw AND r.bucket < s.b / s.lw
    )
    SELECT i, max(last_step) AS step, (max(ARRAY[last_step::float8, last_value]))[2] AS value,
      min(mn) AS min, max(mx) AS max, sum(n)::bigint AS n
    FROM parts
    GROUP BY i, bucket
    ORDER BY i, bucket`;
  const out: SeriesResult[] = [];
  let current: SeriesResult | undefined;
  let currentIndex = -1n;
  for (const row of rows) {
    if (!current || row.i !== currentIndex) {
      const plan = plans[Number(row.i) - 1]!;
      current = { runId: plan.runId, key: plan.key, count: 0, points: [] };
      currentIndex = row.i;
      out.push(current);
    }
    current.count += Number(row.n);
    current.points.push({ step: row.step, value: row.value, min: row.min, max: row.max, wallTime: null });
  }
  return out;
}

function group<R extends { run_id: string; key: string }>(rows: R[], point: (row: R) => SeriesResult["points"][number]): SeriesResult[] {
  const out: SeriesResult[] = [];
  let current: SeriesResult | undefined;
  for (const row of rows) {
    if (!current || current.runId !== row.run_id || current.key !== row.key) {
      current = { runId: row.run_id, key: row.key, count: 0, points: [] };
      out.push(current);
    }
    current.points.push(point(row));
  }
  for (const s of out) s.count = s.points.length;
  return out;
}
