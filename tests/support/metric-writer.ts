/**
 * A script that logs metrics into one RUNNING run the way any well-behaved API client
 * should: batch after batch, each retried until acknowledged when the API or its
 * database is unwell. Retrying is safe because logMetrics is idempotent on
 * (run, key, step). Every attempt is timed, so fault tests can tell an API that answers
 * errors quickly from one that hangs.
 */
import { print } from "graphql";
import * as ops from "./documents.ts";

export interface Attempt {
  /** Date.now() when the request was sent. */
  at: number;
  ms: number;
  /** "ok", a GraphQL error code (SERVICE_UNAVAILABLE…), or "transport" (no HTTP answer). */
  outcome: string;
}

export interface WriterOptions {
  apiUrl: string;
  runId: string;
  keys: readonly string[];
  /** Steps per key in one batch: a batch carries keys.length × stepsPerBatch points. */
  stepsPerBatch: number;
  /** Batches to send; Infinity until stop() is called. */
  batches: number;
  /** Pause after each acknowledged batch (to spread a load over time). */
  pauseMs?: number;
  /** Pause before retrying a failed batch. */
  retryMs?: number;
  /** A request taking longer than this counts as hanging (and is retried). */
  timeoutMs?: number;
}

/** The value logged at (key index, step): lets readers check every value, not just counts. */
export function pointValue(keyIndex: number, step: number): number {
  return keyIndex * 1_000_000 + step + 0.25;
}

/** The batches a writer sends, as logMetrics points. Pure. */
export function batchPoints(keys: readonly string[], batch: number, stepsPerBatch: number) {
  const points: { key: string; step: number; value: number }[] = [];
  for (let i = 0; i < stepsPerBatch; i++) {
    const step = batch * stepsPerBatch + i;
    keys.forEach((key, k) => points.push({ key, step, value: pointValue(k, step) }));
  }
  return points;
}

export interface MetricWriter {
  /** Resolves once the last batch is acknowledged (or after stop()). */
  done: Promise<void>;
  /** Batches acknowledged so far: steps 0 .. acknowledged × stepsPerBatch − 1 are stored. */
  acknowledged(): number;
  attempts: Attempt[];
  /** Points the API reported as accepted (not duplicates). */
  accepted(): number;
  /** Finishes the batch in flight (until acknowledged) and sends no more. */
  stop(): void;
  /** Gives up at once, even on a batch in flight (teardown: the API may be gone). */
  abandon(): void;
}

export function startWriter(options: WriterOptions): MetricWriter {
  const { apiUrl, runId, keys, stepsPerBatch } = options;
  const attempts: Attempt[] = [];
  let acknowledged = 0;
  let accepted = 0;
  let stopping = false;
  let abandoned = false;
  const query = print(ops.LogMetrics);

  async function attempt(batch: number): Promise<boolean> {
    const at = Date.now();
    let outcome = "transport";
    try {
      const response = await fetch(apiUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables: { runId, points: batchPoints(keys, batch, stepsPerBatch) } }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const body = (await response.json()) as {
        data?: { logMetrics: { accepted: number } } | null;
        errors?: { extensions?: { code?: string } }[];
      };
      if (body.data?.logMetrics) {
        accepted += body.data.logMetrics.accepted;
        outcome = "ok";
      } else outcome = body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`;
    } catch {
      outcome = "transport";
    }
    attempts.push({ at, ms: Date.now() - at, outcome });
    if (outcome !== "ok" && outcome !== "transport" && outcome !== "SERVICE_UNAVAILABLE" && outcome !== "INTERNAL_SERVER_ERROR") {
      throw new Error(`logMetrics refused for good: ${outcome}`);
    }
    return outcome === "ok";
  }

  const done = (async () => {
    for (let batch = 0; batch < options.batches && !stopping; batch++) {
      while (!(await attempt(batch))) {
        if (abandoned) return;
        await new Promise((r) => setTimeout(r, options.retryMs ?? 100));
      }
      acknowledged++;
      if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
    }
  })();
  return {
    done,
    attempts,
    acknowledged: () => acknowledged,
    accepted: () => accepted,
    stop: () => (stopping = true),
    abandon: () => (stopping = abandoned = true),
  };
}
