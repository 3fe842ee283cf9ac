/**
 * The metrics domain's input bounds, in one place: what logMetrics takes and what a
 * series read may ask for. Each refusal is BAD_USER_INPUT naming the field and the limit.
 * Pure.
 */
import { badInput, checkString, isWellFormed } from "../graphql/errors.ts";
import type { MetricPointInput } from "../graphql/generated/resolvers.ts";

/** Points one logMetrics call may carry. */
export const MAX_POINTS_PER_CALL = 10_000;
/** Characters of a metric key. */
export const MAX_KEY_LENGTH = 200;
/** Largest step (PostgreSQL int). */
export const MAX_STEP = 2 ** 31 - 1;
/** Wall times must lie in [1970, 10000): what PostgreSQL and ISO-8601 both hold. */
export const MIN_WALL_TIME = Date.UTC(1970, 0, 1);
export const MAX_WALL_TIME = Date.UTC(10000, 0, 1) - 1;
/** Series (runs × keys) one read may ask for. */
export const MAX_SERIES_PER_QUERY = 2_000;
/** Runs one metricSeries read may name. */
export const MAX_RUNS_PER_QUERY = 1_000;
/** Keys one read may name. */
export const MAX_KEYS_PER_QUERY = 100;
/** Largest maxPoints: as many points as a read without maxPoints may return. */
export const MAX_MAX_POINTS = 100_000;
/** Points a read without maxPoints may return in all; beyond it maxPoints is required. */
export const MAX_RAW_POINTS = 100_000;

/** Checks every point before anything is written; the first bad one refuses the call. */
export function checkPoints(points: readonly MetricPointInput[]): { unique: MetricPointInput[]; repeats: number } {
  if (points.length > MAX_POINTS_PER_CALL) {
    throw badInput("points", `at most ${MAX_POINTS_PER_CALL} points per call (got ${points.length})`);
  }
  const seen = new Set<string>();
  const unique: MetricPointInput[] = [];
  for (const [i, point] of points.entries()) {
    checkString(`points[${i}].key`, point.key, { max: MAX_KEY_LENGTH });
    if (point.key !== point.key.trim()) throw badInput(`points[${i}].key`, "must not start or end with spaces");
    if (!Number.isInteger(point.step) || point.step < 0 || point.step > MAX_STEP) {
      throw badInput(`points[${i}].step`, `must be an integer from 0 to ${MAX_STEP} (got ${point.step})`);
    }
    if (typeof point.value !== "number" || !Number.isFinite(point.value)) {
      throw badInput(`points[${i}].value`, `must be a finite number (got ${point.value})`);
    }
    if (point.wallTime != null) {
      const time = new Date(point.wallTime).getTime();
      if (!(time >= MIN_WALL_TIME && time <= MAX_WALL_TIME)) {
        throw badInput(`points[${i}].wallTime`, "must be a date from 1970-01-01 to 9999-12-31");
      }
    }
    const id = `${point.key}\u0000${point.step}`;
    if (seen.has(id)) continue; // the first value of a repeated point wins
    seen.add(id);
    unique.push(point);
  }
  return { unique, repeats: points.length - unique.length };
}

/** The arguments of a series read, checked. */
export interface SeriesArgs {
  runIds: readonly string[];
  keys: readonly string[];
  maxPoints?: number | null;
  fromStep?: number | null;
  toStep?: number | null;
}

/** Refuses a series read that asks for too much or makes no sense, before any query. */
export function checkSeriesArgs(args: SeriesArgs): void {
  const { maxPoints, fromStep, toStep } = args;
  if (maxPoints != null && (!Number.isInteger(maxPoints) || maxPoints < 1 || maxPoints > MAX_MAX_POINTS)) {
    throw badInput("maxPoints", `must be an integer from 1 to ${MAX_MAX_POINTS} (got ${maxPoints})`);
  }
  if (fromStep != null && toStep != null && fromStep > toStep) {
    throw badInput("fromStep", `must not be greater than toStep (${fromStep} > ${toStep})`);
  }
  if (args.runIds.length > MAX_RUNS_PER_QUERY) {
    throw badInput("runIds", `at most ${MAX_RUNS_PER_QUERY} runs per request (got ${args.runIds.length})`);
  }
  if (args.keys.length > MAX_KEYS_PER_QUERY) {
    throw badInput("keys", `at most ${MAX_KEYS_PER_QUERY} keys per request (got ${args.keys.length})`);
  }
  for (const [i, key] of args.keys.entries()) {
    if (key.length > MAX_KEY_LENGTH) throw badInput(`keys[${i}]`, `must be at most ${MAX_KEY_LENGTH} characters (got ${key.length})`);
    if (!isWellFormed(key) || key.includes("\u0000")) throw badInput(`keys[${i}]`, "must be valid Unicode without NUL characters");
  }
}

/** Without maxPoints every point comes back: refuses when that is more than MAX_RAW_POINTS. */
export function checkRawPoints(maxPoints: number | null | undefined, counts: readonly number[]): void {
  if (maxPoints != null) return;
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total > MAX_RAW_POINTS) {
    throw badInput("maxPoints", `is required when the series hold more than ${MAX_RAW_POINTS} points in range (these hold ${total})`);
  }
}
