/**
 * Conv2D (plain and fused with bias and ReLU) and both of its gradients on oneDNN
 * convolution primitives, for NHWC images and HWIO filters — tfjs's own layouts, so
 * images are never reordered.
 */
import * as tf from "@tensorflow/tfjs";
import { floatOutput, floatValues } from "../backend.ts";
import { input, sizeOf, type NativeKernel, type NativeKernelArgs } from "./native-kernel.ts";

type Shape4 = [number, number, number, number];

interface ConvAttrs {
  strides: number | [number, number];
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat?: "NHWC" | "NCHW";
  dilations?: number | [number, number];
  dimRoundingMode?: "floor" | "round" | "ceil";
}

/**
 * The 17 numbers the addon's convolutions take, or null when oneDNN would see a
 * different geometry than tfjs (NCHW, or padding that does not produce tfjs's output
 * size under oneDNN's rule).
 */
function convShape(info: tf.backend_util.Conv2DInfo): Int32Array | null {
  if (info.dataFormat !== "channelsLast") return null;
  const { top, left, bottom, right } = info.padInfo;
  const fits = (size: number, before: number, after: number, effective: number, stride: number, out: number) =>
    before >= 0 && after >= 0 && Math.floor((size + before + after - effective) / stride) + 1 === out;
  if (!fits(info.inHeight, top, bottom, info.effectiveFilterHeight, info.strideHeight, info.outHeight)) return null;
  if (!fits(info.inWidth, left, right, info.effectiveFilterWidth, info.strideWidth, info.outWidth)) return null;
  return Int32Array.of(
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.filterHeight,
    info.filterWidth,
    info.outChannels,
    info.outHeight,
    info.outWidth,
    info.strideHeight,
    info.strideWidth,
    top,
    left,
    bottom,
    right,
    info.dilationHeight,
    info.dilationWidth,
  );
}

function convInfo(
  xShape: number[],
  filterShape: number[],
  attrs: ConvAttrs,
  dilations: ConvAttrs["dilations"],
): tf.backend_util.Conv2DInfo {
  const dataFormat = tf.backend_util.convertConv2DDataFormat(attrs.dataFormat ?? "NHWC");
  return tf.backend_util.computeConv2DInfo(
    xShape as Shape4,
    filterShape as Shape4,
    attrs.strides,
    dilations ?? 1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    dataFormat,
  );
}

/** Forward convolution with an optional per-channel bias and optional ReLU. */
function forward(args: NativeKernelArgs, fused: boolean) {
  const attrs = args.attrs as unknown as ConvAttrs & { activation?: string };
  const activation = fused ? (attrs.activation ?? "linear") : "linear";
  if (activation !== "linear" && activation !== "relu") return null;
  const xInfo = input(args, "x");
  const filterInfo = input(args, "filter");
  const x = floatValues(args.backend, xInfo);
  const filter = floatValues(args.backend, filterInfo);
  if (x == null || filter == null) return null;
  const info = convInfo(xInfo.shape, filterInfo.shape, attrs, attrs.dilations);
  const shape = convShape(info);
  if (shape == null) return null;
  let bias: Float32Array | null = null;
  const biasInfo = fused ? args.inputs.bias : undefined;
  if (biasInfo != null) {
    if (sizeOf(biasInfo.shape) !== info.outChannels || biasInfo.shape.slice(0, -1).some((d) => d !== 1)) return null;
    bias = floatValues(args.backend, biasInfo);
    if (bias == null) return null;
  }
  const y = args.backend.pool.take(sizeOf(info.outShape));
  args.backend.addon.convForward(x, filter, bias, y, shape, activation === "relu");
  return floatOutput(args.backend, info.outShape, y);
}

const conv2d: NativeKernel = { kernelName: tf.Conv2D, run: (args) => forward(args, false) };
const fusedConv2d: NativeKernel = { kernelName: tf.FusedConv2D, run: (args) => forward(args, true) };

/** dL/dx from dL/dy and the filter. */
const conv2dBackpropInput: NativeKernel = {
  kernelName: tf.Conv2DBackpropInput,
  run(args) {
    const attrs = args.attrs as unknown as ConvAttrs & { inputShape: number[] };
    const dyInfo = input(args, "dy");
    const filterInfo = input(args, "filter");
    const dy = floatValues(args.backend, dyInfo);
    const filter = floatValues(args.backend, filterInfo);
    if (dy == null || filter == null) return null;
    const shape = convShape(convInfo(attrs.inputShape, filterInfo.shape, attrs, 1));
    if (shape == null) return null;
    const dx = args.backend.pool.take(sizeOf(attrs.inputShape));
    // Strides longer than the filter leave pixels no window touches, whose gradient is 0.
    if (shape[9]! > shape[4]! || shape[10]! > shape[5]!) dx.fill(0);
    args.backend.addon.convBackwardData(dy, filter, dx, shape);
    return floatOutput(args.backend, [...attrs.inputShape], dx);
  },
};

/** dL/dfilter from the input and dL/dy. */
const conv2dBackpropFilter: NativeKernel = {
  kernelName: tf.Conv2DBackpropFilter,
  run(args) {
    const attrs = args.attrs as unknown as ConvAttrs & { filterShape: number[] };
    const xInfo = input(args, "x");
    const x = floatValues(args.backend, xInfo);
    const dy = floatValues(args.backend, input(args, "dy"));
    if (x == null || dy == null) return null;
    const shape = convShape(convInfo(xInfo.shape, attrs.filterShape, attrs, 1));
    if (shape == null) return null;
    const dFilter = args.backend.pool.take(sizeOf(attrs.filterShape));
    // dy made by MaxPoolGrad from recorded winners: work from the pooled gradient.
    const pooled = args.backend.poolRecords.gradientOf(input(args, "dy").dataId, dy);
    if (pooled != null && args.backend.addon.convBackwardWeightsPooled(x, pooled.g, pooled.winners, dFilter, shape, pooled.shape)) {
      return floatOutput(args.backend, [...attrs.filterShape], dFilter);
    }
    args.backend.addon.convBackwardWeights(x, dy, dFilter, shape);
    return floatOutput(args.backend, [...attrs.filterShape], dFilter);
  },
};

/** The convolution kernels. */
export const convKernels: NativeKernel[] = [conv2d, fusedConv2d, conv2dBackpropInput, conv2dBackpropFilter];
