/**
 * Exponential moving average for noisy curves, debiased so the first points are not
 * pulled towards zero (the same smoothing TensorBoard users know). Gaps stay gaps.
 */

/** Smooths `values` with weight in [0, 1): 0 returns the input, 0.9 is heavy smoothing. */
export function smoothEma(values: readonly (number | null)[], weight: number): (number | null)[] {
  if (!(weight > 0)) return [...values];
  const w = Math.min(weight, 0.999);
  let average = 0;
  let seen = 0;
  return values.map((value) => {
    if (value === null || !Number.isFinite(value)) return null;
    seen++;
    average = average * w + (1 - w) * value;
    return average / (1 - w ** seen);
  });
}
