import assert from "node:assert/strict";
import { test } from "node:test";
import { toRanges } from "./events.ts";

test("ascending steps compress into inclusive ranges", () => {
  assert.deepEqual(toRanges([1, 2, 3, 7, 9, 10]), [
    [1, 3],
    [7, 7],
    [9, 10],
  ]);
  assert.deepEqual(toRanges([]), []);
  assert.deepEqual(toRanges([5]), [[5, 5]]);
});
