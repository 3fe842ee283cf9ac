/**
 * What a chart hands to uPlot: the shared x values, one column per line, then a max and a
 * min column for each line whose points were downsampled (drawn as a band between them,
 * so a spike inside a bucket still shows). With many lines, one envelope over all of them
 * replaces the per-line bands (a hundred translucent bands would add up to an opaque
 * blot). Pure; the chart component only draws it.
 */

export interface PlotLine {
  label: string;
  color: string;
  values: (number | null)[];
  /** Bucket minimum and maximum at each x; a band is drawn where they differ. */
  min?: (number | null)[] | undefined;
  max?: (number | null)[] | undefined;
}

export interface PlotBand {
  /** Index of the line (0-based, among lines), or -1 for the envelope of all lines. */
  line: number;
  /** uPlot series indices (x is series 0) of the band's upper and lower edge. */
  upper: number;
  lower: number;
}

export interface PlotData {
  data: (number | null)[][];
  bands: PlotBand[];
}

function differs(min: (number | null)[], max: (number | null)[]): boolean {
  for (let i = 0; i < min.length; i++) if (min[i] !== max[i]) return true;
  return false;
}

/** Above this many lines, bands merge into one envelope. */
export const ENVELOPE_ABOVE = 10;

/** Columns for uPlot, with bands for downsampled lines when `showBands`. */
export function buildPlotData(x: readonly number[], lines: readonly PlotLine[], showBands: boolean): PlotData {
  const data: (number | null)[][] = [x as number[], ...lines.map((l) => l.values)];
  const bands: PlotBand[] = [];
  if (!showBands) return { data, bands };
  const banded = lines.filter((line) => line.min && line.max && differs(line.min, line.max));
  if (lines.length > ENVELOPE_ABOVE) {
    if (banded.length === 0) return { data, bands };
    const upper = x.map((_, i) =>
      extreme(
        banded.map((l) => l.max![i] ?? null),
        Math.max,
      ),
    );
    const lower = x.map((_, i) =>
      extreme(
        banded.map((l) => l.min![i] ?? null),
        Math.min,
      ),
    );
    data.push(upper, lower);
    bands.push({ line: -1, upper: data.length - 2, lower: data.length - 1 });
    return { data, bands };
  }
  lines.forEach((line, i) => {
    if (!banded.includes(line)) return;
    data.push(line.max!, line.min!);
    bands.push({ line: i, upper: data.length - 2, lower: data.length - 1 });
  });
  return { data, bands };
}

function extreme(values: (number | null)[], pick: (...xs: number[]) => number): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? pick(...present) : null;
}
