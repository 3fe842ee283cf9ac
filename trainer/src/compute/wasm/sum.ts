/**
 * Sum for the wasm backend. Summing over every axis but the last (each bias gradient,
 * e.g. over the N·H·W positions of a convolution's output) makes the stock kernel
 * transpose the whole tensor first; here it is one pass adding rows. Other reductions
 * keep the stock kernel.
 */
import * as tf from "@tensorflow/tfjs";
import { heapView, stockWasmKernel, type KernelArgs, type TensorInfo } from "./kernel-calls.ts";

interface SumAttrs {
  axis: number | number[];
  keepDims: boolean;
}

/** Makes the Sum kernel config wrapping the stock one. */
export function sumKernel(): tf.KernelConfig {
  const stock = stockWasmKernel("Sum");
  const kernelFunc = ({ inputs, backend, attrs }: KernelArgs<SumAttrs>): TensorInfo => {
    const { x } = inputs as { x: TensorInfo };
    const rank = x.shape.length;
    const axes = tf.util.parseAxisParam(attrs.axis, x.shape).sort((a, b) => a - b);
    const leading = rank >= 2 && axes.length === rank - 1 && axes.every((a, i) => a === i);
    if (!leading || x.dtype !== "float32") return stock.kernelFunc({ inputs, backend, attrs });
    const width = x.shape[rank - 1]!;
    const out = backend.makeOutput(attrs.keepDims ? [...Array(rank - 1).fill(1), width] : [width], "float32");
    sumRows(heapView(backend, x), width, heapView(backend, out));
    return out;
  };
  return { kernelName: "Sum", backendName: "wasm", setupFunc: stock.setupFunc, kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

/** Adds up the consecutive rows of `width` values in `x` into `out` (accumulating in float64). */
export function sumRows(x: Float32Array, width: number, out: Float32Array): void {
  const acc = new Float64Array(width);
  for (let base = 0; base < x.length; base += width) {
    for (let i = 0; i < width; i++) acc[i]! += x[base + i]!;
  }
  out.set(acc);
}
