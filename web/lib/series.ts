/**
 * Metric series as the charts hold them: points ascending by step, merged with live
 * points, and several series aligned on one shared x axis (what uPlot draws from).
 */

export interface SeriesPoint {
  step: number;
  value: number;
  min: number;
  max: number;
}

/**
 * Adds live points to a series. A (key, step) is stored once and the first value stays
 * (the API's rule), so a step already present is ignored. Appending beyond the end is
 * the common case and costs no re-sort.
 */
export function mergePoints(existing: readonly SeriesPoint[], incoming: readonly { step: number; value: number }[]): SeriesPoint[] {
  if (incoming.length === 0) return existing as SeriesPoint[];
  const out = existing.slice();
  let present: Set<number> | undefined; // built only when a point lands out of order
  let sorted = true;
  let highest = out[out.length - 1]?.step ?? Number.NEGATIVE_INFINITY;
  for (const p of incoming) {
    if (p.step <= highest) {
      present ??= new Set(out.map((q) => q.step));
      if (present.has(p.step)) continue;
      sorted = false;
    }
    present?.add(p.step);
    highest = Math.max(highest, p.step);
    out.push({ step: p.step, value: p.value, min: p.value, max: p.value });
  }
  if (!sorted) out.sort((a, b) => a.step - b.step);
  return out;
}

export interface AlignedSeries {
  /** Union of all steps, ascending. */
  x: number[];
  /** Per input series, its value at each x (null where it has no point). */
  values: (number | null)[][];
  mins: (number | null)[][];
  maxs: (number | null)[][];
  /** Per input series, whether any bucket spans several points (min < max somewhere). */
  banded: boolean[];
}

/** Aligns series on the union of their steps (what several overlaid runs need). */
export function alignSeries(series: readonly (readonly SeriesPoint[])[]): AlignedSeries {
  const steps = new Set<number>();
  for (const points of series) for (const p of points) steps.add(p.step);
  const x = [...steps].sort((a, b) => a - b);
  const index = new Map<number, number>();
  x.forEach((step, i) => index.set(step, i));
  const values: (number | null)[][] = [];
  const mins: (number | null)[][] = [];
  const maxs: (number | null)[][] = [];
  const banded: boolean[] = [];
  for (const points of series) {
    const v = new Array<number | null>(x.length).fill(null);
    const lo = new Array<number | null>(x.length).fill(null);
    const hi = new Array<number | null>(x.length).fill(null);
    let band = false;
    for (const p of points) {
      const i = index.get(p.step)!;
      v[i] = p.value;
      lo[i] = p.min;
      hi[i] = p.max;
      if (p.min !== p.max) band = true;
    }
    values.push(v);
    mins.push(lo);
    maxs.push(hi);
    banded.push(band);
  }
  return { x, values, mins, maxs, banded };
}
