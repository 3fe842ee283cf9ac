/**
 * How training progress reads in a terminal: a bar line redrawn in place for a TTY, and
 * plain lines (one per cycle) for logs. Pure string functions of a Progress.
 */
import type { Progress } from "../methods/training-run.ts";

/** "3m05s", "1h02m", "42s"; "?" when unknown. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** The share of the run done, in [0, 1], counting a cycle's units when they are known. */
export function fractionDone(progress: Progress): number {
  if (progress.phase === "sweep") return 1;
  if (progress.cycles <= 0 || progress.cycle <= 0) return 0;
  const within = progress.units && progress.units > 0 ? Math.min(1, progress.unit / progress.units) : 0;
  const phaseShare = progress.phase === "evaluate" ? 1 : progress.phase === "classifier" ? 0.5 + within / 2 : within / 2;
  return Math.min(1, Math.max(0, (progress.cycle - 1 + phaseShare) / progress.cycles));
}

const LABELS: [key: string, label: string, percent: boolean][] = [
  ["clean_accuracy", "clean", true],
  ["fgsm_accuracy", "fgsm", true],
  ["generator_attack_accuracy", "gen-attack", true],
  ["generator_loss", "G loss", false],
  ["classifier_loss", "C loss", false],
  ["ratio", "ratio", false],
];

/** The latest losses and accuracies, e.g. "clean 97.1% fgsm 42.3% C loss 0.123". */
export function formatLatest(latest: Record<string, number>): string {
  const parts: string[] = [];
  for (const [key, label, percent] of LABELS) {
    const value = latest[key];
    if (value === undefined) continue;
    parts.push(`${label} ${percent ? `${(value * 100).toFixed(1)}%` : key === "ratio" ? String(value) : value.toFixed(3)}`);
  }
  const speed = latest.examples_per_second;
  if (speed !== undefined) parts.push(`${Math.round(speed)} ex/s`);
  return parts.join(" · ");
}

function phaseText(progress: Progress): string {
  const units = progress.units === undefined ? `${progress.unit}` : `${progress.unit}/${progress.units}`;
  switch (progress.phase) {
    case "pretrain":
      return `pre-training step ${units}`;
    case "generator":
      return `generator unit ${units}`;
    case "classifier":
      return `classifier unit ${units}`;
    case "evaluate":
      return "evaluating";
    case "sweep":
      return "robustness sweep";
  }
}

/** A bar of `width` cells, filled by `fraction`. */
export function bar(fraction: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
}

/** The one-line TTY view, cut to `columns`. */
export function formatProgressLine(progress: Progress, columns = 120, extra = ""): string {
  const fraction = fractionDone(progress);
  const head = `cycle ${progress.cycle}/${progress.cycles} ${bar(fraction, 20)} ${Math.floor(fraction * 100)}% · ${phaseText(progress)} · ETA ${formatDuration(progress.etaSeconds)} · ${progress.backend}`;
  const latest = formatLatest(progress.latest);
  const line = [head, latest, extra].filter((part) => part !== "").join(" · ");
  return line.length > columns ? `${line.slice(0, Math.max(0, columns - 1))}…` : line;
}

/** The plain line logged when a cycle is done (or pre-training, cycle 0). */
export function formatCycleLine(
  cycle: number,
  cycles: number,
  latest: Record<string, number>,
  etaSeconds: number | undefined,
  backend: string,
): string {
  const what = `cycle ${cycle}/${cycles}`;
  return [what, formatLatest(latest), `ETA ${formatDuration(etaSeconds)}`, backend].filter((part) => part !== "").join(" · ");
}
