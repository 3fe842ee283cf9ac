/**
 * A study's results as Markdown tables, in the shape of the paper's Tables 1–4 and of the
 * question it leaves open (does a model resist attacks it never trained on?). Pure: the
 * runs come in (fetch-results.ts reads them through the API), text goes out.
 */

type Points = readonly { step: number; value: number }[];

export interface StudyRun {
  id: string;
  name: string;
  method: string;
  status: string;
  config: Record<string, unknown>;
  error: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Metric key → points ascending by step. */
  series: Record<string, Points>;
}

const ATTACKS = [
  { key: "robustness/fgsm_accuracy", label: "FGSM" },
  { key: "robustness/pgd_accuracy", label: "PGD" },
  { key: "robustness/generator_accuracy", label: "generator (fresh, trained against the final classifier)" },
] as const;

/** "97.3" for 0.9731; "–" when missing. */
export function percent(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "–" : (value * 100).toFixed(1);
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? "–" : value.toFixed(digits);
}

/** Wall time of a run in minutes, or undefined while it has not both started and finished. */
export function runMinutes(run: Pick<StudyRun, "startedAt" | "finishedAt">): number | undefined {
  if (!run.startedAt || !run.finishedAt) return undefined;
  return (run.finishedAt.getTime() - run.startedAt.getTime()) / 60_000;
}

/** The study's wall time: first start to last finish, in minutes. */
export function studyMinutes(runs: readonly Pick<StudyRun, "startedAt" | "finishedAt">[]): number | undefined {
  const starts = runs.map((r) => r.startedAt?.getTime()).filter((t): t is number => t !== undefined);
  const ends = runs.map((r) => r.finishedAt?.getTime()).filter((t): t is number => t !== undefined);
  if (starts.length === 0 || ends.length !== runs.length) return undefined;
  return (Math.max(...ends) - Math.min(...starts)) / 60_000;
}

/** A schedule in the paper's words: "2:1", "stepped 6-8-12", "adaptive (loss < 0.6)". */
export function scheduleLabel(run: Pick<StudyRun, "method" | "config">): string {
  if (run.method !== "GAN") return "–";
  const s = run.config.schedule as { type?: string; ratio?: number; ratios?: number[]; targetGeneratorLoss?: number; maxRatio?: number };
  if (s?.type === "constant") return `${s.ratio}:1`;
  if (s?.type === "stepped") return `stepped ${s.ratios?.join("-")}`;
  if (s?.type === "adaptive") return `adaptive (loss < ${s.targetGeneratorLoss}, ≤ ${s.maxRatio})`;
  return JSON.stringify(s);
}

