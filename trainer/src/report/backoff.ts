/**
 * Retry delays: exponential, capped, with "full jitter" (a uniform draw below the
 * exponential bound) so that many trainers retrying against a restarted API do not
 * arrive in lockstep. Pure.
 */

export interface BackoffPolicy {
  /** Upper bound of the first delay. */
  baseMs: number;
  /** No delay exceeds this. */
  capMs: number;
  /** Delays never go below this, so a dead API is not hammered. */
  minMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, capMs: 10_000, minMs: 50 };

/**
 * The delay before retry number `attempt` (0 = first retry).
 * @param random a uniform draw in [0, 1), injectable for tests.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: number = Math.random()): number {
  // 2 ** 30 already exceeds any sensible cap; bounding the exponent avoids Infinity.
  const bound = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.max(policy.minMs, Math.floor(bound * Math.min(Math.max(random, 0), 1)));
}
