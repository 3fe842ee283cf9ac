/**
 * MaxPool and its gradient as native loops over NHWC (the CNN's two pooling layers;
 * tfjs's cpu MaxPoolGrad walks every input element through index arithmetic).
 */
import * as tf from "@tensorflow/tfjs";
import { floatOutput, floatValues } from "../backend.ts";
import { input, sizeOf, type NativeKernel, type NativeKernelArgs } from "./native-kernel.ts";

interface PoolAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: "floor" | "round" | "ceil";
}

/** The pooling geometry as the addon takes it: n,h,w,c, oh,ow, fh,fw, sh,sw, pt,pl. */
function poolShape(args: NativeKernelArgs, xShape: number[]): { info: tf.backend_util.Conv2DInfo; shape: Int32Array } {
  const attrs = args.attrs as unknown as PoolAttrs;
  const info = tf.backend_util.computePool2DInfo(
    xShape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const shape = Int32Array.of(
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.padInfo.top,
    info.padInfo.left,
  );
  return { info, shape };
}

const maxPool: NativeKernel = {
  kernelName: tf.MaxPool,
  run(args) {
    const xInfo = input(args, "x");
    const x = floatValues(args.backend, xInfo);
    if (x == null || xInfo.shape.length !== 4) return null;
    const { info, shape } = poolShape(args, xInfo.shape);
    const y = args.backend.pool.take(sizeOf(info.outShape));
    args.backend.addon.maxPool(x, y, shape);
    return floatOutput(args.backend, info.outShape, y);
  },
};

/** Routes each output gradient to the input position that won its window. */
const maxPoolGrad: NativeKernel = {
  kernelName: tf.MaxPoolGrad,
  run(args) {
    const xInfo = input(args, "input");
    const x = floatValues(args.backend, xInfo);
    const dy = floatValues(args.backend, input(args, "dy"));
    if (x == null || dy == null || xInfo.shape.length !== 4) return null;
    const { shape } = poolShape(args, xInfo.shape);
    const dx = args.backend.pool.take(x.length);
    args.backend.addon.maxPoolGrad(dy, x, dx, shape);
    return floatOutput(args.backend, [...xInfo.shape], dx);
  },
};

/** The pooling kernels. */
export const poolKernels: NativeKernel[] = [maxPool, maxPoolGrad];
