/**
 * Conv2DBackpropInput for the wasm backend. The stock kernel is a scalar loop nest, the
 * slowest step of CNN training (and of every attack on the CNN, which needs ∇x). For
 * stride 1 the input gradient is itself a convolution: dx = conv(pad(dY, k − 1 − p),
 * flip(W)ᵀ), which runs on XNNPACK's fast convolution. Other strides keep the stock kernel.
 */
import * as tf from "@tensorflow/tfjs";
import { disposeInfos, runWasmKernel, stockWasmKernel, type KernelArgs, type TensorInfo } from "./kernel-calls.ts";

interface Conv2DBackpropInputAttrs {
  strides: [number, number] | number;
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat: "NHWC" | "NCHW";
  dimRoundingMode?: "floor" | "round" | "ceil";
  inputShape: [number, number, number, number];
}

/** Makes the Conv2DBackpropInput kernel config wrapping the stock one. */
export function conv2dBackpropInputKernel(): tf.KernelConfig {
  const stock = stockWasmKernel("Conv2DBackpropInput");
  const kernelFunc = ({ inputs, backend, attrs }: KernelArgs<Conv2DBackpropInputAttrs>): TensorInfo => {
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const info = tf.backend_util.computeConv2DInfo(
      attrs.inputShape,
      filter.shape as [number, number, number, number],
      attrs.strides,
      1,
      attrs.pad,
      attrs.dimRoundingMode,
    );
    const { top, bottom, left, right } = info.padInfo;
    const [kh, kw] = [info.filterHeight, info.filterWidth];
    const composable =
      attrs.dataFormat !== "NCHW" &&
      info.strideHeight === 1 &&
      info.strideWidth === 1 &&
      top < kh &&
      bottom < kh &&
      left < kw &&
      right < kw;
    if (!composable) return stock.kernelFunc({ inputs, backend, attrs });
    const padded = runWasmKernel(
      "PadV2",
      backend,
      { x: dy },
      {
        paddings: [
          [0, 0],
          [kh - 1 - top, kh - 1 - bottom],
          [kw - 1 - left, kw - 1 - right],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
    const flipped = runWasmKernel("Reverse", backend, { x: filter }, { dims: [0, 1] });
    const swapped = runWasmKernel("Transpose", backend, { x: flipped }, { perm: [0, 1, 3, 2] });
    const dx = runWasmKernel(
      "Conv2D",
      backend,
      { x: padded, filter: swapped },
      { strides: 1, pad: "valid", dataFormat: "NHWC", dilations: 1 },
    );
    disposeInfos(backend, padded, flipped, swapped);
    return dx;
  };
  return {
    kernelName: "Conv2DBackpropInput",
    backendName: "wasm",
    setupFunc: stock.setupFunc,
    kernelFunc: kernelFunc as unknown as tf.KernelFunc,
  };
}
