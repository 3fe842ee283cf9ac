/**
 * Tick spacings for the step axis. Steps are integers (a cycle, an optimiser step, ε × 1000),
 * so a tick between two steps labels nothing: uPlot's default spacings include 0.5, 0.25, …,
 * which a run of a few cycles got ("0, 0.5, 1, 1.5"). These are 1, 2, 5 × 10ᵏ only.
 */
export function integerTickIncrements(largest = 1e15): number[] {
  const increments: number[] = [];
  for (let power = 1; power <= largest; power *= 10) {
    for (const factor of [1, 2, 5]) if (factor * power <= largest) increments.push(factor * power);
  }
  return increments;
}

/** Decimals that write `increment` exactly (0.25 → 2, 0.0002 → 4, 5 → 0), at most 12. */
function decimalsOf(increment: number): number {
  for (let decimals = 0; decimals < 12; decimals++) {
    const scaled = Math.abs(increment) * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return decimals;
  }
  return 12;
}

/**
 * A value-axis label with as many decimals as the spacing between ticks needs, so that
 * neighbouring ticks never read the same (uPlot's default keeps three decimals: ticks
 * 0.0001 apart all read "0"). Thousands are grouped; the format does not depend on the
 * browser's locale.
 */
export function formatTick(value: number, increment: number): string {
  const decimals = decimalsOf(increment);
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
