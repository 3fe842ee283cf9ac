/**
 * What a chart hands to uPlot: the shared x values, one column per line, then a max and a
 * min column for each line whose points were downsampled (drawn as a band between them,
 * so a spike inside a bucket still shows). Pure; the chart component only draws it.
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
  /** Index of the line (0-based, among lines). */
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

/** Columns for uPlot, with bands for downsampled lines when `showBands`. */
export function buildPlotData(x: readonly number[], lines: readonly PlotLine[], showBands: boolean): PlotData {
  const data: (number | null)[][] = [x as number[], ...lines.map((l) => l.values)];
  const bands: PlotBand[] = [];
  if (showBands) {
    lines.forEach((line, i) => {
      if (!line.min || !line.max || !differs(line.min, line.max)) return;
      data.push(line.max, line.min);
      bands.push({ line: i, upper: data.length - 2, lower: data.length - 1 });
    });
  }
  return { data, bands };
}
