import { before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { ensureNativeBackend } from "../ensure-built.ts";
import { assertMatchesCpu, EXACT, randomTensor, valueAndGrads, type Tolerance } from "../kernel-check.ts";

before(ensureNativeBackend);

type Pad = "valid" | "same";
// Maxima are copies of inputs, and where windows do not overlap each gradient is one
// dy value: identical results. Overlapping windows sum several dy values, in float32
// here and in double in tfjs: within a float32 rounding.
const OVERLAP: Tolerance = { atol: 0, rtol: 2.4e-7 };

const cases: Array<{ name: string; x: number[]; size: number; strides: number; pad: Pad }> = [
  { name: "cnn pool1", x: [4, 26, 26, 32], size: 2, strides: 2, pad: "valid" },
  { name: "cnn pool2 (odd input: last row and column dropped)", x: [3, 11, 11, 64], size: 2, strides: 2, pad: "valid" },
  { name: "batch of one, odd channels", x: [1, 7, 5, 3], size: 2, strides: 2, pad: "valid" },
  { name: "3x3 stride 2 same padding", x: [2, 9, 8, 5], size: 3, strides: 2, pad: "same" },
  { name: "overlapping windows", x: [2, 6, 6, 4], size: 3, strides: 1, pad: "valid" },
  // Disjoint windows clipped by padding: partial windows from the winners record, 8 channels a vector.
  { name: "2x2 stride 2 same padding, odd sizes, 8 channels", x: [2, 7, 5, 8], size: 2, strides: 2, pad: "same" },
  // A gradient of 8 MB or more is written around the caches (non-temporal stores).
  { name: "8 MB gradient", x: [100, 26, 26, 32], size: 2, strides: 2, pad: "valid" },
];

describe("MaxPool and MaxPoolGrad", () => {
  for (const c of cases) {
    test(`${c.name}: value and gradient`, () =>
      assertMatchesCpu(
        c.name,
        () => valueAndGrads((x) => tf.maxPool(x as tf.Tensor4D, c.size, c.strides, c.pad), [randomTensor(c.x, 1)], 2),
        c.strides < c.size ? OVERLAP : EXACT,
      ));
  }
  test("recycled, dirty output memory is fully overwritten (uncovered border included)", async () => {
    // The second run gets the first run's released arrays, full of old values.
    for (const seed of [4, 5, 6]) {
      await assertMatchesCpu(
        `seed ${seed}`,
        () => valueAndGrads((x) => tf.maxPool(x as tf.Tensor4D, 2, 2, "valid"), [randomTensor([2, 9, 7, 3], seed)], seed + 10),
        EXACT,
      );
    }
  });
  test("ties go to the first maximum; NaN never wins", () =>
    assertMatchesCpu(
      "ties",
      () =>
        valueAndGrads(
          (x) => tf.maxPool(x as tf.Tensor4D, 2, 2, "valid"),
          [tf.tensor4d([1, 1, 1, 0, NaN, 2, 2, -1, NaN, NaN, NaN, NaN, 3, NaN, NaN, NaN], [1, 4, 4, 1])],
          3,
        ),
      EXACT,
    ));
  test("ties, NaN and -Infinity with 8 channels (the vectorised 2x2 windows)", () => {
    // Each channel's 2×2 window: ties, NaN first, all NaN, -Infinity first or everywhere.
    const windows = [
      [1, 1, 1, 0],
      [NaN, 2, 2, -1],
      [NaN, NaN, NaN, NaN],
      [-Infinity, -Infinity, -Infinity, -Infinity],
      [-Infinity, -5, NaN, -5],
      [0, -0, 0, 3],
      [Infinity, Infinity, 1, 2],
      [-1, -2, -3, -1],
    ];
    const values: number[] = [];
    for (let position = 0; position < 4; position++) for (const w of windows) values.push(w[position]!);
    // In NHWC order: position (row, column), then channel.
    const x = tf.tensor4d(values, [1, 2, 2, 8]);
    return assertMatchesCpu("ties x8", () => valueAndGrads((t) => tf.maxPool(t as tf.Tensor4D, 2, 2, "valid"), [x], 3), EXACT);
  });
});
