/**
 * What is still to be delivered for one run: metric points in the order they were
 * measured and images. Items leave the queue only once the API has acknowledged them,
 * so a batch that failed ambiguously is resent whole (the API ignores repeats of
 * (run, key, step)). Pure bookkeeping: no I/O, no timers.
 */
import type { MetricPointOut } from "../methods/training-run.ts";

/** A point as the API takes it. */
export interface QueuedPoint {
  key: string;
  step: number;
  value: number;
  wallTime?: string;
}

export interface QueuedImage {
  step: number;
  kind: string;
  png: Uint8Array;
  caption?: string | undefined;
  /** Failed sends so far: after an ambiguous one, the image may already be stored. */
  attempts: number;
}

const MAX_STEP = 2 ** 31 - 1;

/**
 * Why the API would refuse this point (it refuses the whole batch for one bad point),
 * or undefined when it is fine.
 */
export function pointProblem(point: MetricPointOut): string | undefined {
  if (typeof point.key !== "string" || point.key.length === 0) return "empty key";
  if (!Number.isInteger(point.step) || point.step < 0 || point.step > MAX_STEP)
    return `step ${point.step} is not a non-negative 32-bit integer`;
  if (typeof point.value !== "number" || !Number.isFinite(point.value)) return `value ${point.value} is not finite`;
  return undefined;
}

/** The pending metric points and images of one run. */
export class DeliveryQueue {
  private points: QueuedPoint[] = [];
  private pendingImages: QueuedImage[] = [];

  get pointCount(): number {
    return this.points.length;
  }

  get imageCount(): number {
    return this.pendingImages.length;
  }

  get isEmpty(): boolean {
    return this.points.length === 0 && this.pendingImages.length === 0;
  }

  /** Appends points, stamping those without a time; returns the refused ones with why. */
  addPoints(points: readonly MetricPointOut[], now: Date = new Date()): { point: MetricPointOut; problem: string }[] {
    const refused: { point: MetricPointOut; problem: string }[] = [];
    const wallTime = now.toISOString();
    for (const point of points) {
      const problem = pointProblem(point);
      if (problem) refused.push({ point, problem });
      else this.points.push({ key: point.key, step: point.step, value: point.value, wallTime: point.wallTime ?? wallTime });
    }
    return refused;
  }

  addImage(image: Omit<QueuedImage, "attempts">): void {
    this.pendingImages.push({ ...image, attempts: 0 });
  }

  /** The oldest points, at most `max`, without removing them. */
  peekPoints(max: number): QueuedPoint[] {
    return this.points.slice(0, max);
  }

  /** Removes the `count` oldest points once the API has acknowledged them. */
  ackPoints(count: number): void {
    this.points.splice(0, count);
  }

  peekImage(): QueuedImage | undefined {
    return this.pendingImages[0];
  }

  ackImage(): void {
    this.pendingImages.shift();
  }

  /** Forgets everything (the run was canceled: nothing more may be logged). */
  clear(): { points: number; images: number } {
    const dropped = { points: this.points.length, images: this.pendingImages.length };
    this.points = [];
    this.pendingImages = [];
    return dropped;
  }
}
