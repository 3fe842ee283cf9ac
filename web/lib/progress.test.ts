import assert from "node:assert/strict";
import { test } from "node:test";
import { runProgress } from "./progress.ts";

const t0 = Date.parse("2026-01-01T00:00:00Z");

test("a queued run has done nothing and has no estimate", () => {
  assert.deepEqual(runProgress({ status: "QUEUED", cycles: 20, latestCycle: undefined, now: t0 }), {
    cycle: 0,
    cycles: 20,
    fraction: 0,
    etaSeconds: undefined,
  });
});

test("the pace is taken from cycle 0, not from the start (pre-training excluded)", () => {
  const p = runProgress({
    status: "RUNNING",
    cycles: 10,
    latestCycle: 4,
    startedAt: t0,
    cycle0At: t0 + 60_000, // a minute of pre-training
    latestAt: t0 + 60_000 + 40_000, // 10 s a cycle
    now: t0 + 100_000,
  });
  assert.equal(p.cycle, 4);
  assert.equal(p.fraction, 0.4);
  assert.equal(p.etaSeconds, 60);
});

test("time already spent in the current cycle shortens the estimate, never below zero", () => {
  const base = { status: "RUNNING" as const, cycles: 10, latestCycle: 5, cycle0At: t0, latestAt: t0 + 50_000 };
  assert.equal(runProgress({ ...base, now: t0 + 53_000 }).etaSeconds, 47);
  assert.equal(runProgress({ ...base, now: t0 + 500_000 }).etaSeconds, 0);
});

test("without cycle 0's time the start of the run sets the pace", () => {
  const p = runProgress({ status: "RUNNING", cycles: 4, latestCycle: 2, startedAt: t0, latestAt: t0 + 20_000, now: t0 + 20_000 });
  assert.equal(p.etaSeconds, 20);
});

test("finished runs are complete and cycles beyond the plan are capped", () => {
  assert.equal(runProgress({ status: "SUCCEEDED", cycles: 3, latestCycle: 3, now: t0 }).fraction, 1);
  assert.equal(runProgress({ status: "RUNNING", cycles: 3, latestCycle: 7, now: t0 }).cycle, 3);
  assert.equal(runProgress({ status: "FAILED", cycles: undefined, latestCycle: 2, now: t0 }).fraction, undefined);
});
