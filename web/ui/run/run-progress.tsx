"use client";
/** Status, "cycle k of N", a progress bar and the time left; ticks while the run is going. */
import type { RunDetailFieldsFragment } from "../../lib/gql/graphql.ts";
import { elapsedMs, formatDateTime, formatDuration } from "../../lib/format.ts";
import { runProgress } from "../../lib/progress.ts";
import { cyclesOf } from "../../lib/schedule-label.ts";
import { StatusBadge } from "../runs/status-badge.tsx";
import { useNow } from "../shell/use-now.ts";

export interface RunProgressProps {
  run: RunDetailFieldsFragment;
  latestCycle: number | undefined;
  cycle0At: number | undefined;
  latestAt: number | undefined;
}

export function RunProgressPanel({ run, latestCycle, cycle0At, latestAt }: RunProgressProps) {
  const now = useNow(1000, run.status === "RUNNING");
  const startedAt = run.startedAt ? Date.parse(String(run.startedAt)) : undefined;
  const progress = runProgress({
    status: run.status,
    cycles: cyclesOf(run.config),
    latestCycle,
    cycle0At,
    latestAt: latestAt ?? (latestCycle !== undefined ? now : undefined),
    startedAt,
    now,
  });
  const percent = progress.fraction !== undefined ? Math.round(progress.fraction * 100) : undefined;
  return (
    <section className="panel" aria-label="Progress">
      <div className="row" style={{ marginBottom: 8 }}>
        <span data-testid="run-status">
          <StatusBadge status={run.status} />
        </span>
        <strong data-testid="run-cycle">
          {progress.cycles !== undefined ? `Cycle ${progress.cycle} of ${progress.cycles}` : `Cycle ${progress.cycle}`}
        </strong>
        {run.status === "RUNNING" ? (
          <span className="muted" suppressHydrationWarning>
            {progress.etaSeconds !== undefined ? `about ${formatDuration(progress.etaSeconds * 1000)} left` : "estimating time left…"}
          </span>
        ) : null}
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label="Cycles done"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={progress.cycles !== undefined ? `${progress.cycle} of ${progress.cycles} cycles` : undefined}
      >
        <div style={{ width: `${percent ?? 0}%` }} />
      </div>
      <dl className="kv" style={{ marginTop: 10 }}>
        <dt>Created</dt>
        <dd>{formatDateTime(run.createdAt)}</dd>
        <dt>Started</dt>
        <dd>{formatDateTime(run.startedAt)}</dd>
        <dt>Finished</dt>
        <dd>{formatDateTime(run.finishedAt)}</dd>
        <dt>Duration</dt>
        <dd suppressHydrationWarning>{formatDuration(elapsedMs(run.startedAt, run.finishedAt, now))}</dd>
        <dt>Worker</dt>
        <dd className="mono">{run.worker ?? "–"}</dd>
      </dl>
    </section>
  );
}
