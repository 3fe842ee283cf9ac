/**
 * BatchMatMul for the wasm backend, arranged for XNNPACK. The stock kernel has two paths:
 * XNNPACK's fast GEMM when neither operand is transposed, a scalar triple loop (several
 * times slower) otherwise — and every backward pass multiplies by a transpose. XNNPACK's
 * GEMM also re-packs its right operand ("weights") whenever that tensor is new, which in
 * training is every call, and packing costs about as much as the multiplication itself.
 * So this kernel (1) never lets a transpose reach the stock kernel, transposing operands
 * explicitly (a cheap copy), and (2) computes C = A·B as Cᵀ = Bᵀ·Aᵀ when that makes the
 * packed operand smaller (Aᵀ is K×M, B is K×N: flip when M < N).
 */
import type * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { disposeInfos, reshapeInfo, runWasmKernel, stockWasmKernel, type KernelArgs, type TensorInfo } from "./kernel-calls.ts";

interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
}

/** Whether to compute Cᵀ = Bᵀ·Aᵀ for C = A·B with A [m, k] and B [k, n] (pure). */
export function packsLessFlipped(m: number, n: number): boolean {
  return m < n;
}

/** Makes the BatchMatMul kernel config wrapping the stock one. */
export function batchMatMulKernel(): tf.KernelConfig {
  const stock = stockWasmKernel("BatchMatMul");
  const kernelFunc = ({ inputs, backend, attrs }: KernelArgs<MatMulAttrs>): TensorInfo => {
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const batched = (x: TensorInfo) => x.shape.length > 2 && x.shape.slice(0, -2).some((d) => d !== 1);
    if (batched(a) || batched(b) || a.dtype !== "float32" || b.dtype !== "float32") return stock.kernelFunc({ inputs, backend, attrs });
    const temporary: TensorInfo[] = [];
    const keep = (x: TensorInfo) => (temporary.push(x), x);
    const matrix = (x: TensorInfo) => keep(reshapeInfo(backend, x, x.shape.slice(-2)));
    const transposed = (x: TensorInfo) => keep(runWasmKernel("Transpose", backend, { x }, { perm: [1, 0] }));
    const [a2, b2] = [matrix(a), matrix(b)];
    const m = attrs.transposeA ? a2.shape[1]! : a2.shape[0]!;
    const n = attrs.transposeB ? b2.shape[0]! : b2.shape[1]!;
    const multiply = (left: TensorInfo, right: TensorInfo) =>
      stock.kernelFunc({ inputs: { a: left, b: right }, backend, attrs: { transposeA: false, transposeB: false } });
    let product: TensorInfo;
    if (packsLessFlipped(m, n)) {
      // Bᵀ is b itself when b came transposed; likewise Aᵀ.
      const flipped = keep(multiply(attrs.transposeB ? b2 : transposed(b2), attrs.transposeA ? a2 : transposed(a2)));
      product = runWasmKernel("Transpose", backend, { x: flipped }, { perm: [1, 0] });
    } else {
      product = multiply(attrs.transposeA ? transposed(a2) : a2, attrs.transposeB ? transposed(b2) : b2);
    }
    disposeInfos(backend, ...temporary);
    return withRank(backend, product, Math.max(a.shape.length, b.shape.length));
  };
  return { kernelName: "BatchMatMul", backendName: "wasm", setupFunc: stock.setupFunc, kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}

/** The product under the rank the caller expects ([1, m, n] for rank-3 inputs). */
function withRank(backend: BackendWasm, product: TensorInfo, rank: number): TensorInfo {
  if (product.shape.length === rank) return product;
  const shaped = reshapeInfo(backend, product, [...Array(rank - 2).fill(1), ...product.shape.slice(-2)]);
  disposeInfos(backend, product);
  return shaped;
}
