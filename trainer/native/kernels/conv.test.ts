import { before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { ensureNativeBackend } from "../ensure-built.ts";
import { assertMatchesCpu, randomArray, randomTensor, valueAndGrads, type Tolerance } from "../kernel-check.ts";

// Sums of up to kh·kw·c (or n·oh·ow for filter gradients) float32 products,
// accumulated in float32 by oneDNN and in double by tfjs.
const TOL: Tolerance = { atol: 2e-4, rtol: 2e-4 };

before(ensureNativeBackend);

type Pad = "valid" | "same" | [[number, number], [number, number], [number, number], [number, number]];
const cases: Array<{ name: string; x: number[]; filter: number[]; strides: number; pad: Pad; dilation?: number }> = [
  { name: "cnn conv1", x: [4, 28, 28, 1], filter: [3, 3, 1, 32], strides: 1, pad: "valid" },
  // 3×3 stride-1 layers with channels in multiples of 8 run Winograd F(4×4, 3×3)
  // (src/winograd.cc): outputs in whole and partial 4×4 tiles, padding on either side.
  { name: "cnn conv2 (Winograd)", x: [3, 13, 13, 32], filter: [3, 3, 32, 64], strides: 1, pad: "valid" },
  { name: "Winograd: batch of one, same padding, odd sizes", x: [1, 7, 9, 8], filter: [3, 3, 8, 16], strides: 1, pad: "same" },
  {
    name: "Winograd: uneven explicit padding, 40 → 8 channels",
    x: [2, 10, 6, 40],
    filter: [3, 3, 40, 8],
    strides: 1,
    pad: [
      [0, 0],
      [2, 1],
      [0, 2],
      [0, 0],
    ],
  },
  { name: "Winograd: one output pixel", x: [2, 3, 3, 8], filter: [3, 3, 8, 8], strides: 1, pad: "valid" },
  { name: "batch of one, odd channels", x: [1, 9, 7, 3], filter: [3, 2, 3, 5], strides: 1, pad: "valid" },
  { name: "same padding, stride 2", x: [2, 10, 9, 4], filter: [3, 3, 4, 6], strides: 2, pad: "same" },
  { name: "stride larger than the filter", x: [2, 9, 9, 3], filter: [1, 1, 3, 4], strides: 3, pad: "valid" },
];

describe("Conv2D with Conv2DBackpropInput and Conv2DBackpropFilter", () => {
  for (const c of cases) {
    test(`${c.name}: value and gradients for input and filter`, () =>
      assertMatchesCpu(
        c.name,
        () =>
          valueAndGrads(
            (x, f) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, c.strides, c.pad, "NHWC", c.dilation ?? 1),
            [randomTensor(c.x, 1), randomTensor(c.filter, 2)],
            3,
          ),
        TOL,
      ));
  }
  // Winograd would spread a NaN or Inf over its whole tile (and turn Inf into NaN):
  // such operands go to the direct kernels, whose results follow tfjs's.
  test("Winograd layer with NaN and ±Infinity in the input: value and gradients", () => {
    const values = randomArray(2 * 9 * 9 * 8, 14);
    values[5] = NaN;
    values[300] = Infinity;
    values[301] = -Infinity;
    assertMatchesCpu(
      "non-finite",
      () =>
        valueAndGrads(
          (x, f) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, "same"),
          [tf.tensor4d(values, [2, 9, 9, 8]), randomTensor([3, 3, 8, 8], 15)],
          16,
        ),
      TOL,
    );
  });
  // tfjs has no gradient for dilated convolutions, so values only.
  test("dilation 2: value", () =>
    assertMatchesCpu(
      "dilated",
      () => tf.conv2d(randomTensor([2, 11, 11, 2], 1) as tf.Tensor4D, randomTensor([3, 3, 2, 3], 2) as tf.Tensor4D, 1, "valid", "NHWC", 2),
      TOL,
    ));
  test("NCHW falls back to cpu", () =>
    assertMatchesCpu(
      "nchw",
      () => tf.conv2d(randomTensor([1, 2, 5, 5], 4) as tf.Tensor4D, randomTensor([3, 3, 2, 3], 5) as tf.Tensor4D, 1, "valid", "NCHW"),
      TOL,
    ));
});

describe("FusedConv2D (the inference path: tf.fused.conv2d outside gradients)", () => {
  for (const activation of ["linear", "relu"] as const) {
    for (const channels of [3, 16]) {
      test(`bias and ${activation}, ${channels} input channels${channels % 8 === 0 ? " (Winograd)" : ""}`, () =>
        assertMatchesCpu(
          activation,
          () =>
            tf.fused.conv2d({
              x: randomTensor([2, 12, 11, channels], 6) as tf.Tensor4D,
              filter: randomTensor([3, 3, channels, 8], 7) as tf.Tensor4D,
              strides: 1,
              pad: "same",
              bias: randomTensor([8], 8),
              activation,
            }),
          TOL,
        ));
    }
  }
  test("an activation it does not cover falls back to cpu", () =>
    assertMatchesCpu(
      "sigmoid",
      () =>
        tf.fused.conv2d({
          x: randomTensor([1, 6, 6, 2], 9) as tf.Tensor4D,
          filter: randomTensor([3, 3, 2, 4], 10) as tf.Tensor4D,
          strides: 1,
          pad: "valid",
          bias: randomTensor([4], 11),
          activation: "sigmoid",
        }),
      TOL,
    ));
});

describe("conv2dTranspose (Conv2DBackpropInput on its own)", () => {
  test("stride 2, same padding", () =>
    assertMatchesCpu(
      "transpose",
      () =>
        tf.conv2dTranspose(
          randomTensor([2, 4, 4, 6], 12) as tf.Tensor4D,
          randomTensor([3, 3, 5, 6], 13) as tf.Tensor4D,
          [2, 8, 8, 5],
          2,
          "same",
        ),
      TOL,
    ));
});
