/**
 * Delivers one run's reports to the API while it trains. Training never waits on the
 * network: points and images are queued, a single sender sends them in order (points in
 * batches of up to `batchSize`, at least every `flushIntervalMs`), retrying transport
 * failures with capped, jittered backoff for as long as it takes. A heartbeat every
 * `heartbeatMs` keeps the run alive; when it says the run is no longer RUNNING (canceled),
 * the queue is dropped, shouldStop() turns true and nothing more is sent.
 */
import type { MetricPointOut, Progress, TrainingReporter } from "../methods/training-run.ts";
import type { ApiClient } from "./api-client.ts";
import { ApiGraphQLError, isRetryable, retryAfterMs } from "./api-error.ts";
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from "./backoff.ts";
import { DeliveryQueue } from "./delivery-queue.ts";
import { HeartbeatLoop } from "./heartbeat-loop.ts";
import { finishRun, heartbeat, imageSteps, logImage, logMetrics, type RunStatus } from "./operations.ts";
import { Wakeup } from "./wakeup.ts";

export interface RunReporterOptions {
  client: ApiClient;
  runId: string;
  /** Points a logMetrics call carries at most (the API takes up to 10,000). */
  batchSize?: number;
  /** A partial batch waits at most this long. */
  flushIntervalMs?: number;
  heartbeatMs?: number;
  backoff?: BackoffPolicy;
  onProgress?: (progress: Progress) => void;
  /** Sees every point reported (before delivery), e.g. to print cycle results. */
  onMetrics?: (points: MetricPointOut[]) => void;
  /** Where warnings go (delivery trouble, refused points). */
  log?: (message: string) => void;
}

/** How delivery went, for progress lines and tests. */
export interface DeliveryStats {
  accepted: number;
  duplicates: number;
  images: number;
  /** Failed attempts that were retried. */
  retries: number;
  /** Points or images given up on (refused by the API or dropped on cancel). */
  droppedPoints: number;
  droppedImages: number;
  pendingPoints: number;
  pendingImages: number;
  /** True while the API cannot be reached. */
  apiDown: boolean;
}

export type FinalStatus = "SUCCEEDED" | "FAILED" | "CANCELED";

/** The TrainingReporter that talks to the API; see the module comment. */
export class RunReporter implements TrainingReporter {
  readonly runId: string;
  private readonly client: ApiClient;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly onProgress: ((progress: Progress) => void) | undefined;
  private readonly onMetrics: ((points: MetricPointOut[]) => void) | undefined;
  private readonly log: (message: string) => void;
  private readonly queue = new DeliveryQueue();
  private readonly work = new Wakeup();
  private readonly beat: HeartbeatLoop;
  private status: RunStatus = "RUNNING";
  private stopReason: string | undefined;
  private closing = false;
  /** Set when delivery is abandoned (deadline passed): the sender exits. */
  private halted = false;
  private sender: Promise<void> | undefined;
  private lastSend = 0;
  private readonly warned = new Set<string>();
  private readonly counts = { accepted: 0, duplicates: 0, images: 0, retries: 0, droppedPoints: 0, droppedImages: 0 };
  private apiDown = false;
  /** True once the API knows how the run ended (finished by us, or ended remotely). */
  recorded = false;
  /** The latest progress, for whoever renders it. */
  lastProgress: Progress | undefined;

  constructor(options: RunReporterOptions) {
    this.client = options.client;
    this.runId = options.runId;
    this.batchSize = options.batchSize ?? 1_000;
    this.flushIntervalMs = options.flushIntervalMs ?? 1_000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.onProgress = options.onProgress;
    this.onMetrics = options.onMetrics;
    this.log = options.log ?? ((message) => console.warn(message));
    this.beat = new HeartbeatLoop(this.client, this.runId, options.heartbeatMs ?? 5_000, (status) => this.endRemotely(status), this.log);
  }

  /** Starts the sender and the heartbeat. */
  start(): this {
    if (!this.sender) this.lastSend = Date.now();
    this.sender ??= this.send();
    this.beat.start();
    return this;
  }

