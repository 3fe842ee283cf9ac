"use client";
/**
 * /compare's body: a shared legend (show/hide runs, remove them), controls for smoothing
 * and bands, one chart per metric with every run overlaid and the hover cursor in sync,
 * then the paper's table and the cross-attack matrix.
 */
import Link from "next/link";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { compareKeys } from "../../lib/compare-tables.ts";
import type { CompareRunFieldsFragment } from "../../lib/gql/graphql.ts";
import { seriesColor } from "../../lib/palette.ts";
import { closeEnough, maxPointsFor } from "../../lib/resolution.ts";
import { scheduleLabel } from "../../lib/schedule-label.ts";
import { StatusBadge } from "../runs/status-badge.tsx";
import { chartWidthIn, useElementWidth } from "../shell/use-element-width.ts";
import { AttackMatrix } from "./attack-matrix.tsx";
import { CompareChart } from "./compare-chart.tsx";
import { PaperTable } from "./paper-table.tsx";
import { mergeSeries, useCompareSeries, usePreloadedSeries, type PreloadedSeries } from "./use-compare-series.ts";

export function CompareView({ runs, preload }: { runs: CompareRunFieldsFragment[]; preload?: PreloadedSeries }) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [smoothing, setSmoothing] = useState(0);
  const [showBands, setShowBands] = useState(true);
  const chartsRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(chartsRef);

  const colored = useMemo(() => runs.map((r, i) => ({ id: r.id, name: r.name, colorIndex: i })), [runs]);
  const visible = useMemo(() => colored.filter((r) => !hidden.has(r.id)), [colored, hidden]);
  const { charted: keys, fetched: fetchedKeys } = useMemo(() => compareKeys(runs), [runs]);
  const maxPoints = width > 0 ? maxPointsFor(chartWidthIn(width), visible.length) : 0;
  const visibleIds = useMemo(() => visible.map((r) => r.id), [visible]);
  // The usual keys come from the request the page's HTML started (when it fits the charts'
  // measured width), any others from a second request; without a preload, one request.
  const preloaded = usePreloadedSeries(preload);
  const usePreload =
    !!preload &&
    preloaded.available &&
    !preloaded.error &&
    closeEnough(preload.maxPoints, maxPoints) &&
    visibleIds.every((id) => preload.runIds.includes(id));
  const extraKeys = useMemo(() => (preload ? fetchedKeys.filter((k) => !preload.keys.includes(k)) : []), [preload, fetchedKeys]);
  const extra = useCompareSeries({
    runIds: visibleIds,
    keys: extraKeys,
    maxPoints,
    enabled: usePreload && extraKeys.length > 0 && maxPoints > 0,
  });
  const fetched = useCompareSeries({ runIds: visibleIds, keys: fetchedKeys, maxPoints, enabled: maxPoints > 0 && !usePreload });
  useEffect(() => void performance.mark("sparring:compare-hydrated"), []);
  const overview = usePreload ? (extraKeys.length > 0 ? mergeSeries(preloaded, extra) : preloaded) : fetched;
  const without = (id: string) =>
    runs
      .filter((r) => r.id !== id)
      .map((r) => r.id)
      .join(",");

  // Thousands of table cells render after the charts have been drawn, not with them.
  const tablesOverview = useDeferredValue(overview);
  useEffect(() => {
    if (!overview.fetching) performance.mark("sparring:series-ready");
  }, [overview.fetching]);

  return (
    <>
      <details className="panel" open={runs.length <= 12}>
        <summary>
          <strong>{runs.length} runs</strong>
          {hidden.size > 0 ? <span className="muted"> ({hidden.size} hidden)</span> : null}
        </summary>
        <div className="row" style={{ margin: "8px 0" }}>
          <button type="button" onClick={() => setHidden(new Set())} disabled={hidden.size === 0}>
            Show all
          </button>
          <button type="button" onClick={() => setHidden(new Set(runs.map((r) => r.id)))} disabled={hidden.size === runs.length}>
            Hide all
          </button>
        </div>
        <ul className="legend" aria-label="Runs in this comparison">
          {runs.map((r, i) => (
            <li key={r.id}>
              <label className="row" style={{ gap: 6 }}>
                <input
                  type="checkbox"
                  checked={!hidden.has(r.id)}
                  onChange={() =>
                    setHidden((prev) => {
                      const next = new Set(prev);
                      if (next.has(r.id)) next.delete(r.id);
                      else next.add(r.id);
                      return next;
                    })
                  }
                  aria-label={`Show ${r.name}`}
                />
                <span className="swatch" style={{ background: seriesColor(i) }} aria-hidden="true" />
              </label>
              <Link href={`/runs/${r.id}`} prefetch={false}>
                {r.name}
              </Link>
              <span className="muted">
                {r.experiment.name} · {r.method}
                {r.method === "GAN" ? ` ${scheduleLabel(r.method, r.config)}` : ""}
              </span>
              <StatusBadge status={r.status} />
              {runs.length > 1 ? (
                <Link
                  href={`/compare?runs=${without(r.id)}`}
                  prefetch={false}
                  aria-label={`Remove ${r.name} from the comparison`}
                  className="muted"
                >
                  remove
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      </details>

      <div className="toolbar" style={{ marginTop: 12 }}>
        <label>
          Smoothing {smoothing.toFixed(2)}
          <input
            type="range"
            min={0}
            max={0.99}
            step={0.01}
            value={smoothing}
            onChange={(e) => setSmoothing(Number(e.target.value))}
            style={{ width: 180 }}
          />
        </label>
        <label className="chip">
          <input type="checkbox" checked={showBands} onChange={(e) => setShowBands(e.target.checked)} />
          min/max bands
        </label>
        <span className="muted" style={{ alignSelf: "center" }}>
          Drag across a chart to zoom (refetched at full resolution); double-click to reset.
        </span>
      </div>

      <div ref={chartsRef}>
        {keys.length === 0 ? (
          <div className="state">These runs have no metrics yet.</div>
        ) : (
          <div className="charts">
            {keys.map((key) => (
              <CompareChart
                key={key}
                metricKey={key}
                overview={overview}
                runs={visible}
                maxPoints={maxPoints}
                smoothing={smoothing}
                showBands={showBands}
              />
            ))}
          </div>
        )}
      </div>

      <h2>FGSM accuracy by cycle</h2>
      <PaperTable runs={visible} overview={tablesOverview} />

      <h2>Cross-attack matrix</h2>
      <AttackMatrix runs={visible} data={tablesOverview} />
    </>
  );
}
