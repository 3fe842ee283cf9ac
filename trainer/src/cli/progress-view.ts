/**
 * Shows a run's progress on a stream: in a terminal one line redrawn in place (bar, cycle,
 * phase, units, ETA, latest metrics, backend, delivery state); elsewhere one plain line per
 * finished cycle, so logs stay readable. Messages go above the bar.
 */
import type { MetricPointOut, Progress } from "../methods/training-run.ts";
import type { DeliveryStats } from "../report/run-reporter.ts";
import { formatCycleLine, formatProgressLine } from "./progress-format.ts";

export interface ProgressViewOptions {
  /** Redraw in place (a TTY) or print plain lines. */
  tty: boolean;
  /** Put before every plain line, e.g. "[run gan-2-1] ". */
  prefix?: string;
  /** Terminal width for the bar line. */
  columns?: () => number;
  /** Delivery state, shown when reports are held back. */
  stats?: () => DeliveryStats;
}

/** Renders progress and cycle results of one run. */
export class ProgressView {
  private readonly latest: Record<string, number> = {};
  private last: Progress | undefined;
  private drawn = false;
  private lastDraw = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly options: ProgressViewOptions,
  ) {}

  /** A message line (warnings, start and end of the run). */
  log(message: string): void {
    this.clear();
    this.stream.write(`${this.options.prefix ?? ""}${message}\n`);
    this.redraw(true);
  }

  progress(progress: Progress): void {
    this.last = progress;
    Object.assign(this.latest, progress.latest);
    this.redraw(false);
  }

  /** Per-cycle points: a clean accuracy at step c means cycle c is evaluated. */
  metrics(points: readonly MetricPointOut[]): void {
    let finished: number | undefined;
    for (const point of points) {
      if (point.key.includes("/")) continue;
      this.latest[point.key] = point.value;
      if (point.key === "clean_accuracy") finished = point.step;
    }
    if (finished !== undefined && !this.options.tty) {
      const backend = this.last?.backend ?? "";
      this.log(formatCycleLine(finished, this.last?.cycles ?? 0, this.latest, this.last?.etaSeconds, backend));
    }
  }

  /** Removes the bar before the final messages. */
  close(): void {
    this.clear();
  }

  private delivery(): string {
    const stats = this.options.stats?.();
    if (!stats) return "";
    if (stats.apiDown) return `API unreachable, ${stats.pendingPoints} points buffered`;
    return stats.pendingPoints > 1_000 ? `${stats.pendingPoints} points to send` : "";
  }

  private redraw(force: boolean): void {
    if (!this.options.tty || !this.last) return;
    // Ten redraws a second are plenty and keep the terminal cheap.
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const columns = this.options.columns?.() ?? 120;
    const line = formatProgressLine({ ...this.last, latest: this.latest }, columns - (this.options.prefix?.length ?? 0), this.delivery());
    this.stream.write(`\r\x1b[2K${this.options.prefix ?? ""}${line}`);
    this.drawn = true;
  }

  private clear(): void {
    if (this.drawn) this.stream.write("\r\x1b[2K");
    this.drawn = false;
  }
}
