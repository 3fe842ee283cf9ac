/**
 * Identity and same-type Cast for the wasm backend without copying. The stock kernels copy
 * the whole tensor, and training calls them on every activation (ReLU's gradient casts its
 * input to float32, which it already is). Tensors are immutable, so the output can share
 * the input's memory under a reference count, as the cpu backend and wasm's own Reshape do.
 */
import type * as tf from "@tensorflow/tfjs";
import { stockWasmKernel, type KernelArgs, type TensorInfo } from "./kernel-calls.ts";

function share({ inputs, backend }: KernelArgs): TensorInfo {
  const x = inputs.x!;
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/** Identity sharing its input (strings keep the stock kernel). */
export function identityKernel(): tf.KernelConfig {
  const stock = stockWasmKernel("Identity");
  const kernelFunc = (args: KernelArgs): TensorInfo => (args.inputs.x!.dtype === "string" ? stock.kernelFunc(args) : share(args));
  return { kernelName: "Identity", backendName: "wasm", setupFunc: stock.setupFunc, kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

/** Cast sharing its input when the type does not change; real conversions keep the stock kernel. */
export function castKernel(): tf.KernelConfig {
  const stock = stockWasmKernel("Cast");
  const kernelFunc = (args: KernelArgs<{ dtype: string }>): TensorInfo => {
    const x = args.inputs.x!;
    return x.dtype === args.attrs.dtype && x.dtype !== "string" ? share(args) : stock.kernelFunc(args);
  };
  return { kernelName: "Cast", backendName: "wasm", setupFunc: stock.setupFunc, kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}
