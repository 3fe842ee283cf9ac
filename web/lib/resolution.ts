/**
 * How many points to ask the API for: about one per pixel of chart width, fewer per run
 * when many runs share a chart (their lines overlap anyway; the min/max band keeps spikes).
 */

/** maxPoints for a chart `widthPx` wide showing `runs` series. */
export function maxPointsFor(widthPx: number, runs = 1): number {
  const width = Math.max(100, Math.min(4000, Math.round(widthPx)));
  if (runs <= 4) return width;
  // Keep a chart's payload near 50,000 points whatever the run count, but never below
  // one point per 4 pixels.
  return Math.max(Math.round(width / 4), Math.min(width, Math.floor(50_000 / runs)));
}
