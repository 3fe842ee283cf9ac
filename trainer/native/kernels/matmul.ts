/**
 * BatchMatMul, _FusedMatMul and the fused dense layer on the addon's GEMM (src/gemm.cc):
 * transposes are flags, absorbed where the GEMM packs its operands, and a fused bias
 * and ReLU are applied in the same native call.
 */
import * as tf from "@tensorflow/tfjs";
import { DENSE, type DenseActivation } from "../../src/compute/fused-ops.ts";
import { floatOutput, floatValues, type NativeBackend } from "../backend.ts";
import { input, sizeOf, type NativeKernel, type NativeKernelArgs } from "./native-kernel.ts";

interface Product {
  a: Float32Array;
  b: Float32Array;
  outShape: number[];
  dims: Int32Array;
}

/** Shapes of op(a)·op(b) with tfjs's batch broadcasting, or null when not covered. */
function plan(backend: NativeBackend, aInfo: tf.TensorInfo, bInfo: tf.TensorInfo, transA: boolean, transB: boolean): Product | null {
  const a = floatValues(backend, aInfo);
  const b = floatValues(backend, bInfo);
  if (a == null || b == null || aInfo.shape.length < 2 || bInfo.shape.length < 2) return null;
  const ra = aInfo.shape.length;
  const rb = bInfo.shape.length;
  const m = transA ? aInfo.shape[ra - 1]! : aInfo.shape[ra - 2]!;
  const k = transA ? aInfo.shape[ra - 2]! : aInfo.shape[ra - 1]!;
  const kb = transB ? bInfo.shape[rb - 1]! : bInfo.shape[rb - 2]!;
  const n = transB ? bInfo.shape[rb - 2]! : bInfo.shape[rb - 1]!;
  if (k !== kb) return null;
  const batchA = sizeOf(aInfo.shape.slice(0, -2));
  const batchB = sizeOf(bInfo.shape.slice(0, -2));
  // A batch is either shared (size 1) or matched one to one; other broadcasts are left to cpu.
  if (batchA !== batchB && batchA !== 1 && batchB !== 1) return null;
  const outer = tf.backend_util.assertAndGetBroadcastShape(aInfo.shape.slice(0, -2), bInfo.shape.slice(0, -2));
  const batch = Math.max(batchA, batchB);
  return { a, b, outShape: [...outer, m, n], dims: Int32Array.of(batch, batchA, batchB, m, n, k) };
}

const batchMatMul: NativeKernel = {
  kernelName: tf.BatchMatMul,
  run(args) {
    const { transposeA = false, transposeB = false } = (args.attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
    const p = plan(args.backend, input(args, "a"), input(args, "b"), transposeA, transposeB);
    if (p == null) return null;
    const out = args.backend.pool.take(sizeOf(p.outShape));
    args.backend.addon.matmul(p.a, p.b, out, p.dims, transposeA, transposeB, null, false);
    return floatOutput(args.backend, p.outShape, out);
  },
};

/** The bias as one value per output column, or null when it broadcasts otherwise. */
function columnBias(args: NativeKernelArgs, columns: number): Float32Array | null | undefined {
  const bias = args.inputs.bias;
  if (bias == null) return undefined;
  const ok = sizeOf(bias.shape) === columns && bias.shape.slice(0, -1).every((d) => d === 1);
  return ok ? floatValues(args.backend, bias) : null;
}

const fusedMatMul: NativeKernel = {
  kernelName: tf._FusedMatMul,
  run(args) {
    const {
      transposeA = false,
      transposeB = false,
      activation = "linear",
    } = (args.attrs ?? {}) as {
      transposeA?: boolean;
      transposeB?: boolean;
      activation?: string;
    };
    if (activation !== "linear" && activation !== "relu") return null;
    const p = plan(args.backend, input(args, "a"), input(args, "b"), transposeA, transposeB);
    if (p == null) return null;
    const bias = columnBias(args, p.dims[4]!);
    if (bias === null) return null;
    const out = args.backend.pool.take(sizeOf(p.outShape));
    args.backend.addon.matmul(p.a, p.b, out, p.dims, transposeA, transposeB, bias ?? null, activation === "relu");
    return floatOutput(args.backend, p.outShape, out);
  },
};

/** The dense layer of trainer/src/compute/fused-ops.ts: _FusedMatMul's product, named inputs. */
const dense: NativeKernel = {
  kernelName: DENSE,
  run(args) {
    const { activation } = args.attrs as { activation: DenseActivation };
    const p = plan(args.backend, input(args, "x"), input(args, "kernel"), false, false);
    const bias = floatValues(args.backend, input(args, "bias"));
    if (p == null || bias == null || bias.length !== p.dims[4]) return null;
    const out = args.backend.pool.take(sizeOf(p.outShape));
    args.backend.addon.matmul(p.a, p.b, out, p.dims, false, false, bias, activation === "relu");
    return floatOutput(args.backend, p.outShape, out);
  },
};

/** The matrix-product kernels. */
export const matmulKernels: NativeKernel[] = [batchMatMul, fusedMatMul, dense];