  metrics(points: MetricPointOut[]): void {
    if (this.endedRemotely) return;
    this.onMetrics?.(points);
    for (const { point, problem } of this.queue.addPoints(points)) {
      this.counts.droppedPoints++;
      this.warnOnce(`point:${point.key}`, `not logging ${point.key} at step ${point.step}: ${problem}`);
    }
    // Wakes the sender: a full batch goes now, a partial one starts its flush timer.
    this.work.wake();
  }

  image(step: number, kind: string, png: Uint8Array, caption?: string): void {
    if (this.endedRemotely) return;
    this.queue.addImage({ step, kind, png, caption });
    this.work.wake();
  }

  progress(progress: Progress): void {
    this.lastProgress = progress;
    this.onProgress?.(progress);
  }

  shouldStop(): boolean {
    return this.stopReason !== undefined;
  }

  /** Why training should stop (canceled, or the worker is shutting down), if it should. */
  get stopCause(): string | undefined {
    return this.stopReason;
  }

  /** True when the API ended the run behind our back (CANCELED, or FAILED as lost). */
  get endedRemotely(): boolean {
    return this.status !== "RUNNING";
  }

  /** Asks training to stop (e.g. the worker is shutting down); queued reports still go out. */
  requestStop(reason: string): void {
    this.stopReason ??= reason;
  }

  stats(): DeliveryStats {
    return { ...this.counts, pendingPoints: this.queue.pointCount, pendingImages: this.queue.imageCount, apiDown: this.apiDown };
  }

  /**
   * Delivers everything queued, waiting for the API up to `timeoutMs`.
   * @returns true when nothing is left undelivered.
   */
  async flush(timeoutMs: number): Promise<boolean> {
    this.start();
    this.closing = true;
    this.work.wake();
    const done = await raceTimeout(this.sender!, timeoutMs);
    if (!done) {
      this.halt();
      await this.sender;
    }
    return this.queue.isEmpty;
  }

