/**
 * Elementwise kernels on native loops: the arithmetic that broadcasts biases and
 * scales gradients, and the activations with their gradient masks (ReLU's gradient is
 * tfjs's mul(dy, step(x))). Float32 only; other dtypes go to the cpu kernels.
 */
import * as tf from "@tensorflow/tfjs";
import { BinaryOp, UnaryOp } from "../addon.ts";
import { floatOutput, floatValues } from "../backend.ts";
import { planBroadcast } from "./broadcast.ts";
import { RELU_GRAD } from "../../src/compute/fused-ops.ts";
import { CLIP_GRAD } from "./fused-gradients.ts";
import { input, type NativeKernel } from "./native-kernel.ts";

/** Names of the two inputs, "a" and "b" for tfjs's own binary kernels. */
function binaryKernel(kernelName: string, op: BinaryOp, [first, second] = ["a", "b"]): NativeKernel {
  return {
    kernelName,
    run(args) {
      const aInfo = input(args, first!);
      const bInfo = input(args, second!);
      const a = floatValues(args.backend, aInfo);
      const b = floatValues(args.backend, bInfo);
      if (a == null || b == null) return null;
      const plan = planBroadcast(aInfo.shape, bInfo.shape);
      if (plan == null) return null;
      const out = args.backend.pool.take(plan.outer * plan.inner);
      args.backend.addon.binary(op, a, plan.aMode, b, plan.bMode, out, plan.outer, plan.inner);
      return floatOutput(args.backend, plan.outShape, out);
    },
  };
}

/** alphaBeta reads the op's two parameters (Step's alpha, ClipByValue's bounds). */
function unaryKernel(kernelName: string, op: UnaryOp, alphaBeta?: (attrs: Record<string, unknown>) => [number, number]): NativeKernel {
  return {
    kernelName,
    run(args) {
      const xInfo = input(args, "x");
      const x = floatValues(args.backend, xInfo);
      if (x == null) return null;
      const [alpha, beta] = alphaBeta?.((args.attrs ?? {}) as Record<string, unknown>) ?? [0, 0];
      const out = args.backend.pool.take(x.length);
      args.backend.addon.unary(op, x, out, x.length, alpha, beta);
      return floatOutput(args.backend, [...xInfo.shape], out);
    },
  };
}

/** ClipByValue's gradient (see fused-gradients.ts): dy where min ≤ x ≤ max, else 0. */
const clipGradKernel: NativeKernel = {
  kernelName: CLIP_GRAD,
  run(args) {
    const dyInfo = input(args, "dy");
    const dy = floatValues(args.backend, dyInfo);
    const x = floatValues(args.backend, input(args, "x"));
    if (dy == null || x == null || x.length !== dy.length) return null;
    const { clipValueMin, clipValueMax } = (args.attrs ?? {}) as { clipValueMin: number; clipValueMax: number };
    const out = args.backend.pool.take(dy.length);
    args.backend.addon.clipGrad(dy, x, out, dy.length, clipValueMin, clipValueMax);
    return floatOutput(args.backend, [...dyInfo.shape], out);
  },
};

/** The elementwise kernels. */
export const elementwiseKernels: NativeKernel[] = [
  binaryKernel(tf.Add, BinaryOp.Add),
  binaryKernel(tf.Sub, BinaryOp.Sub),
  binaryKernel(tf.Multiply, BinaryOp.Mul),
  binaryKernel(tf.RealDiv, BinaryOp.Div),
  binaryKernel(tf.Maximum, BinaryOp.Maximum),
  binaryKernel(tf.Minimum, BinaryOp.Minimum),
  binaryKernel(tf.SquaredDifference, BinaryOp.SquaredDifference),
  binaryKernel(RELU_GRAD, BinaryOp.ReluGrad, ["dy", "x"]),
  unaryKernel(tf.Relu, UnaryOp.Relu),
  unaryKernel(tf.Step, UnaryOp.Step, (attrs) => [Number(attrs.alpha ?? 0), 0]),
  unaryKernel(tf.Sqrt, UnaryOp.Sqrt),
  unaryKernel(tf.Square, UnaryOp.Square),
  unaryKernel(tf.Neg, UnaryOp.Neg),
  unaryKernel(tf.Exp, UnaryOp.Exp),
  unaryKernel(tf.Log, UnaryOp.Log),
  unaryKernel(tf.Sign, UnaryOp.Sign),
  unaryKernel(tf.Abs, UnaryOp.Abs),
  unaryKernel(tf.ClipByValue, UnaryOp.Clip, (attrs) => [Number(attrs.clipValueMin), Number(attrs.clipValueMax)]),
  unaryKernel(tf.Tanh, UnaryOp.Tanh),
  clipGradKernel,
];
