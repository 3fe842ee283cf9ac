/**
 * Rate limiting by token bucket: each key (an API token, else a client address) may make
 * `burst` requests at once and `perSecond` a second after that. Buckets live in this
 * process's memory, so N API processes on one database allow N times the rate: simple,
 * and enough to stop a runaway client (sharing them would take a table or Redis).
 * Pure: time comes in as an argument.
 */

export interface RateLimit {
  /** Sustained requests a second per key; 0 turns limiting off. */
  perSecond: number;
  /** Requests a key may make at once after being idle. */
  burst: number;
}

/** What taking one token said: allowed, or when to come back. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** One key's bucket: `tokens` as of `atMs`. */
interface Bucket {
  tokens: number;
  atMs: number;
}

/** Token buckets per key, dropped once full again (an idle key costs no memory). */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweepMs = 0;

  constructor(readonly limit: RateLimit) {}

  get enabled(): boolean {
    return this.limit.perSecond > 0;
  }

  /** Keys currently holding a bucket (for tests and figures). */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token from `key`'s bucket at time `nowMs`. */
  take(key: string, nowMs: number): RateDecision {
    if (!this.enabled) return { allowed: true };
    this.sweep(nowMs);
    const bucket = this.refill(this.buckets.get(key), nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      return { allowed: true };
    }
    this.buckets.set(key, bucket);
    return { allowed: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) / this.limit.perSecond) * 1000) };
  }

  private refill(bucket: Bucket | undefined, nowMs: number): Bucket {
    const capacity = Math.max(1, this.limit.burst);
    if (!bucket) return { tokens: capacity, atMs: nowMs };
    const elapsedS = Math.max(0, nowMs - bucket.atMs) / 1000;
    return { tokens: Math.min(capacity, bucket.tokens + elapsedS * this.limit.perSecond), atMs: nowMs };
  }

  /** At most once per refill period, forgets buckets that have filled up again. */
  private sweep(nowMs: number): void {
    const fullAfterMs = (Math.max(1, this.limit.burst) / this.limit.perSecond) * 1000;
    if (nowMs - this.lastSweepMs < Math.max(1000, fullAfterMs)) return;
    this.lastSweepMs = nowMs;
    for (const [key, bucket] of this.buckets) {
      if (nowMs - bucket.atMs >= fullAfterMs) this.buckets.delete(key);
    }
  }
}

/** Whole seconds for a Retry-After header: rounded up, at least 1. */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}
