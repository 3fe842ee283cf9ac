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
    if (!RECORD_WINNERS || info.filterHeight * info.filterWidth >= NO_WINNER) {
      args.backend.addon.maxPool(x, y, shape);
      return floatOutput(args.backend, info.outShape, y);
    }
    const winners = args.backend.poolRecords.takeWinners(y.length);
    args.backend.addon.maxPoolWinners(x, y, winners, shape);
    const out = floatOutput(args.backend, info.outShape, y);
    args.backend.poolRecords.addWinners(out.dataId, { x, y, winners, shape });
    return out;
  },
};

/** SPARRING_POOL_WINNERS=0 recomputes the winners from x instead (for comparison). */
const RECORD_WINNERS = process.env.SPARRING_POOL_WINNERS !== "0";

/** A winners record's value for "no value won" (and the largest window it covers). */
const NO_WINNER = 255;

/**
 * Routes each output gradient to the input position that won its window: from
 * MaxPool's record of the winners when it has one for these arrays and the windows
 * are disjoint (then x is not read, and the result is recorded for the convolution's
 * filter gradient), else by finding the winners again in x.
 */
const maxPoolGrad: NativeKernel = {
  kernelName: tf.MaxPoolGrad,
  run(args) {
    const xInfo = input(args, "input");
    const yInfo = input(args, "output");
    const x = floatValues(args.backend, xInfo);
    const y = floatValues(args.backend, yInfo);
    const dy = floatValues(args.backend, input(args, "dy"));
    if (x == null || dy == null || xInfo.shape.length !== 4) return null;
    const { info, shape } = poolShape(args, xInfo.shape);
    const dx = args.backend.pool.take(x.length);
    const disjoint = info.strideHeight >= info.filterHeight && info.strideWidth >= info.filterWidth;
    const record = y == null || !disjoint ? undefined : args.backend.poolRecords.winnersOf(yInfo.dataId, y, x, shape);
    if (record == null) {
      args.backend.addon.maxPoolGrad(dy, x, dx, shape);
      return floatOutput(args.backend, [...xInfo.shape], dx);
    }
    args.backend.addon.maxPoolGradWinners(dy, record.winners, dx, shape);
    const out = floatOutput(args.backend, [...xInfo.shape], dx);
    args.backend.poolRecords.addGradient(out.dataId, { dx, g: dy, winners: record.winners, shape });
    return out;
  },
};

/** The pooling kernels. */
export const poolKernels: NativeKernel[] = [maxPool, maxPoolGrad];
