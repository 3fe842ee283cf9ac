/**
 * Trains one run that is RUNNING on the API (started by hand or claimed by a worker) and
 * records how it ended: SUCCEEDED, FAILED with the reason (an exception, a bad stored
 * config, a backend missing here, the worker stopping), or CANCELED through the API.
 * Shared by `train` and `worker`.
 */
import { resolveTrainingConfig, type TrainingConfig } from "../config/training-config.ts";
import { useBackend } from "../compute/backend.ts";
import { train } from "../methods/train.ts";
import type { TrainingOutcome, TrainingRequest } from "../methods/training-run.ts";
import type { ApiClient } from "../report/api-client.ts";
import type { TrainerRun } from "../report/operations.ts";
import { RunReporter, type FinalStatus } from "../report/run-reporter.ts";
import { failureMessage } from "./failure-message.ts";
import { formatDuration } from "./progress-format.ts";
import { ProgressView } from "./progress-view.ts";

export interface ExecuteRunOptions {
  client: ApiClient;
  run: TrainerRun;
  /** Where progress and messages go. */
  out: NodeJS.WritableStream;
  /** Redraw a progress bar (terminal) or print a line per cycle. */
  tty: boolean;
  prefix?: string;
  heartbeatMs?: number;
  /** How long the end of the run waits for an unreachable API before giving up. */
  flushTimeoutMs?: number;
  /** The training method; the real one unless a test needs a method that fails on purpose. */
  train?: (request: TrainingRequest) => Promise<TrainingOutcome>;
  /** Called once the reporter exists, so that the caller can ask training to stop. */
  onReporter?: (reporter: RunReporter) => void;
}

export interface RunResult {
  status: FinalStatus;
  /** Why it FAILED. */
  error?: string;
  /** True when the API knows how the run ended; false when it could not be told. */
  recorded: boolean;
}

/** Trains `run` with progress on `out` and reports through the API; never throws. */
export async function executeRun(options: ExecuteRunOptions): Promise<RunResult> {
  const { client, run } = options;
  // A pseudo-terminal may report 0 columns: treat that as unknown.
  const columns = () => (options.out as NodeJS.WriteStream).columns || 120;
  const view = new ProgressView(options.out, {
    tty: options.tty,
    prefix: options.prefix,
    columns,
    stats: () => reporter.stats(),
  });
  const reporter: RunReporter = new RunReporter({
    client,
    runId: run.id,
    heartbeatMs: options.heartbeatMs,
    onProgress: (progress) => view.progress(progress),
    onMetrics: (points) => view.metrics(points),
    log: (message) => view.log(message),
  });
  options.onReporter?.(reporter);
  reporter.start();
  const started = Date.now();
  let result: RunResult;
  try {
    const config: TrainingConfig = resolveTrainingConfig(run.config);
    config.backend = await useBackend(config.backend, { warn: (message) => view.log(message) });
    view.log(`${run.method} run "${run.name}" (${run.id}) in experiment "${run.experiment.name}" on ${config.backend}`);
    const outcome = await (options.train ?? train)({ method: run.method, config, reporter });
    if (outcome.status === "CANCELED" && !reporter.endedRemotely) {
      // Stopped on our side (the worker is shutting down): the run did not complete.
      const reason = reporter.stopCause ?? "stopped";
      result = {
        status: await reporter.finish({ status: "FAILED", error: reason }, options.flushTimeoutMs),
        error: reason,
        recorded: false,
      };
    } else if (outcome.status === "CANCELED") {
      // Ended on the API (canceled, or failed as lost): finish() records nothing, says which.
      result = { status: await reporter.finish({ status: "SUCCEEDED" }), recorded: true };
    } else {
      result = { status: await reporter.finish({ status: "SUCCEEDED" }, options.flushTimeoutMs), recorded: false };
      if (result.status === "FAILED") result.error = "the run could not be completed on the API";
    }
  } catch (error) {
    const message = failureMessage(error);
    view.log(`training failed: ${message}`);
    if (error instanceof Error && error.stack) options.out.write(`${error.stack}\n`);
    const status = await reporter.finish({ status: "FAILED", error: message }, options.flushTimeoutMs);
    result = { status, error: message, recorded: false };
  }
  result.recorded = reporter.recorded || result.status === "CANCELED";
  view.close();
  const stats = reporter.stats();
  const delivered = `${stats.accepted} points${stats.duplicates ? ` (+${stats.duplicates} repeats ignored)` : ""}, ${stats.images} images`;
  view.log(
    `${result.status}${result.error ? `: ${result.error}` : ""} after ${formatDuration((Date.now() - started) / 1000)} · ${delivered}`,
  );
  return result;
}
