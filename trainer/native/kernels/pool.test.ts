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
});
