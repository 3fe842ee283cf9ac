import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Broadcast } from "../addon.ts";
import { planBroadcast } from "./broadcast.ts";

describe("planBroadcast", () => {
  test("same shapes are one full row", () => {
    assert.deepEqual(planBroadcast([2, 3], [2, 3]), { outShape: [2, 3], outer: 1, inner: 6, aMode: Broadcast.Full, bMode: Broadcast.Full });
  });
  test("a bias against NHWC is a row", () => {
    assert.deepEqual(planBroadcast([8, 5, 5, 4], [4]), {
      outShape: [8, 5, 5, 4],
      outer: 200,
      inner: 4,
      aMode: Broadcast.Full,
      bMode: Broadcast.Row,
    });
  });
  test("a scalar on either side", () => {
    assert.deepEqual(planBroadcast([], [3, 2]), { outShape: [3, 2], outer: 1, inner: 6, aMode: Broadcast.Scalar, bMode: Broadcast.Full });
    assert.deepEqual(planBroadcast([3, 2], [1, 1]), {
      outShape: [3, 2],
      outer: 1,
      inner: 6,
      aMode: Broadcast.Full,
      bMode: Broadcast.Scalar,
    });
  });
  test("keepDims reductions broadcast as columns", () => {
    assert.deepEqual(planBroadcast([128, 10], [128, 1]), {
      outShape: [128, 10],
      outer: 128,
      inner: 10,
      aMode: Broadcast.Full,
      bMode: Broadcast.Column,
    });
  });
  test("an outer product is a column against a row", () => {
    assert.deepEqual(planBroadcast([4, 1], [3]), { outShape: [4, 3], outer: 4, inner: 3, aMode: Broadcast.Column, bMode: Broadcast.Row });
  });
  test("leading ones do not change the layout", () => {
    assert.deepEqual(planBroadcast([1, 6], [6]), { outShape: [1, 6], outer: 1, inner: 6, aMode: Broadcast.Full, bMode: Broadcast.Full });
  });
  test("other broadcasts are declined", () => {
    assert.equal(planBroadcast([2, 3, 4], [3, 1]), null);
    assert.equal(planBroadcast([2, 1, 4], [1, 3, 1]), null);
    assert.equal(planBroadcast([5, 1, 3], [4, 3]), null);
  });
  test("incompatible shapes throw as tfjs does", () => {
    assert.throws(() => planBroadcast([2, 3], [4]));
  });
});
