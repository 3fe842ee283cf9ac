"use client";
/**
 * One metric of every compared run, overlaid. Downsampled to about one point per pixel
 * (fewer per run when there are many), with each run's min/max band where buckets hide
 * points; dragging over a range refetches that range (at full resolution when it holds
 * fewer points than the chart has pixels). Smoothing is applied in
 * the browser so it can be tuned without a round trip.
 */
import { useMemo, useState } from "react";
import { seriesColor } from "../../lib/palette.ts";
import type { PlotLine } from "../../lib/plot-data.ts";
import { alignSeries } from "../../lib/series.ts";
import { smoothEma } from "../../lib/smoothing.ts";
import { LineChart } from "../charts/line-chart.tsx";
import { useCompareSeries, type CompareSeries } from "./use-compare-series.ts";

export interface CompareChartProps {
  metricKey: string;
  /** The page's overview series (all keys in one request); a zoomed chart fetches its own. */
  overview: CompareSeries;
  /** The runs shown, with their colour index in the whole comparison. */
  runs: { id: string; name: string; colorIndex: number }[];
  maxPoints: number;
  smoothing: number;
  showBands: boolean;
}

export function CompareChart({ metricKey, overview, runs, maxPoints, smoothing, showBands }: CompareChartProps) {
  const [zoom, setZoom] = useState<{ from: number; to: number } | null>(null);
  const runIds = useMemo(() => runs.map((r) => r.id), [runs]);
  const zoomed = useCompareSeries({ runIds, keys: [metricKey], maxPoints, fromStep: zoom?.from, toStep: zoom?.to, enabled: zoom !== null });
  const data = zoom ? zoomed : overview;

  const { x, lines, stored, drawn } = useMemo(() => {
    const withData = runs.filter((r) => (data.byRun.get(r.id)?.get(metricKey)?.length ?? 0) > 0);
    const aligned = alignSeries(withData.map((r) => data.byRun.get(r.id)!.get(metricKey)!));
    const plotted: PlotLine[] = withData.map((r, i) => ({
      label: r.name,
      color: seriesColor(r.colorIndex),
      values: smoothing > 0 ? smoothEma(aligned.values[i]!, smoothing) : aligned.values[i]!,
      min: aligned.mins[i],
      max: aligned.maxs[i],
    }));
    let storedPoints = 0;
    let drawnPoints = 0;
    for (const r of withData) {
      storedPoints += data.counts.get(r.id)?.get(metricKey) ?? 0;
      drawnPoints += data.byRun.get(r.id)!.get(metricKey)!.length;
    }
    return { x: aligned.x, lines: plotted, stored: storedPoints, drawn: drawnPoints };
  }, [data, runs, metricKey, smoothing]);

  return (
    <section
      className="chart-card"
      data-testid="compare-chart"
      data-key={metricKey}
      aria-label={`Chart of ${metricKey}`}
      aria-busy={data.fetching}
    >
      <h3>
        <span>{metricKey}</span>
        <span className="muted" style={{ fontFamily: "inherit", fontWeight: 400 }}>
          {zoom ? `steps ${zoom.from}–${zoom.to} · ` : ""}
          {lines.length} run{lines.length === 1 ? "" : "s"} ·{" "}
          {stored > drawn ? (
            <abbr title="Downsampled: each drawn point is a bucket; its min and max form the band">
              {drawn.toLocaleString("en-US")} / {stored.toLocaleString("en-US")} pts
            </abbr>
          ) : (
            `${drawn.toLocaleString("en-US")} pts`
          )}
        </span>
      </h3>
      {data.error ? (
        <div className="state error">{data.error}</div>
      ) : data.fetching && lines.length === 0 ? (
        <div className="skeleton" style={{ height: 244 }} />
      ) : lines.length === 0 ? (
        <div className="state">No run has points for this metric{zoom ? " in this range" : ""}.</div>
      ) : (
        <LineChart
          label={metricKey}
          x={x}
          lines={lines}
          showBands={showBands}
          syncKey="compare"
          onZoom={(from, to) => setZoom({ from, to })}
          onResetZoom={() => setZoom(null)}
          zoomed={zoom !== null}
        />
      )}
    </section>
  );
}
