/**
 * "Cycle k of N" and the time left, from what a run has reported so far. Pure, so the
 * estimate can be tested without a clock.
 */
import type { RunStatus } from "./gql/graphql.ts";

export interface ProgressInput {
  status: RunStatus;
  /** config.cycles. */
  cycles: number | undefined;
  /** Highest step reported by a per-cycle metric (0 = after pre-training). */
  latestCycle: number | undefined;
  /** When cycle 0 was reported (ms since epoch), i.e. when the cycles proper began. */
  cycle0At?: number | undefined;
  /** When latestCycle was reported. */
  latestAt?: number | undefined;
  startedAt?: number | undefined;
  now: number;
}

export interface RunProgress {
  /** Completed cycles (0 before the first). */
  cycle: number;
  cycles: number | undefined;
  /** 0..1, or undefined when the number of cycles is unknown. */
  fraction: number | undefined;
  /** Seconds to the end, when the run is going and the pace is known. */
  etaSeconds: number | undefined;
}

/**
 * Progress of a run. The pace is measured from cycle 0 when known (so pre-training does
 * not inflate it), else from the start of the run; the time already spent in the current
 * cycle is subtracted, never going below zero.
 */
export function runProgress(input: ProgressInput): RunProgress {
  const cycles = input.cycles !== undefined && input.cycles > 0 ? input.cycles : undefined;
  const done = Math.max(0, Math.min(input.latestCycle ?? 0, cycles ?? Number.POSITIVE_INFINITY));
  const fraction = input.status === "SUCCEEDED" ? 1 : cycles ? done / cycles : undefined;
  let etaSeconds: number | undefined;
  if (input.status === "RUNNING" && cycles && done > 0 && input.latestAt !== undefined) {
    const from = input.cycle0At ?? input.startedAt;
    if (from !== undefined && input.latestAt > from) {
      const perCycle = (input.latestAt - from) / done;
      const sinceLatest = Math.max(0, input.now - input.latestAt);
      etaSeconds = Math.max(0, (perCycle * (cycles - done) - sinceLatest) / 1000);
    }
  }
  return { cycle: done, cycles, fraction, etaSeconds };
}
