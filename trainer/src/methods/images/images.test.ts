import { test } from "node:test";
import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";
import { crc32, encodePng } from "./png.ts";
import { renderExampleGrid } from "./example-grid.ts";
import { createRaster, drawDigit } from "./raster.ts";

test("crc32 matches the standard check value", () => {
  assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
});

test("a PNG has the signature, a valid IHDR and IDAT that inflates to the filtered rows", () => {
  const rgb = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 9, 9]);
  const png = encodePng(2, 2, rgb);
  assert.deepEqual(Array.from(png.subarray(0, 8)), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset);
  assert.equal(new TextDecoder().decode(png.subarray(12, 16)), "IHDR");
  assert.equal(view.getUint32(16), 2);
  assert.equal(view.getUint32(20), 2);
  assert.equal(view.getUint32(29), crc32(png.subarray(12, 29)));
  const idatLength = view.getUint32(33);
  assert.equal(new TextDecoder().decode(png.subarray(37, 41)), "IDAT");
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  assert.deepEqual(Array.from(raw), [0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 9, 9, 9]);
  assert.equal(new TextDecoder().decode(png.subarray(png.length - 8, png.length - 4)), "IEND");
  assert.throws(() => encodePng(3, 2, rgb), /expected 18 bytes/);
});

test("digits are drawn from the 3×5 font", () => {
  const raster = createRaster(3, 5, [0, 0, 0]);
  drawDigit(raster, 1, 0, 0, 1, [255, 255, 255]);
  const ink = Array.from({ length: 15 }, (_, i) => (raster.rgb[i * 3] === 255 ? "#" : "."));
  assert.equal(ink.join(""), ".#.##..#..#.###");
});

test("an example grid holds a clean and a perturbed row per 8 digits, labels coloured by correctness", () => {
  const n = 10;
  const clean = new Float32Array(n * 784).fill(1);
  const perturbed = new Float32Array(n * 784);
  const labels = Uint8Array.from({ length: n }, (_, i) => i % 10);
  const raster = renderExampleGrid({
    clean,
    perturbed,
    labels,
    cleanPredictions: labels,
    perturbedPredictions: labels.map((l) => (l + 1) % 10),
  });
  assert.equal(raster.width, 4 + 8 * 60);
  assert.equal(raster.height, 4 + 2 * 2 * (56 + 16) + 2 * 4);
  const at = (x: number, y: number) => Array.from(raster.rgb.subarray((y * raster.width + x) * 3, (y * raster.width + x) * 3 + 3));
  assert.deepEqual(at(10, 10), [255, 255, 255], "clean digit pixel");
  assert.deepEqual(at(10, 4 + 72 + 10), [0, 0, 0], "perturbed digit pixel");
  const colours = new Set<string>();
  for (let i = 0; i < raster.width * raster.height; i++) colours.add(Array.from(raster.rgb.subarray(i * 3, i * 3 + 3)).join(","));
  assert.ok(colours.has("80,200,120") && colours.has("235,80,80"));
});
