/**
 * The fused softmax cross-entropy of trainer/src/compute/fused-ops.ts and its gradient,
 * as loops over the tensors' own arrays: a classifier's [batch, 10] logits are a few
 * thousand values, where one pass in JavaScript costs less than a single tfjs kernel
 * call of the twenty the composite takes. Sums run in double precision.
 */
import * as tf from "@tensorflow/tfjs";
import { SOFTMAX_CROSS_ENTROPY, SOFTMAX_CROSS_ENTROPY_GRAD } from "../../src/compute/fused-ops.ts";
import { floatOutput, floatValues } from "../backend.ts";
import { input, sizeOf, type NativeKernel, type NativeKernelArgs } from "./native-kernel.ts";

interface Rows {
  logits: Float32Array;
  labels: Float32Array;
  rows: number;
  classes: number;
}

function rowsOf(args: NativeKernelArgs): Rows | null {
  const logitsInfo = input(args, "logits");
  const labelsInfo = input(args, "labels");
  const logits = floatValues(args.backend, logitsInfo);
  const labels = floatValues(args.backend, labelsInfo);
  if (logits == null || labels == null || logitsInfo.shape.length !== 2) return null;
  if (!tf.util.arraysEqual(logitsInfo.shape, labelsInfo.shape)) return null;
  const [rows, classes] = logitsInfo.shape as [number, number];
  return { logits, labels, rows, classes };
}

/** Row r's max and log Σ exp(logit − max): log softmax is logit − max − logSum. */
function rowScale(logits: Float32Array, offset: number, classes: number): { max: number; logSum: number } {
  let max = -Infinity;
  for (let c = 0; c < classes; c++) max = Math.max(max, logits[offset + c]!);
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += Math.exp(logits[offset + c]! - max);
  return { max, logSum: Math.log(sum) };
}

const forward: NativeKernel = {
  kernelName: SOFTMAX_CROSS_ENTROPY,
  run(args) {
    const p = rowsOf(args);
    if (p == null) return null;
    let total = 0;
    for (let r = 0; r < p.rows; r++) {
      const offset = r * p.classes;
      const { max, logSum } = rowScale(p.logits, offset, p.classes);
      for (let c = 0; c < p.classes; c++) total -= p.labels[offset + c]! * (p.logits[offset + c]! - max - logSum);
    }
    return floatOutput(args.backend, [], Float32Array.of(total / p.rows));
  },
};

const gradient: NativeKernel = {
  kernelName: SOFTMAX_CROSS_ENTROPY_GRAD,
  run(args) {
    const p = rowsOf(args);
    const dyInfo = input(args, "dy");
    const dy = floatValues(args.backend, dyInfo);
    if (p == null || dy == null || sizeOf(dyInfo.shape) !== 1) return null;
    const scale = dy[0]! / p.rows;
    const out = args.backend.pool.take(p.rows * p.classes);
    for (let r = 0; r < p.rows; r++) {
      const offset = r * p.classes;
      const { max, logSum } = rowScale(p.logits, offset, p.classes);
      for (let c = 0; c < p.classes; c++) {
        const i = offset + c;
        out[i] = scale * (Math.exp(p.logits[i]! - max - logSum) - p.labels[i]!);
      }
    }
    return floatOutput(args.backend, [p.rows, p.classes], out);
  },
};

/** The loss and its gradient for the logits. */
export const softmaxCrossEntropyKernels: NativeKernel[] = [forward, gradient];
