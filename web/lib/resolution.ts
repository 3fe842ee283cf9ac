/**
 * How many points to ask the API for: about one per pixel of chart width, fewer per run
 * when many runs share a chart (their lines overlap anyway; the min/max band keeps spikes,
 * and the payload — hence the API's and the browser's work — stays bounded).
 */

/** maxPoints for a chart `widthPx` wide showing `runs` series. */
export function maxPointsFor(widthPx: number, runs = 1): number {
  const width = Math.max(100, Math.min(4000, Math.round(widthPx)));
  if (runs <= 4) return width;
  // Overlaid lines hide each other's detail anyway, and each keeps its min/max band, so a
  // chart gets about 5,000 points in all: 50 a run at 100 runs (zooming fetches more).
  return Math.max(32, Math.min(width, Math.floor(5_000 / runs)));
}

/** The chart width the server assumes when it fetches before the browser has measured (three columns at 1,400 px). */
export const ASSUMED_CHART_WIDTH = 440;

/** Whether points fetched at `had` serve a chart that wants `want` (within 25%: no visible difference). */
export function closeEnough(had: number, want: number): boolean {
  return want <= 0 || Math.abs(had - want) <= 0.25 * want;
}
