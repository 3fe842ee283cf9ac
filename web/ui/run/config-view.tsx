/** The run's full, defaults-filled configuration as a two-column list. */

/** The order of shared/api/training.md's table; fields it does not list follow by name. */
const ORDER = [
  "cycles",
  "schedule",
  "classifier",
  "epsilon",
  "generatorEpsilon",
  "trainSize",
  "testSize",
  "batchSize",
  "unitSteps",
  "pretrainSteps",
  "learningRate",
  "seed",
];

function rank(key: string): number {
  const i = ORDER.indexOf(key.split(".")[0]!);
  return i === -1 ? ORDER.length : i;
}

function flatten(value: unknown, prefix: string, out: [string, string][]): [string, string][] {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.push([prefix, Array.isArray(value) ? value.join(", ") : String(value)]);
  return out;
}

export function ConfigView({ method, config }: { method: string; config: unknown }) {
  const entries = flatten(config ?? {}, "", []).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  return (
    <section className="panel" aria-label="Configuration">
      <h2 style={{ marginTop: 0 }}>Configuration</h2>
      <dl className="kv" data-testid="run-config">
        <dt>method</dt>
        <dd>{method}</dd>
        {entries.map(([k, v]) => (
          <div key={k} style={{ display: "contents" }}>
            <dt className="mono">{k}</dt>
            <dd className="mono">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