function last(points: Points | undefined): number | undefined {
  return points && points.length > 0 ? points[points.length - 1]!.value : undefined;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function at(points: Points | undefined, step: number): number | undefined {
  return points?.find((p) => p.step === step)?.value;
}

function table(header: string[], rows: string[][], align: ("l" | "r")[] = []): string {
  const rule = header.map((_, i) => ((align[i] ?? (i === 0 ? "l" : "r")) === "r" ? "---:" : "---"));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function steps(runs: readonly StudyRun[], key: string): number[] {
  const all = new Set<number>();
  for (const run of runs) for (const p of run.series[key] ?? []) all.add(p.step);
  return [...all].sort((a, b) => a - b);
}

function overview(runs: readonly StudyRun[]): string {
  const rows = runs.map((run) => {
    const minutes = runMinutes(run);
    const rates = (run.series.examples_per_second ?? []).map((p) => p.value);
    return [
      run.name,
      run.method,
      scheduleLabel(run),
      String(run.config.classifier ?? "–"),
      String(run.config.cycles ?? "–"),
      run.status + (run.error ? ` (${run.error})` : ""),
      fixed(minutes, 1),
      percent(last(run.series.clean_accuracy)),
      percent(last(run.series.fgsm_accuracy)),
      fixed(median(rates), 0),
    ];
  });
  return table(
    ["run", "method", "schedule", "classifier", "cycles", "status", "minutes", "clean %", "FGSM %", "examples/s (median)"],
    rows,
    ["l", "l", "l", "l", "r", "l", "r", "r", "r", "r"],
  );
}

/** Cycles as rows, runs as columns: the paper's table shape, for one metric. */
function perCycle(runs: readonly StudyRun[], key: string): string {
  const rows = steps(runs, key).map((step) => [String(step), ...runs.map((r) => percent(at(r.series[key], step)))]);
  return table(["cycle", ...runs.map((r) => r.name)], rows);
}

/** One GAN run in detail: what Tables 1–4 show per cycle, plus the classifier's side. */
function ganDetail(run: StudyRun): string {
  const s = run.series;
  const rows = steps([run], "fgsm_accuracy").map((step) => [
    String(step),
    fixed(at(s.ratio, step), 0),
    fixed(at(s.generator_loss, step), 3),
    fixed(at(s.classifier_loss, step), 3),
    percent(at(s.clean_accuracy, step)),
    percent(at(s.fgsm_accuracy, step)),
    percent(at(s.generator_attack_accuracy, step)),
  ]);
  return table(["cycle", "ratio", "generator loss", "classifier loss", "clean %", "FGSM %", "generator attack %"], rows);
}

/** Runs as rows, ε as columns, one table per attack of the end-of-run sweep. */
function attackTable(runs: readonly StudyRun[], key: string): string {
  const epsSteps = steps(runs, key);
  const rows = runs.map((r) => [r.name, ...epsSteps.map((step) => percent(at(r.series[key], step)))]);
  return table(["run \\ ε", ...epsSteps.map((s) => String(s / 1000))], rows);
}

/** The generated part of docs/RESULTS.md. */
export function renderResults(runs: readonly StudyRun[], experimentName: string): string {
  const epsilon = runs[0]?.config.epsilon ?? 0.25;
  const total = studyMinutes(runs);
  const parts = [
    `Experiment \`${experimentName}\`, ${runs.length} runs; study wall time ${fixed(total, 1)} minutes (first start to last finish, one worker).`,
    "### Runs",
    overview(runs),
    `### FGSM accuracy (ε = ${epsilon}) per cycle, %`,
    "Cycle 0 is after pre-training for GAN and the untrained model for STANDARD and FGSM.",
    perCycle(runs, "fgsm_accuracy"),
    "### Clean accuracy per cycle, %",
    perCycle(runs, "clean_accuracy"),
  ];
  for (const run of runs.filter((r) => r.method === "GAN")) {
    parts.push(`### ${run.name}: ${scheduleLabel(run)}`, ganDetail(run));
    if ((run.config.schedule as { type?: string })?.type === "adaptive") {
      parts.push(`Ratio trace (generator units per cycle): ${(run.series.ratio ?? []).map((p) => p.value).join(", ") || "–"}.`);
    }
  }
  parts.push("### Cross-attack matrix: accuracy after training, %");
  for (const attack of ATTACKS) {
    if (!runs.some((r) => (r.series[attack.key]?.length ?? 0) > 0)) continue;
    parts.push(`#### ${attack.label}`, attackTable(runs, attack.key));
  }
  return parts.join("\n\n") + "\n";
}

export const BEGIN_MARK = "<!-- study-report:begin (generated by npm run study:report; edit the text around it) -->";
export const END_MARK = "<!-- study-report:end -->";

/** Puts `generated` between the markers of `document` (appended with markers when absent). */
export function spliceReport(document: string, generated: string): string {
  const begin = document.indexOf(BEGIN_MARK);
  const end = document.indexOf(END_MARK);
  const block = `${BEGIN_MARK}\n${generated}${END_MARK}`;
  if (begin === -1 || end === -1 || end < begin) return `${document.trimEnd()}${document ? "\n\n" : ""}${block}\n`;
  return document.slice(0, begin) + block + document.slice(end + END_MARK.length);
}
