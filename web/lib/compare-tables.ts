/**
 * The comparison page's two tables, as data (rendered as HTML and downloaded as CSV from
 * the same rows, so the file always matches the screen):
 * - the paper's table: cycles as rows, runs as columns, FGSM accuracy in the cells;
 * - the cross-attack matrix: runs as rows; FGSM, PGD and generator accuracy at each ε.
 */
import type { CsvCell } from "./csv.ts";
import { isChartedKey, orderMetricKeys, ROBUSTNESS_KEYS } from "./domain.ts";
import { epsilonOfStep, pivotByStep } from "./step-table.ts";

export interface RunRef {
  id: string;
  name: string;
}

type Points = readonly { step: number; value: number }[];

export interface PaperTable {
  steps: number[];
  /** cells[row][column]: the value of run `column` at steps[row]. */
  cells: (number | undefined)[][];
}

/** Pivots one metric of several runs into cycles × runs. */
export function paperTable(runs: readonly RunRef[], seriesByRun: ReadonlyMap<string, Points>): PaperTable {
  const pivot = pivotByStep(runs.map((r) => seriesByRun.get(r.id) ?? []));
  return { steps: pivot.steps, cells: pivot.steps.map((step) => pivot.columns.map((column) => column.get(step))) };
}

export function paperTableCsv(runs: readonly RunRef[], table: PaperTable, metricKey: string): CsvCell[][] {
  return [[`cycle \\ ${metricKey}`, ...runs.map((r) => r.name)], ...table.steps.map((step, i) => [step, ...table.cells[i]!])];
}

export interface AttackMatrix {
  epsilons: number[];
  attacks: { key: string; attack: string }[];
  /** rows[run][attack][epsilon]. */
  rows: (number | undefined)[][][];
}

/** Robustness sweeps of several runs: every attack any run has, at every ε any run has. */
export function attackMatrix(runs: readonly RunRef[], series: ReadonlyMap<string, ReadonlyMap<string, Points>>): AttackMatrix {
  const attacks = ROBUSTNESS_KEYS.filter((a) => runs.some((r) => (series.get(r.id)?.get(a.key)?.length ?? 0) > 0)).map((a) => ({
    key: a.key,
    attack: a.attack,
  }));
  const steps = new Set<number>();
  for (const r of runs) for (const a of attacks) for (const p of series.get(r.id)?.get(a.key) ?? []) steps.add(p.step);
  const sorted = [...steps].sort((a, b) => a - b);
  const rows = runs.map((r) =>
    attacks.map((a) => {
      const byStep = new Map((series.get(r.id)?.get(a.key) ?? []).map((p) => [p.step, p.value]));
      return sorted.map((step) => byStep.get(step));
    }),
  );
  return { epsilons: sorted.map(epsilonOfStep), attacks, rows };
}

export function attackMatrixCsv(runs: readonly RunRef[], matrix: AttackMatrix): CsvCell[][] {
  const header = ["run", ...matrix.attacks.flatMap((a) => matrix.epsilons.map((e) => `${a.attack} ε=${e}`))];
  return [header, ...runs.map((r, i) => [r.name, ...matrix.rows[i]!.flat()])];
}

/** The run ids of a /compare URL: comma separated, in order, without duplicates, at most `max`. */
export function parseRunIds(param: string | string[] | undefined, max = 200): string[] {
  const raw = Array.isArray(param) ? param.join(",") : (param ?? "");
  return [
    ...new Set(
      raw
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    ),
  ].slice(0, max);
}

/** The keys a comparison charts (every key any run has, but the sweep) and fetches (those plus the sweep). */
export function compareKeys(runs: readonly { metricKeys: readonly string[] }[]): { charted: string[]; fetched: string[] } {
  const charted = orderMetricKeys([...new Set(runs.flatMap((r) => r.metricKeys))].filter(isChartedKey));
  return { charted, fetched: [...charted, ...ROBUSTNESS_KEYS.map((r) => r.key)] };
}