  /**
   * Flushes, then records the final status (retrying transport failures within the same
   * deadline) and stops the heartbeat. A run the API already ended (canceled) is left as
   * it is. Returns the status the run ended with as far as this trainer knows.
   */
  async finish(outcome: { status: "SUCCEEDED" } | { status: "FAILED"; error: string }, timeoutMs = 15 * 60_000): Promise<FinalStatus> {
    const deadline = Date.now() + timeoutMs;
    try {
      if (this.endedRemotely) return this.remoteEnd();
      const delivered = await this.flush(timeoutMs);
      if (this.endedRemotely) return this.remoteEnd();
      let final = outcome;
      if (!delivered && outcome.status === "SUCCEEDED") {
        const pending = this.stats();
        this.log(
          `gave up delivering ${pending.pendingPoints} points and ${pending.pendingImages} images after ${Math.round(timeoutMs / 1000)} s`,
        );
        final = { status: "FAILED", error: "the trainer could not deliver every metric to the API in time" };
      }
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await finishRun(this.client, this.runId, final.status, final.status === "FAILED" ? final.error : undefined);
          this.recorded = true;
          return result.status === "SUCCEEDED" || result.status === "CANCELED" ? result.status : "FAILED";
        } catch (error) {
          if (!isRetryable(error) || Date.now() > deadline) {
            this.log(`could not finish the run as ${final.status}: ${message(error)}`);
            return isRetryable(error) ? "FAILED" : await this.statusAfterRefusal();
          }
          await sleep(Math.max(backoffDelay(attempt, this.backoff), retryAfterMs(error)));
        }
      }
    } finally {
      await this.stopHeartbeat();
    }
  }

  /** Stops the heartbeat without finishing the run (after finish, or when abandoning it). */
  async stopHeartbeat(): Promise<void> {
    this.halt();
    await Promise.all([this.sender, this.beat.stop()]);
  }

  /** Makes the sender give up: its waits end and it exits at its next turn. */
  private halt(): void {
    this.halted = true;
    this.work.close();
  }

  private remoteEnd(): FinalStatus {
    this.recorded = true;
    return this.status === "CANCELED" ? "CANCELED" : "FAILED";
  }

  private async statusAfterRefusal(): Promise<FinalStatus> {
    try {
      const status = await heartbeat(this.client, this.runId);
      this.recorded = status !== "RUNNING";
      return status === "SUCCEEDED" || status === "CANCELED" ? status : "FAILED";
    } catch {
      return "FAILED";
    }
  }

  /** The single sender: one request in flight, so points arrive in the order measured. */
  private async send(): Promise<void> {
    let attempt = 0;
    while (!this.halted) {
      if (this.queue.isEmpty) {
        if (this.closing) return;
        await this.work.wait();
        continue;
      }
      const partial = this.queue.pointCount > 0 && this.queue.pointCount < this.batchSize;
      const waitMs = this.lastSend + this.flushIntervalMs - Date.now();
      if (partial && this.queue.imageCount === 0 && !this.closing && waitMs > 0) {
        await this.work.wait(waitMs);
        continue;
      }
      try {
        if (this.queue.pointCount > 0) await this.sendPoints();
        else await this.sendImage();
        this.lastSend = Date.now();
        attempt = 0;
        if (this.apiDown) this.log("the API is reachable again; delivering what was buffered");
        this.apiDown = false;
      } catch (error) {
        if (isRetryable(error)) {
          if (!this.apiDown) this.log(`the API is unreachable (${message(error)}); training goes on, reports are buffered`);
          this.apiDown = true;
          this.counts.retries++;
          // Rate limited: no sooner than the API asked; the points stay queued meanwhile.
          await this.work.wait(Math.max(backoffDelay(attempt++, this.backoff), retryAfterMs(error)), true);
        } else {
          attempt = 0;
          // The API refuses writes to a run that ended meanwhile (e.g. canceled between two
          // heartbeats): that is the same news a heartbeat brings, not a delivery problem.
          const ended = endedStatus(error);
          if (ended) {
            this.endRemotely(ended);
            continue;
          }
          this.dropHead(error);
          // A refusal often means the run was canceled or ended: find out now, not in 5 s.
          this.beat.beatNow();
        }
      }
    }
  }

  private async sendPoints(): Promise<void> {
    const batch = this.queue.peekPoints(this.batchSize);
    const result = await logMetrics(this.client, this.runId, batch);
    this.queue.ackPoints(batch.length);
    this.counts.accepted += result.accepted;
    this.counts.duplicates += result.duplicates;
  }

  private async sendImage(): Promise<void> {
    const image = this.queue.peekImage()!;
    // logImage is not idempotent: after an ambiguous failure the image may be stored already.
    const stored = image.attempts > 0 && (await imageSteps(this.client, this.runId, image.kind)).includes(image.step);
    if (!stored) {
      image.attempts++;
      await logImage(this.client, {
        runId: this.runId,
        step: image.step,
        kind: image.kind,
        pngBase64: Buffer.from(image.png).toString("base64"),
        caption: image.caption ?? null,
      });
    }
    this.queue.ackImage();
    this.counts.images++;
  }

  private dropHead(error: unknown): void {
    if (this.queue.pointCount > 0) {
      const count = Math.min(this.batchSize, this.queue.pointCount);
      this.queue.ackPoints(count);
      this.counts.droppedPoints += count;
      this.warnOnce(`refused:${message(error)}`, `the API refused ${count} points: ${message(error)}`);
    } else if (this.queue.imageCount > 0) {
      const image = this.queue.peekImage()!;
      this.queue.ackImage();
      this.counts.droppedImages++;
      this.warnOnce(`refused-image:${message(error)}`, `the API refused image ${image.kind} at step ${image.step}: ${message(error)}`);
    }
  }

  private endRemotely(status: RunStatus): void {
    if (this.status !== "RUNNING") return;
    this.status = status;
    this.stopReason = status === "CANCELED" ? "canceled" : `the run is ${status} on the API`;
    const dropped = this.queue.clear();
    this.counts.droppedPoints += dropped.points;
    this.counts.droppedImages += dropped.images;
    this.halt();
    void this.beat.stop();
    this.log(`the run is ${status}; stopping and discarding ${dropped.points} unsent points`);
  }

  private warnOnce(key: string, text: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.log(text);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves true when `promise` settles within `ms`, false otherwise. */
async function raceTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The status of a run the API refused to write to because it ended (extensions.runStatus). */
function endedStatus(error: unknown): RunStatus | undefined {
  if (!(error instanceof ApiGraphQLError)) return undefined;
  const status = error.errors[0]?.extensions?.runStatus;
  return status === "SUCCEEDED" || status === "FAILED" || status === "CANCELED" ? status : undefined;
}
