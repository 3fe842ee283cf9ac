/**
 * Downsampling, the pure part: how a step range is cut into buckets, and a brute-force
 * reference of the whole computation that the SQL implementation is tested against.
 *
 * Buckets are aligned on multiples of a width w (bucket of a step = floor(step / w)), and
 * w is chosen so that the range touches at most maxPoints buckets. When w is at least 16,
 * it is rounded up to a multiple of the widest pre-aggregated rollup level (16^level
 * steps) that fits, so the database can answer from a few thousand rollup rows instead
 * of every point: each rollup bucket then lies inside exactly one output bucket.
 */

export const ROLLUP_BASE = 16;
export const ROLLUP_LEVELS = 5;

export interface BucketPlan {
  /** Output bucket width in steps. */
  width: number;
  /** Rollup level to read (0 = raw points only). */
  level: number;
}

function touched(lo: number, hi: number, width: number): number {
  return Math.floor(hi / width) - Math.floor(lo / width) + 1;
}

/** Chooses bucket width and rollup level for steps lo..hi (inclusive) and maxPoints ≥ 1. */
export function planBuckets(lo: number, hi: number, maxPoints: number): BucketPlan {
  const span = hi - lo + 1;
  let width: number;
  if (maxPoints <= 1) width = hi + 1;
  else {
    width = Math.max(1, Math.ceil(span / maxPoints));
    if (touched(lo, hi, width) > maxPoints) width = Math.ceil(span / (maxPoints - 1));
  }
  let level = 0;
  while (level < ROLLUP_LEVELS && ROLLUP_BASE ** (level + 1) <= width) level++;
  if (level > 0) {
    const levelWidth = ROLLUP_BASE ** level;
    let rounded = Math.ceil(width / levelWidth) * levelWidth;
    while (touched(lo, hi, rounded) > maxPoints) rounded += levelWidth;
    width = rounded;
  }
  return { width, level };
}

export interface Point {
  step: number;
  value: number;
}

export interface BucketPoint {
  step: number;
  value: number;
  min: number;
  max: number;
}

/**
 * The contract's semantics computed the slow, obvious way: points in [from, to]; when
 * there are more than maxPoints, one point per bucket with the step and value of its
 * last point and the min and max over it.
 */
export function downsampleReference(
  points: readonly Point[],
  maxPoints: number | undefined,
  from = -Infinity,
  to = Infinity,
): { count: number; points: BucketPoint[] } {
  const inRange = points.filter((p) => p.step >= from && p.step <= to).sort((a, b) => a.step - b.step);
  const raw = inRange.map((p) => ({ step: p.step, value: p.value, min: p.value, max: p.value }));
  if (maxPoints === undefined || inRange.length <= maxPoints) return { count: inRange.length, points: raw };
  const { width } = planBuckets(inRange[0]!.step, inRange[inRange.length - 1]!.step, maxPoints);
  const buckets = new Map<number, BucketPoint>();
  for (const p of inRange) {
    const b = Math.floor(p.step / width);
    const bucket = buckets.get(b);
    if (!bucket) buckets.set(b, { step: p.step, value: p.value, min: p.value, max: p.value });
    else {
      bucket.step = p.step;
      bucket.value = p.value;
      bucket.min = Math.min(bucket.min, p.value);
      bucket.max = Math.max(bucket.max, p.value);
    }
  }
  return { count: inRange.length, points: [...buckets.values()] };
}
