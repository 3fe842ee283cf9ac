import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiGraphQLError, ApiTransportError, isRetryable, parseRetryAfter, retryAfterMs } from "./api-error.ts";

test("Retry-After: seconds or an HTTP date, capped at 10 minutes; absent or unreadable is undefined", () => {
  assert.equal(parseRetryAfter("2"), 2000);
  assert.equal(parseRetryAfter(" 0 "), 0);
  const now = Date.parse("2026-11-30T00:00:00Z");
  assert.equal(parseRetryAfter("Mon, 30 Nov 2026 00:00:05 GMT", now), 5000);
  assert.equal(parseRetryAfter("Sun, 29 Nov 2026 23:59:00 GMT", now), 0, "a date in the past means now");
  assert.equal(parseRetryAfter("999999"), 600_000);
  assert.equal(parseRetryAfter(null), undefined);
  assert.equal(parseRetryAfter("soon"), undefined);
});

test("a rate-limited answer is retryable and carries its wait; a refusal is not", () => {
  const limited = new ApiTransportError("answered HTTP 429", { retryAfterMs: 1000 });
  assert.equal(isRetryable(limited), true);
  assert.equal(retryAfterMs(limited), 1000);
  assert.equal(retryAfterMs(new ApiTransportError("down")), 0);
  assert.equal(isRetryable(new ApiGraphQLError([{ message: "slow down", extensions: { code: "RATE_LIMITED" } }])), true);
  assert.equal(isRetryable(new ApiGraphQLError([{ message: "bad", extensions: { code: "BAD_USER_INPUT" } }])), false);
});
