import assert from "node:assert/strict";
import { test } from "node:test";
import { RateLimiter, retryAfterSeconds } from "./rate-limit.ts";

test("a key gets its burst at once, then perSecond; others are not affected", () => {
  const limiter = new RateLimiter({ perSecond: 2, burst: 3 });
  for (let i = 0; i < 3; i++) assert.deepEqual(limiter.take("token:a", 0), { allowed: true });
  // The fourth at once is refused and told when one token is back (1/2 s).
  assert.deepEqual(limiter.take("token:a", 0), { allowed: false, retryAfterMs: 500 });
  assert.deepEqual(limiter.take("ip:127.0.0.1", 0), { allowed: true }, "another key has its own bucket");
  // Half a second later one token has come back, and only one.
  assert.deepEqual(limiter.take("token:a", 500), { allowed: true });
  assert.equal(limiter.take("token:a", 500).allowed, false);
});

test("refused requests take nothing: a client retrying at Retry-After gets through", () => {
  const limiter = new RateLimiter({ perSecond: 1, burst: 1 });
  assert.equal(limiter.take("k", 0).allowed, true);
  let now = 0;
  for (let i = 0; i < 5; i++) {
    const decision = limiter.take("k", now);
    assert.equal(decision.allowed, false);
    now += 100;
  }
  // Hammering did not push the next token further away: it is due at 1 s.
  assert.equal(limiter.take("k", 1000).allowed, true);
});

test("tokens never accumulate beyond the burst", () => {
  const limiter = new RateLimiter({ perSecond: 10, burst: 5 });
  const allowed = Array.from({ length: 20 }, () => limiter.take("k", 3_600_000).allowed).filter(Boolean).length;
  assert.equal(allowed, 5);
});

test("0 a second turns limiting off", () => {
  const limiter = new RateLimiter({ perSecond: 0, burst: 0 });
  assert.equal(limiter.enabled, false);
  for (let i = 0; i < 1000; i++) assert.equal(limiter.take("k", 0).allowed, true);
  assert.equal(limiter.size, 0);
});

test("idle keys are forgotten once their bucket would be full again", () => {
  const limiter = new RateLimiter({ perSecond: 100, burst: 100 });
  for (let i = 0; i < 1000; i++) limiter.take(`ip:${i}`, 0);
  assert.equal(limiter.size, 1000);
  limiter.take("ip:late", 5_000);
  assert.equal(limiter.size, 1, "only the key seen now is kept");
});

test("Retry-After is whole seconds, rounded up, at least 1", () => {
  assert.equal(retryAfterSeconds(1), 1);
  assert.equal(retryAfterSeconds(1000), 1);
  assert.equal(retryAfterSeconds(1001), 2);
  assert.equal(retryAfterSeconds(0), 1);
});
