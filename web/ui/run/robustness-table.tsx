/**
 * The end-of-run robustness sweep: accuracy under FGSM, PGD and the generator at each ε
 * (the trainer logs robustness/* keys with step = round(ε × 1000)).
 */
import { ROBUSTNESS_KEYS } from "../../lib/domain.ts";
import { formatValue } from "../../lib/format.ts";
import { epsilonOfStep, pivotByStep } from "../../lib/step-table.ts";
import type { KeySeries } from "./use-run-series.ts";

export function RobustnessTable({ series }: { series: ReadonlyMap<string, KeySeries> }) {
  const present = ROBUSTNESS_KEYS.filter((r) => (series.get(r.key)?.points.length ?? 0) > 0);
  if (present.length === 0) return <p className="muted">The robustness sweep runs at the end of training; nothing yet.</p>;
  const table = pivotByStep(present.map((r) => series.get(r.key)!.points));
  return (
    <div className="table-wrap">
      <table className="data" data-testid="robustness-table">
        <caption className="muted" style={{ textAlign: "left", padding: "6px 10px" }}>
          Test accuracy under attack, by ε
        </caption>
        <thead>
          <tr>
            <th scope="col">Attack</th>
            {table.steps.map((step) => (
              <th key={step} scope="col" className="num">
                ε = {epsilonOfStep(step)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {present.map((r, i) => (
            <tr key={r.key}>
              <th scope="row">{r.attack}</th>
              {table.steps.map((step) => {
                const value = table.columns[i]!.get(step);
                return (
                  <td key={step} className="num" data-value={value}>
                    {formatValue(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
