/**
 * Conv2DBackpropFilter for the wasm backend, which has none: a CNN cannot train on stock
 * tfjs-wasm. The filter gradient is one GEMM, dW = im2colᵀ(x) · dY, with the patches
 * gathered in JavaScript straight into the wasm heap and the product on XNNPACK.
 */
import * as tf from "@tensorflow/tfjs";
import { disposeInfos, heapView, reshapeInfo, runWasmKernel, type KernelArgs, type TensorInfo } from "./kernel-calls.ts";
import { im2colTransposed } from "./im2col.ts";

interface Conv2DBackpropFilterAttrs {
  strides: [number, number] | number;
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat: "NHWC" | "NCHW";
  dilations?: [number, number] | number;
  dimRoundingMode?: "floor" | "round" | "ceil";
  filterShape: [number, number, number, number];
}

function conv2dBackpropFilter({ inputs, backend, attrs }: KernelArgs<Conv2DBackpropFilterAttrs>): TensorInfo {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  if (attrs.dataFormat === "NCHW") throw new Error("Conv2DBackpropFilter on wasm supports NHWC only");
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    attrs.dilations ?? 1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const patches = info.filterHeight * info.filterWidth * info.inChannels;
  const positions = info.batchSize * info.outHeight * info.outWidth;
  const cols = backend.makeOutput([patches, positions], "float32");
  im2colTransposed(heapView(backend, x), heapView(backend, cols), info);
  const dyMatrix = reshapeInfo(backend, dy, [positions, info.outChannels]);
  const product = runWasmKernel("BatchMatMul", backend, { a: cols, b: dyMatrix }, { transposeA: false, transposeB: false });
  const dw = reshapeInfo(backend, product, attrs.filterShape);
  disposeInfos(backend, cols, dyMatrix, product);
  return dw;
}

export const conv2dBackpropFilterKernel: tf.KernelConfig = {
  kernelName: "Conv2DBackpropFilter",
  backendName: "wasm",
  kernelFunc: conv2dBackpropFilter as unknown as tf.KernelFunc,
};

/**
 * The filter gradient as a convolution of transposed tensors (xᵀ [C, H, W, B] with dYᵀ
 * [OH, OW, B, CO] as the filter), built only from stock wasm kernels: the baseline that
 * benchmarks compare the im2col kernel against. Stride 1, valid padding only.
 */
function conv2dBackpropFilterViaConv({ inputs, backend }: KernelArgs<Conv2DBackpropFilterAttrs>): TensorInfo {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const xT = runWasmKernel("Transpose", backend, { x }, { perm: [3, 1, 2, 0] });
  const dyT = runWasmKernel("Transpose", backend, { x: dy }, { perm: [1, 2, 0, 3] });
  const product = runWasmKernel("Conv2D", backend, { x: xT, filter: dyT }, { strides: 1, pad: "valid", dataFormat: "NHWC", dilations: 1 });
  const dw = runWasmKernel("Transpose", backend, { x: product }, { perm: [1, 2, 0, 3] });
  disposeInfos(backend, xT, dyT, product);
  return dw;
}

export const conv2dBackpropFilterComposite: tf.KernelConfig = {
  kernelName: "Conv2DBackpropFilter",
  backendName: "wasm",
  kernelFunc: conv2dBackpropFilterViaConv as unknown as tf.KernelFunc,
};
