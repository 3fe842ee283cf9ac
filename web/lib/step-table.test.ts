import assert from "node:assert/strict";
import { test } from "node:test";
import { epsilonOfStep, pivotByStep } from "./step-table.ts";

test("rows are the union of steps; a column without a step has no cell there", () => {
  const table = pivotByStep([
    [
      { step: 0, value: 0.5 },
      { step: 2, value: 0.7 },
    ],
    [{ step: 1, value: 0.1 }],
  ]);
  assert.deepEqual(table.steps, [0, 1, 2]);
  assert.equal(table.columns[0]!.get(2), 0.7);
  assert.equal(table.columns[1]!.get(0), undefined);
});

test("robustness steps are thousandths of ε", () => {
  assert.equal(epsilonOfStep(250), 0.25);
  assert.equal(epsilonOfStep(50), 0.05);
});
