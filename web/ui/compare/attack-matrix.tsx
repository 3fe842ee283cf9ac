"use client";
/**
 * The cross-attack matrix: each run's test accuracy under FGSM, PGD and the generator at
 * every ε of the end-of-run sweep — whether a method trained against one attack resists
 * the others (the question the paper leaves open).
 */
import { Fragment, useMemo } from "react";
import { attackMatrix, attackMatrixCsv, type RunRef } from "../../lib/compare-tables.ts";
import { formatValue } from "../../lib/format.ts";
import { CsvButton } from "./csv-button.tsx";
import type { CompareSeries } from "./use-compare-series.ts";

/** `data` holds the robustness keys (fetched with the charts' series: at most 32 points each, never downsampled). */
export function AttackMatrix({ runs, data }: { runs: RunRef[]; data: CompareSeries }) {
  const matrix = useMemo(() => attackMatrix(runs, data.byRun), [runs, data]);

  if (data.error) return <div className="state error">{data.error}</div>;
  if (data.fetching && matrix.attacks.length === 0) return <div className="skeleton" style={{ height: 120 }} />;
  if (matrix.attacks.length === 0) return <p className="muted">No run has finished its robustness sweep yet.</p>;
  return (
    <>
      <div className="row" style={{ marginBottom: 6 }}>
        <span className="muted">Test accuracy under each attack, by ε (end of training).</span>
        <span className="spacer" />
        <CsvButton filename="cross-attack-matrix.csv" rows={() => attackMatrixCsv(runs, matrix)} />
      </div>
      <div className="table-wrap" style={{ maxHeight: 520 }}>
        <table className="data" data-testid="attack-matrix">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Run
              </th>
              {matrix.attacks.map((a) => (
                <th key={a.key} scope="colgroup" colSpan={matrix.epsilons.length} style={{ textAlign: "center" }}>
                  {a.attack}
                </th>
              ))}
            </tr>
            <tr>
              {matrix.attacks.map((a) => (
                <Fragment key={a.key}>
                  {matrix.epsilons.map((e) => (
                    <th key={e} scope="col" className="num" style={{ top: 30 }}>
                      ε {e}
                    </th>
                  ))}
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {runs.map((r, i) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                {matrix.rows[i]!.map((cells, a) =>
                  cells.map((value, e) => (
                    <td
                      key={`${a}-${e}`}
                      className="num"
                      data-value={value}
                      style={e === 0 ? { borderLeft: "1px solid var(--border)" } : undefined}
                    >
                      {formatValue(value)}
                    </td>
                  )),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
