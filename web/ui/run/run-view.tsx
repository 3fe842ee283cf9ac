"use client";
/**
 * The run page's live body. Starts from the server-rendered run and keeps it current
 * through runUpdated (status, summary, tags, notes) and metricsAppended (chart points).
 */
import Link from "next/link";
import { useMemo, useRef, useState } from "react";
import { FINAL_STATUSES, isChartedKey, orderMetricKeys, ROBUSTNESS_PREFIX } from "../../lib/domain.ts";
import type { RunDetailFieldsFragment } from "../../lib/gql/graphql.ts";
import { maxPointsFor } from "../../lib/resolution.ts";
import { scheduleLabel } from "../../lib/schedule-label.ts";
import { chartWidthIn, useElementWidth } from "../shell/use-element-width.ts";
import { useLive } from "../shell/use-live.ts";
import { CancelRun } from "./cancel-run.tsx";
import { ConfigView } from "./config-view.tsx";
import { ImageGrids } from "./image-grids.tsx";
import { MetricSummary } from "./metric-summary.tsx";
import { RunUpdatedSubscription } from "./operations.ts";
import { RobustnessTable } from "./robustness-table.tsx";
import { RunAnnotations } from "./run-annotations.tsx";
import { RunCharts } from "./run-charts.tsx";
import { RunProgressPanel } from "./run-progress.tsx";
import { useRunSeries, type PreloadedMetrics } from "./use-run-series.ts";

export function RunView({ initial, preload }: { initial: RunDetailFieldsFragment; preload?: PreloadedMetrics }) {
  const [run, setRun] = useState(initial);
  useLive(RunUpdatedSubscription, { id: initial.id }, ({ runUpdated }) => setRun(runUpdated));

  const chartsRef = useRef<HTMLDivElement>(null);
  const gridWidth = useElementWidth(chartsRef);
  const maxPoints = gridWidth > 0 ? maxPointsFor(chartWidthIn(gridWidth)) : 0;
  const finished = FINAL_STATUSES.includes(run.status);
  const keys = useMemo(() => orderMetricKeys(run.metricKeys), [run.metricKeys]);
  const live = useRunSeries(run.id, keys, maxPoints, finished ? "final" : "live", preload);
  const chartKeys = useMemo(
    () => orderMetricKeys([...new Set([...keys, ...live.series.keys()])].filter(isChartedKey)),
    [keys, live.series],
  );
  // The live series' last points are the newest values (run.summary arrives with runUpdated, later).
  const latestValues = useMemo(() => {
    const values: Record<string, unknown> = { ...((run.summary as Record<string, unknown>) ?? {}) };
    for (const [key, s] of live.series) {
      const last = s.points[s.points.length - 1];
      if (last) values[key] = last.value;
    }
    return values;
  }, [run.summary, live.series]);
  const hasSweep = keys.some((k) => k.startsWith(ROBUSTNESS_PREFIX));

  return (
    <>
      <div className="row" style={{ marginBottom: 4 }}>
        <span className="muted">
          <Link href={`/runs?experiment=${run.experiment.id}`}>{run.experiment.name}</Link> /
        </span>
      </div>
      <div className="row">
        <h1 style={{ margin: 0 }} data-testid="run-name">
          {run.name}
        </h1>
        <span className="muted">
          {run.method}
          {run.method === "GAN" ? ` · ${scheduleLabel(run.method, run.config)}` : ""}
        </span>
        <span className="spacer" />
        <Link className="button" href={`/compare?runs=${run.id}`} prefetch={false}>
          Compare…
        </Link>
        <CancelRun run={run} onChange={setRun} />
      </div>
      {run.error ? (
        <div className="state error" role="alert" style={{ marginTop: 12 }} data-testid="run-error">
          <strong>Failed:</strong> {run.error}
        </div>
      ) : null}
      <div className="grid-2" style={{ marginTop: 12 }}>
        <RunProgressPanel run={run} latestCycle={live.latestCycle} cycle0At={live.cycle0At} latestAt={live.latestAt} />
        <section className="panel" aria-label="Latest metrics">
          <h2 style={{ marginTop: 0 }}>Latest values</h2>
          <MetricSummary summary={latestValues} />
        </section>
      </div>

      <h2>Metrics</h2>
      <div ref={chartsRef}>
        {live.error ? <div className="state error">Metrics could not be loaded: {live.error}</div> : null}
        {chartKeys.length === 0 && !live.loading ? (
          <div className="state">{run.status === "QUEUED" ? "Waiting for a worker to start this run." : "No metrics logged yet."}</div>
        ) : null}
        {live.loading && chartKeys.length > 0 && live.series.size === 0 ? (
          <div className="charts">
            {chartKeys.map((k) => (
              <div key={k} className="skeleton" style={{ height: 280 }} />
            ))}
          </div>
        ) : (
          <RunCharts runId={run.id} keys={chartKeys} series={live.series} maxPoints={maxPoints || 800} />
        )}
      </div>

      <h2>Robustness at the end of training</h2>
      {hasSweep || live.series.size > 0 ? (
        <RobustnessTable series={live.series} />
      ) : (
        <p className="muted">The robustness sweep runs at the end of training; nothing yet.</p>
      )}

      <h2>Image grids</h2>
      <ImageGrids runId={run.id} refreshKey={`${live.latestCycle ?? -1}:${run.status}`} />

      <div className="grid-2" style={{ marginTop: 20 }}>
        <RunAnnotations run={run} onChange={setRun} />
        <ConfigView method={run.method} config={run.config} />
      </div>
    </>
  );
}
