/**
 * Loading the compiled N-API addon (build/Release/sparring_native.node) and its typed
 * surface. The addon only computes: every function writes into arrays the caller
 * allocated, so all memory stays owned by JavaScript.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/**
 * Where `scripts/build-native.sh` leaves the addon; SPARRING_NATIVE_ADDON overrides it
 * (a path that does not exist turns the native backend off).
 */
export const ADDON_PATH =
  process.env.SPARRING_NATIVE_ADDON || fileURLToPath(new URL("./build/Release/sparring_native.node", import.meta.url));

/** Elementwise binary operations, numbered as in src/kernels.h. */
export const BinaryOp = { Add: 0, Sub: 1, Mul: 2, Div: 3, Maximum: 4, Minimum: 5, SquaredDifference: 6, ReluGrad: 7 } as const;
export type BinaryOp = (typeof BinaryOp)[keyof typeof BinaryOp];

/** How an operand maps onto the output seen as [outer, inner] (src/kernels.h). */
export const Broadcast = { Full: 0, Row: 1, Column: 2, Scalar: 3 } as const;
export type Broadcast = (typeof Broadcast)[keyof typeof Broadcast];

/** Elementwise unary operations, numbered as in src/kernels.h. */
export const UnaryOp = { Relu: 0, Step: 1, Sqrt: 2, Square: 3, Neg: 4, Exp: 5, Log: 6, Sign: 7, Abs: 8, Clip: 9, Tanh: 10 } as const;
export type UnaryOp = (typeof UnaryOp)[keyof typeof UnaryOp];

/** The addon's functions; argument layouts are documented in src/addon.cc. */
export interface NativeAddon {
  /** dims: [batch, batchA, batchB, m, n, k]. */
  matmul(
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    dims: Int32Array,
    transA: boolean,
    transB: boolean,
    bias: Float32Array | null,
    relu: boolean,
  ): void;
  /** shape: n,h,w,c, kh,kw,oc, oh,ow, sh,sw, pt,pl,pb,pr, dh,dw. */
  convForward(x: Float32Array, filter: Float32Array, bias: Float32Array | null, y: Float32Array, shape: Int32Array, relu: boolean): void;
  convBackwardData(dy: Float32Array, filter: Float32Array, dx: Float32Array, shape: Int32Array): void;
  convBackwardWeights(x: Float32Array, dy: Float32Array, dFilter: Float32Array, shape: Int32Array): void;
  /** shape: n,h,w,c, oh,ow, fh,fw, sh,sw, pt,pl. */
  maxPool(x: Float32Array, y: Float32Array, shape: Int32Array): void;
  maxPoolGrad(dy: Float32Array, x: Float32Array, dx: Float32Array, shape: Int32Array): void;
  /** maxPool that also records each output's winning window position (255: none). */
  maxPoolWinners(x: Float32Array, y: Float32Array, winners: Uint8Array, shape: Int32Array): void;
  /** maxPoolGrad from maxPoolWinners' record; disjoint windows only. */
  maxPoolGradWinners(dy: Float32Array, winners: Uint8Array, dx: Float32Array, shape: Int32Array): void;
  /**
   * The filter gradient for dy = maxPoolGradWinners(g, winners) without reading dy;
   * false (nothing written) where it does not apply (see src/kernels.h).
   */
  convBackwardWeightsPooled(
    x: Float32Array,
    g: Float32Array,
    winners: Uint8Array,
    dFilter: Float32Array,
    convShape: Int32Array,
    poolShape: Int32Array,
  ): boolean;
  binary(
    op: BinaryOp,
    a: Float32Array,
    aMode: Broadcast,
    b: Float32Array,
    bMode: Broadcast,
    out: Float32Array,
    outer: number,
    inner: number,
  ): void;
  unary(op: UnaryOp, x: Float32Array, out: Float32Array, n: number, alpha: number, beta: number): void;
  /** out = dy where lo ≤ x ≤ hi, else 0. */
  clipGrad(dy: Float32Array, x: Float32Array, out: Float32Array, n: number, lo: number, hi: number): void;
  reduceSum(x: Float32Array, out: Float32Array, outer: number, mid: number, inner: number): void;
  /** params: beta1, beta2, 1−beta1, 1−beta2, 1−beta1^t, 1−beta2^t, epsilon, −learningRate. */
  adam(
    value: Float32Array,
    m: Float32Array,
    v: Float32Array,
    grad: Float32Array,
    outValue: Float32Array,
    outM: Float32Array,
    outV: Float32Array,
    params: Float32Array,
    n: number,
  ): void;
  info(): { threads: number; dnnl: string };
}

export type AddonLoad = { ok: true; addon: NativeAddon } | { ok: false; reason: string };

/**
 * Loads the addon, or says why it cannot be loaded (not built, or libdnnl missing at
 * run time). Never throws.
 */
export function loadAddon(): AddonLoad {
  configureOpenMp();
  try {
    const addon = createRequire(import.meta.url)(ADDON_PATH) as NativeAddon;
    return { ok: true, addon };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = /Cannot find module|ENOENT/.test(message) ? "addon not built" : message.split("\n")[0]!;
    return { ok: false, reason };
  }
}

/**
 * OpenMP reads its settings once, when the addon first loads libgomp, so they are set
 * here, before any load. Idle threads sleep instead of spinning (unless the user chose
 * otherwise): on a shared machine a spinning thread takes a core from whoever else
 * needs it, and the training steps measured 3–5× slower on two spinning threads than
 * on one (docs/BENCHMARKS.md, "Native backend").
 */
function configureOpenMp(): void {
  process.env.OMP_WAIT_POLICY ??= "PASSIVE";
}
