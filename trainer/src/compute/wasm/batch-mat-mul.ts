/**
 * BatchMatMul for the wasm backend. The stock kernel runs XNNPACK's fast GEMM only when
 * neither operand is transposed; any transpose falls back to a scalar triple loop several
 * times slower. Every backward pass multiplies by a transpose (dX = dY·Wᵀ, dW = Xᵀ·dY),
 * so this kernel transposes the operand explicitly (a cheap copy) and stays on XNNPACK.
 */
import type * as tf from "@tensorflow/tfjs";
import { disposeInfos, reshapeInfo, runWasmKernel, stockWasmKernel, type KernelArgs, type TensorInfo } from "./kernel-calls.ts";

interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
}

/** Makes the BatchMatMul kernel config wrapping the stock one. */
export function batchMatMulKernel(): tf.KernelConfig {
  const stock = stockWasmKernel("BatchMatMul");
  const kernelFunc = ({ inputs, backend, attrs }: KernelArgs<MatMulAttrs>): TensorInfo => {
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const batched = a.shape.length > 2 && a.shape.slice(0, -2).some((d) => d !== 1);
    const batchedB = b.shape.length > 2 && b.shape.slice(0, -2).some((d) => d !== 1);
    if ((!attrs.transposeA && !attrs.transposeB) || batched || batchedB || a.dtype !== "float32") {
      return stock.kernelFunc({ inputs, backend, attrs });
    }
    const transposed: TensorInfo[] = [];
    const plain = (x: TensorInfo, transpose: boolean): TensorInfo => {
      const rows = x.shape[x.shape.length - 2]!;
      const cols = x.shape[x.shape.length - 1]!;
      if (!transpose) return x;
      const matrix = reshapeInfo(backend, x, [rows, cols]);
      const t = runWasmKernel("Transpose", backend, { x: matrix }, { perm: [1, 0] });
      transposed.push(matrix, t);
      return t;
    };
    const out = stock.kernelFunc({
      inputs: { a: plain(a, attrs.transposeA), b: plain(b, attrs.transposeB) },
      backend,
      attrs: { ...attrs, transposeA: false, transposeB: false },
    });
    disposeInfos(backend, ...transposed);
    // Keep the rank the caller expects (e.g. [1, m, n] for rank-3 inputs).
    const rank = Math.max(a.shape.length, b.shape.length);
    const [m, n] = out.shape.slice(-2) as [number, number];
    if (out.shape.length === rank) return out;
    const shaped = reshapeInfo(backend, out, [...Array(rank - 2).fill(1), m, n]);
    disposeInfos(backend, out);
    return shaped;
  };
  return { kernelName: "BatchMatMul", backendName: "wasm", setupFunc: stock.setupFunc, kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}
