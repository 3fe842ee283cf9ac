/** The latest value of every metric, as text (what a screen reader or a quick glance needs). */
import { orderMetricKeys } from "../../lib/domain.ts";
import { formatValue } from "../../lib/format.ts";

export function MetricSummary({ summary }: { summary: Record<string, unknown> }) {
  const keys = orderMetricKeys(Object.keys(summary));
  if (keys.length === 0) return <p className="muted">No metrics logged yet.</p>;
  return (
    <dl className="kv" data-testid="metric-summary">
      {keys.map((key) => (
        <div key={key} style={{ display: "contents" }} data-key={key}>
          <dt className="mono">{key}</dt>
          <dd data-value={String(summary[key])}>{typeof summary[key] === "number" ? formatValue(summary[key]) : String(summary[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
