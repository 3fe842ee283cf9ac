import { test } from "node:test";
import assert from "node:assert/strict";
import { createRandom, fillUniform, permutation } from "./random.ts";

test("the same seed gives the same stream, another seed another", () => {
  const a = createRandom(42);
  const b = createRandom(42);
  const c = createRandom(43);
  const first = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(
    first,
    Array.from({ length: 5 }, () => b.next()),
  );
  assert.notDeepEqual(
    first,
    Array.from({ length: 5 }, () => c.next()),
  );
  for (const x of first) assert.ok(x >= 0 && x < 1);
});

test("a permutation holds every index once and is reproducible", () => {
  const p = permutation(createRandom(7), 1000);
  assert.deepEqual(
    Array.from(p).sort((x, y) => x - y),
    Array.from({ length: 1000 }, (_, i) => i),
  );
  assert.deepEqual(p, permutation(createRandom(7), 1000));
  assert.notDeepEqual(p, permutation(createRandom(8), 1000));
});

test("forks are reproducible and differ from their parent", () => {
  const parent = createRandom(1);
  const child = parent.fork();
  const again = createRandom(1).fork();
  assert.equal(child.next(), again.next());
  assert.notEqual(createRandom(1).next(), createRandom(1).fork().next());
});

test("uniform fills stay in range and average near the middle", () => {
  const values = fillUniform(createRandom(3), new Float32Array(10000), -2, 2);
  let sum = 0;
  for (const v of values) {
    assert.ok(v >= -2 && v < 2);
    sum += v;
  }
  assert.ok(Math.abs(sum / values.length) < 0.1);
});
