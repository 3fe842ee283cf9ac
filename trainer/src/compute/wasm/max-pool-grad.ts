/**
 * MaxPoolGrad for the wasm backend: the stock kernel costs about as much as a convolution;
 * this one is a single pass in JavaScript over the wasm heap.
 */
import * as tf from "@tensorflow/tfjs";
import { heapView, type KernelArgs, type TensorInfo } from "./kernel-calls.ts";
import { maxPoolBackprop } from "./pooling.ts";

interface MaxPoolGradAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: "floor" | "round" | "ceil";
}

function maxPoolGrad({ inputs, backend, attrs }: KernelArgs<MaxPoolGradAttrs>): TensorInfo {
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const dx = backend.makeOutput(input.shape, "float32");
  maxPoolBackprop(heapView(backend, input), heapView(backend, dy), heapView(backend, dx), info);
  return dx;
}

export const maxPoolGradKernel: tf.KernelConfig = {
  kernelName: "MaxPoolGrad",
  backendName: "wasm",
  kernelFunc: maxPoolGrad as unknown as tf.KernelFunc,
};
