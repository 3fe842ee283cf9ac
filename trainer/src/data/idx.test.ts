import { test } from "node:test";
import assert from "node:assert/strict";
import { parseIdx } from "./idx.ts";

/** A hand-made IDX buffer: 2 images of 2×3 bytes. */
function tinyImages(): Uint8Array {
  return Uint8Array.from([0, 0, 0x08, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 255]);
}

test("parses the shape big-endian and the values in order", () => {
  const parsed = parseIdx(tinyImages());
  assert.deepEqual(parsed.shape, [2, 2, 3]);
  assert.deepEqual(Array.from(parsed.data), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 255]);
});

test("parses a one-dimensional label file with a large dimension", () => {
  const buffer = new Uint8Array(8 + 300);
  buffer.set([0, 0, 0x08, 1, 0, 0, 0x01, 0x2c]);
  buffer[8 + 299] = 7;
  const parsed = parseIdx(buffer);
  assert.deepEqual(parsed.shape, [300]);
  assert.equal(parsed.data[299], 7);
});

test("refuses a bad magic number, another type, and truncated data", () => {
  const bad = tinyImages();
  bad[0] = 1;
  assert.throws(() => parseIdx(bad), /magic/);
  const floats = tinyImages();
  floats[2] = 0x0d;
  assert.throws(() => parseIdx(floats), /unsupported IDX type/);
  assert.throws(() => parseIdx(tinyImages().subarray(0, 20)), /truncated IDX data/);
  assert.throws(() => parseIdx(tinyImages().subarray(0, 6)), /truncated IDX header/);
});
