import { test } from "node:test";
import assert from "node:assert/strict";
import { estimateSeconds, updateRate } from "./eta.ts";

test("the estimate adds up each kind of remaining work at its rate", () => {
  assert.equal(
    estimateSeconds(
      { classifierStep: 0.01, generatorStep: 0.02, evaluation: 3 },
      { classifierSteps: 100, generatorSteps: 200, evaluations: 2 },
    ),
    11,
  );
});

test("no estimate before any step was timed; an untimed kind borrows the other's rate", () => {
  assert.equal(estimateSeconds({ evaluation: 1 }, { classifierSteps: 10, generatorSteps: 0, evaluations: 1 }), undefined);
  assert.equal(estimateSeconds({ classifierStep: 0.5 }, { classifierSteps: 2, generatorSteps: 4, evaluations: 3 }), 3);
});

test("rates start at the first measurement and average later ones", () => {
  let rate = updateRate(undefined, 2, 1);
  assert.equal(rate, 2);
  rate = updateRate(rate, 4, 2);
  assert.equal(rate, 3);
  assert.ok(Math.abs(updateRate(3, 103, 1000) - 8) < 1e-9, "a late outlier moves the average by 5% only");
});

test("remaining work counts the current phase's rest, later cycles and the sweep", async () => {
  const { remainingWork } = await import("./eta.ts");
  const shape = { gan: true, cycles: 3, unitSteps: 10, pretrainSteps: 50, ratioOf: () => 2, sweepEvaluations: 4, sweepGeneratorSteps: 30 };
  assert.deepEqual(remainingWork(shape, { cycle: 0, phase: "pretrain", stepsDone: 20, unitsDone: 0 }), {
    classifierSteps: 30 + 3 * 10,
    generatorSteps: 3 * 20 + 30,
    evaluations: 1 + 3 + 4,
  });
  assert.deepEqual(remainingWork(shape, { cycle: 2, phase: "generator", stepsDone: 4, unitsDone: 1 }), {
    classifierSteps: 10 + 10,
    generatorSteps: 6 + 20 + 30,
    evaluations: 2 + 4,
  });
  assert.deepEqual(remainingWork({ ...shape, gan: false }, { cycle: 3, phase: "evaluate", stepsDone: 0, unitsDone: 0 }), {
    classifierSteps: 0,
    generatorSteps: 30,
    evaluations: 4,
  });
  assert.deepEqual(remainingWork(shape, { cycle: 3, phase: "sweep", stepsDone: 0, unitsDone: 0 }), {
    classifierSteps: 0,
    generatorSteps: 0,
    evaluations: 0,
  });
});
