import { test } from "node:test";
import assert from "node:assert/strict";
import { backoffDelay } from "./backoff.ts";

const policy = { baseMs: 100, capMs: 2_000, minMs: 10 };

test("the bound doubles with each attempt until the cap", () => {
  const upper = [0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, policy, 0.999999));
  assert.deepEqual(upper, [99, 199, 399, 799, 1599, 1999, 1999]);
});

test("jitter spreads delays below the bound, never under the minimum", () => {
  assert.equal(backoffDelay(3, policy, 0.5), 400);
  assert.equal(backoffDelay(3, policy, 0), 10);
  for (let i = 0; i < 1000; i++) {
    const delay = backoffDelay(i % 40, policy);
    assert.ok(delay >= 10 && delay <= 2_000, `delay ${delay}`);
  }
});

test("huge attempt numbers stay finite and capped", () => {
  assert.equal(backoffDelay(10_000, policy, 0.5), 1_000);
  assert.equal(backoffDelay(-3, policy, 0.5), 50);
});
