/**
 * Sum over a contiguous run of axes — the bias gradients (sum over N, H, W of an NHWC
 * tensor) and the loss's row sums. tfjs's cpu Sum first transposes the summed axes
 * to the end, a full copy through index arithmetic; here the sum reads in place.
 */
import * as tf from "@tensorflow/tfjs";
import { floatOutput, floatValues } from "../backend.ts";
import { input, sizeOf, type NativeKernel } from "./native-kernel.ts";

/** [outer, mid, inner] around the summed axes, or null when they are not contiguous. */
export function planSum(
  shape: readonly number[],
  axis: number | number[],
): { outer: number; mid: number; inner: number; axes: number[] } | null {
  const axes = [...new Set(tf.util.parseAxisParam(axis, [...shape]))].sort((p, q) => p - q);
  if (axes.length === 0) return null;
  const first = axes[0]!;
  const last = axes[axes.length - 1]!;
  if (last - first + 1 !== axes.length) return null;
  return { outer: sizeOf(shape.slice(0, first)), mid: sizeOf(shape.slice(first, last + 1)), inner: sizeOf(shape.slice(last + 1)), axes };
}

const sum: NativeKernel = {
  kernelName: tf.Sum,
  run(args) {
    const xInfo = input(args, "x");
    const x = floatValues(args.backend, xInfo);
    if (x == null) return null;
    const { axis, keepDims = false } = (args.attrs ?? {}) as { axis: number | number[]; keepDims?: boolean };
    const plan = planSum(xInfo.shape, axis);
    if (plan == null) return null;
    const out = args.backend.pool.take(plan.outer * plan.inner);
    args.backend.addon.reduceSum(x, out, plan.outer, plan.mid, plan.inner);
    const reduced = xInfo.shape.filter((_, i) => !plan.axes.includes(i));
    const outShape = keepDims ? tf.backend_util.expandShapeToKeepDim(reduced, plan.axes) : reduced;
    return floatOutput(args.backend, outShape, out);
  },
};

/** The reduction kernels. */
export const reduceKernels: NativeKernel[] = [sum];
