"use client";
/**
 * The paper's table: cycles as rows, runs as columns, FGSM accuracy in each cell (as in
 * Tables 1–4 of the paper). Values are exactly the API's; long tables show their first
 * rows until expanded.
 */
import { useMemo, useState } from "react";
import { paperTable, paperTableCsv, type RunRef } from "../../lib/compare-tables.ts";
import { formatValue } from "../../lib/format.ts";
import { CsvButton } from "./csv-button.tsx";
import { useCompareSeries, type CompareSeries } from "./use-compare-series.ts";

const KEY = "fgsm_accuracy";
const SHOWN_ROWS = 60;
/** Paper runs have tens of cycles; beyond this the API buckets the rows (each still an exact logged value). */
const MAX_ROWS = 200;

export function PaperTable({ runs, overview }: { runs: RunRef[]; overview: CompareSeries }) {
  const runIds = useMemo(() => runs.map((r) => r.id), [runs]);
  // The charts' series serve when they hold every logged cycle (the usual case); else fetch.
  const complete =
    !overview.fetching &&
    runs.every((r) => (overview.counts.get(r.id)?.get(KEY) ?? 0) === (overview.byRun.get(r.id)?.get(KEY)?.length ?? 0));
  const own = useCompareSeries({ runIds, keys: [KEY], maxPoints: MAX_ROWS, enabled: !overview.fetching && !complete });
  const data = complete || overview.fetching ? overview : own;
  const [expanded, setExpanded] = useState(false);
  const table = useMemo(() => paperTable(runs, new Map(runs.map((r) => [r.id, data.byRun.get(r.id)?.get(KEY) ?? []]))), [runs, data]);

  const bucketed = runs.some((r) => (data.counts.get(r.id)?.get(KEY) ?? 0) > (data.byRun.get(r.id)?.get(KEY)?.length ?? 0));
  if (data.error) return <div className="state error">{data.error}</div>;
  if (data.fetching && table.steps.length === 0) return <div className="skeleton" style={{ height: 160 }} />;
  if (table.steps.length === 0) return <p className="muted">None of these runs has logged {KEY} yet.</p>;
  const rows = expanded ? table.steps : table.steps.slice(0, SHOWN_ROWS);
  return (
    <>
      <div className="row" style={{ marginBottom: 6 }}>
        <span className="muted">
          FGSM accuracy on the test set after each cycle
          {bucketed ? ` — long runs: ${table.steps.length} evenly spread cycles, each value exactly as logged` : ""}.
        </span>
        <span className="spacer" />
        <CsvButton filename="fgsm-accuracy-by-cycle.csv" rows={() => paperTableCsv(runs, table, KEY)} />
      </div>
      <div className="table-wrap" style={{ maxHeight: 520 }}>
        <table className="data" data-testid="paper-table">
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              {runs.map((r) => (
                <th key={r.id} scope="col" className="num" data-run-id={r.id}>
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((step, i) => (
              <tr key={step} data-step={step}>
                <th scope="row">{step}</th>
                {table.cells[i]!.map((value, j) => (
                  <td key={runs[j]!.id} className="num" data-run-id={runs[j]!.id} data-value={value}>
                    {formatValue(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.steps.length > SHOWN_ROWS ? (
        <button type="button" style={{ marginTop: 6 }} onClick={() => setExpanded(!expanded)}>
          {expanded ? `Show the first ${SHOWN_ROWS} rows` : `Show all ${table.steps.length} rows`}
        </button>
      ) : null}
    </>
  );
}
