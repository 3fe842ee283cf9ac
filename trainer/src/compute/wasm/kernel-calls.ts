/**
 * How the project's wasm kernels reach the wasm backend: calling its own kernels
 * directly (inside a kernel, tf ops would be recorded on the gradient tape) and viewing
 * tensors in the wasm heap without copying.
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";

export type TensorInfo = tf.TensorInfo;

/** The arguments every kernel function receives. */
export interface KernelArgs<A = Record<string, unknown>> {
  inputs: Record<string, TensorInfo>;
  backend: BackendWasm;
  attrs: A;
}

export type WasmKernelFunc = (args: { inputs: Record<string, TensorInfo>; backend: BackendWasm; attrs?: unknown }) => TensorInfo;

/** The kernel function the wasm backend registered for `name` (captured before any override). */
export function stockWasmKernel(name: string): { kernelFunc: WasmKernelFunc; setupFunc?: tf.KernelConfig["setupFunc"] } {
  const config = tf.getKernel(name, "wasm");
  if (!config) throw new Error(`the wasm backend has no kernel ${name}`);
  return config as unknown as { kernelFunc: WasmKernelFunc; setupFunc?: tf.KernelConfig["setupFunc"] };
}

/** Runs another wasm kernel by name and returns its output. */
export function runWasmKernel(name: string, backend: BackendWasm, inputs: Record<string, TensorInfo>, attrs: unknown = {}): TensorInfo {
  return stockWasmKernel(name).kernelFunc({ inputs, backend, attrs });
}

/** Frees intermediate outputs of a composite kernel. */
export function disposeInfos(backend: BackendWasm, ...infos: TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

/**
 * A float32 view of a tensor in the wasm heap. Views die when the heap grows: make every
 * output of a kernel first, then take the views.
 */
export function heapView(backend: BackendWasm, info: TensorInfo): Float32Array {
  if (info.dtype !== "float32") throw new Error(`expected float32, got ${info.dtype}`);
  return backend.typedArrayFromHeap(info) as Float32Array;
}

/** The same data under another shape (a view, as the wasm Reshape kernel makes). */
export function reshapeInfo(backend: BackendWasm, info: TensorInfo, shape: number[]): TensorInfo {
  return runWasmKernel("Reshape", backend, { x: info }, { shape });
}
