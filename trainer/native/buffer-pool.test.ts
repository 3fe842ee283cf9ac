import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BufferPool } from "./buffer-pool.ts";

describe("BufferPool", () => {
  test("gives back a released array for the same length, last released first", () => {
    const pool = new BufferPool();
    const a = pool.take(8);
    const b = pool.take(8);
    pool.give(a);
    pool.give(b);
    assert.equal(pool.take(8), b);
    assert.equal(pool.take(8), a);
    assert.notEqual(pool.take(8), a);
  });

  test("owns its arrays and views into them, nothing else", () => {
    const pool = new BufferPool();
    const a = pool.take(8);
    assert.ok(pool.owns(a));
    assert.ok(pool.owns(a.subarray(2, 4)));
    assert.ok(!pool.owns(new Float32Array(8)));
  });

  test("never takes back arrays it does not own or has disowned", () => {
    const pool = new BufferPool();
    const foreign = new Float32Array(8);
    pool.give(foreign);
    assert.notEqual(pool.take(8), foreign);
    const a = pool.take(4);
    pool.disown(a.subarray(1));
    pool.give(a);
    assert.notEqual(pool.take(4), a);
  });

  test("keeps at most maxFreeBytes idle", () => {
    const pool = new BufferPool(64);
    const a = pool.take(16); // 64 bytes
    const b = pool.take(16);
    pool.give(a);
    pool.give(b); // over the limit: left to the garbage collector
    assert.equal(pool.take(16), a);
    assert.notEqual(pool.take(16), b);
  });
});
