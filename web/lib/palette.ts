/**
 * Distinct colours for many overlaid runs: hues spread by the golden angle so neighbours
 * in the legend never look alike, at a lightness readable on light and dark backgrounds.
 */

/** The colour of the i-th series as an hsl() string. */
export function seriesColor(i: number): string {
  const hue = Math.round((i * 137.508 + 210) % 360);
  const lightness = i % 2 === 0 ? 50 : 42;
  return `hsl(${hue} 70% ${lightness}%)`;
}

/** The same colour, translucent (for min/max bands). */
export function seriesFill(i: number, alpha = 0.15): string {
  return seriesColor(i).replace(")", ` / ${alpha})`);
}
