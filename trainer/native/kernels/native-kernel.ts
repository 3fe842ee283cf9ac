/**
 * The shape of a native kernel: like a tfjs kernel function, but it may decline
 * (return null) for inputs it does not cover — another dtype, layout or broadcast —
 * and the registration then runs tfjs's cpu kernel instead.
 */
import type * as tf from "@tensorflow/tfjs";
import type { NativeBackend } from "../backend.ts";

/** What a kernel function receives, with the backend typed as ours. */
export interface NativeKernelArgs {
  inputs: tf.NamedTensorInfoMap;
  attrs?: tf.NamedAttrMap;
  backend: NativeBackend;
}

export interface NativeKernel {
  /** The tfjs kernel name it replaces, e.g. "BatchMatMul". */
  kernelName: string;
  /** Computes the kernel's single output, or returns null to defer to the cpu kernel. */
  run(args: NativeKernelArgs): tf.TensorInfo | null;
}

/** The named input, which tfjs guarantees for required inputs. */
export function input(args: NativeKernelArgs, name: string): tf.TensorInfo {
  const t = args.inputs[name];
  if (t == null) throw new Error(`native kernel: missing input "${name}"`);
  return t;
}

/** Product of a shape's dimensions. */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}
