"use client";
/**
 * One chart per metric key of a run. Shows the live (downsampled) series; dragging over a
 * range fetches exactly that range at full resolution, so zooming reveals every point.
 */
import { useMemo, useState } from "react";
import { useClient } from "urql";
import { formatValue } from "../../lib/format.ts";
import { seriesColor } from "../../lib/palette.ts";
import type { PlotLine } from "../../lib/plot-data.ts";
import type { SeriesPoint } from "../../lib/series.ts";
import { LineChart } from "../charts/line-chart.tsx";
import { RunMetricsQuery } from "./operations.ts";
import type { KeySeries } from "./use-run-series.ts";

interface Zoom {
  from: number;
  to: number;
  points: SeriesPoint[] | undefined;
  count: number | undefined;
}

function RunChart({
  runId,
  metricKey,
  points,
  count,
  maxPoints,
}: {
  runId: string;
  metricKey: string;
  points: SeriesPoint[];
  count: number | undefined;
  maxPoints: number;
}) {
  const client = useClient();
  const [zoom, setZoom] = useState<Zoom | null>(null);
  const shown = zoom?.points ?? points;
  const { x, lines } = useMemo(() => {
    const line: PlotLine = {
      label: metricKey,
      color: seriesColor(0),
      values: shown.map((p) => p.value),
      min: shown.map((p) => p.min),
      max: shown.map((p) => p.max),
    };
    return { x: shown.map((p) => p.step), lines: [line] };
  }, [shown, metricKey]);

  const onZoom = (from: number, to: number) => {
    setZoom({ from, to, points: undefined, count: undefined });
    void client
      .query(RunMetricsQuery, { id: runId, keys: [metricKey], maxPoints, fromStep: from, toStep: to })
      .toPromise()
      .then((result) => {
        const series = result.data?.run?.metrics[0];
        setZoom((current) =>
          current && current.from === from && current.to === to
            ? { from, to, points: series?.points ?? [], count: series?.count ?? 0 }
            : current,
        );
      });
  };

  const stored = zoom ? zoom.count : count;
  const downsampled = stored !== undefined && stored > shown.length;
  return (
    <section className="chart-card" data-testid="metric-chart" data-key={metricKey} aria-label={`Chart of ${metricKey}`}>
      <h3>
        <span>{metricKey}</span>
        <span className="muted" style={{ fontFamily: "inherit", fontWeight: 400 }}>
          {zoom ? `steps ${zoom.from}–${zoom.to} · ` : ""}
          {downsampled ? (
            <abbr title={`${stored} points stored; each drawn point is a bucket, with its min and max as a band`}>
              {shown.length.toLocaleString("en-US")} / {stored.toLocaleString("en-US")} pts
            </abbr>
          ) : (
            `${shown.length.toLocaleString("en-US")} pts`
          )}
          {points.length > 0 ? ` · last ${formatValue(points[points.length - 1]!.value)}` : ""}
        </span>
      </h3>
      {shown.length === 0 && zoom?.points === undefined && zoom ? (
        <div className="skeleton" style={{ height: 248 }} />
      ) : (
        <LineChart
          label={metricKey}
          x={x}
          lines={lines}
          syncKey={`run-${runId}`}
          onZoom={onZoom}
          onResetZoom={() => setZoom(null)}
          zoomed={zoom !== null}
        />
      )}
    </section>
  );
}

export interface RunChartsProps {
  runId: string;
  keys: string[];
  series: ReadonlyMap<string, KeySeries>;
  maxPoints: number;
}

export function RunCharts({ runId, keys, series, maxPoints }: RunChartsProps) {
  return (
    <div className="charts">
      {keys.map((key) => (
        <RunChart
          key={key}
          runId={runId}
          metricKey={key}
          points={series.get(key)?.points ?? []}
          count={series.get(key)?.count}
          maxPoints={maxPoints}
        />
      ))}
    </div>
  );
}
