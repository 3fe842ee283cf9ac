import { before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { ensureNativeBackend } from "../ensure-built.ts";
import { assertMatchesCpu, randomTensor, valueAndGrads, type Tolerance } from "../kernel-check.ts";

// Sums of up to kh·kw·c (or n·oh·ow for filter gradients) float32 products,
// accumulated in float32 by oneDNN and in double by tfjs.
const TOL: Tolerance = { atol: 2e-4, rtol: 2e-4 };

before(ensureNativeBackend);

type Pad = "valid" | "same";
const cases: Array<{ name: string; x: number[]; filter: number[]; strides: number; pad: Pad; dilation?: number }> = [
  { name: "cnn conv1", x: [4, 28, 28, 1], filter: [3, 3, 1, 32], strides: 1, pad: "valid" },
  { name: "cnn conv2", x: [3, 13, 13, 32], filter: [3, 3, 32, 64], strides: 1, pad: "valid" },
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
    test(`bias and ${activation}`, () =>
      assertMatchesCpu(
        activation,
        () =>
          tf.fused.conv2d({
            x: randomTensor([2, 12, 12, 3], 6) as tf.Tensor4D,
            filter: randomTensor([3, 3, 3, 8], 7) as tf.Tensor4D,
            strides: 1,
            pad: "same",
            bias: randomTensor([8], 8),
            activation,
          }),
        TOL,
      ));
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
