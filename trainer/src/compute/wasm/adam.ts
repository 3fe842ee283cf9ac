/**
 * A one-pass Adam update for the wasm backend. tfjs' AdamOptimizer runs about a dozen
 * elementwise kernels per variable per step (scalar broadcasts are slow on wasm), a
 * quarter of an MLP training step; this does each variable in one loop over the wasm heap
 * with the same float32 operations in the same order, so results equal tfjs' bit for bit.
 *
 * Installed on AdamOptimizer.prototype and active only while "wasm" is the backend; any
 * other backend gets whatever applyGradients was installed before (tfjs' own, or another
 * backend's fused one), so installations compose in any order.
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { heapView, type TensorInfo } from "./kernel-calls.ts";

/** Adam's scalars, each already rounded to float32 where tfjs makes a float32 scalar of it. */
export interface AdamScalars {
  beta1: number;
  beta2: number;
  oneMinusBeta1: number;
  oneMinusBeta2: number;
  /** 1 − β₁ᵗ and 1 − β₂ᵗ for this step. */
  oneMinusAccBeta1: number;
  oneMinusAccBeta2: number;
  epsilon: number;
  negativeLearningRate: number;
}

/** The scalars for a step, from the optimiser's settings and its β powers (float32 values). */
export function adamScalars(
  beta1: number,
  beta2: number,
  epsilon: number,
  learningRate: number,
  accBeta1: number,
  accBeta2: number,
): AdamScalars {
  const f = Math.fround;
  return {
    beta1: f(beta1),
    beta2: f(beta2),
    oneMinusBeta1: f(1 - beta1),
    oneMinusBeta2: f(1 - beta2),
    oneMinusAccBeta1: f(1 - accBeta1),
    oneMinusAccBeta2: f(1 - accBeta2),
    epsilon: f(epsilon),
    negativeLearningRate: f(-learningRate),
  };
}

/**
 * x₁ = x − lr·m̂/(√v̂ + ε) with m₁ = β₁m + (1−β₁)g, v₁ = β₂v + (1−β₂)g², m̂ = m₁/(1−β₁ᵗ),
 * v̂ = v₁/(1−β₂ᵗ); every operation rounded to float32 as tfjs' kernels round it. Pure.
 */
export function adamUpdate(
  x: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  x1: Float32Array,
  m1: Float32Array,
  v1: Float32Array,
  s: AdamScalars,
): void {
  const f = Math.fround;
  for (let i = 0; i < x.length; i++) {
    const gi = g[i]!;
    const mi = f(f(m[i]! * s.beta1) + f(gi * s.oneMinusBeta1));
    const vi = f(f(v[i]! * s.beta2) + f(f(gi * gi) * s.oneMinusBeta2));
    const mHat = f(mi / s.oneMinusAccBeta1);
    const vHat = f(vi / s.oneMinusAccBeta2);
    const step = f(f(mHat / f(f(Math.sqrt(vHat)) + s.epsilon)) * s.negativeLearningRate);
    m1[i] = mi;
    v1[i] = vi;
    x1[i] = f(step + x[i]!);
  }
}

/** The AdamOptimizer fields tfjs keeps protected; the update needs them. */
interface AdamInternals {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  incrementIterations(): void;
}

type Gradients = Parameters<tf.AdamOptimizer["applyGradients"]>[0];
const installed = Symbol("sparring.wasmAdam");
let enabled = true;

/** For benchmarks: false falls back to tfjs' own Adam on wasm too. */
export function setWasmAdamEnabled(on: boolean): void {
  enabled = on;
}

/** Makes AdamOptimizer use the one-pass update whenever the active backend is wasm (idempotent). */
export function installWasmAdam(): void {
  const proto = tf.AdamOptimizer.prototype as tf.AdamOptimizer & { [installed]?: true };
  if (proto[installed]) return;
  const previous = proto.applyGradients;
  proto.applyGradients = function (this: tf.AdamOptimizer, gradients: Gradients) {
    if (enabled && tf.getBackend() === "wasm")
      applyOnWasm(this as unknown as AdamInternals, gradients, tf.backend() as unknown as BackendWasm);
    else previous.call(this, gradients);
  };
  proto[installed] = true;
}

function applyOnWasm(opt: AdamInternals, gradients: Gradients, backend: BackendWasm): void {
  const names = Array.isArray(gradients) ? gradients.map((g) => g.name) : Object.keys(gradients);
  const gradientOf = (name: string, i: number) => (Array.isArray(gradients) ? gradients[i]?.tensor : gradients[name]);
  const variables = tf.engine().registeredVariables;
  const scalars = adamScalars(
    opt.beta1,
    opt.beta2,
    opt.epsilon,
    opt.learningRate,
    opt.accBeta1.dataSync()[0]!,
    opt.accBeta2.dataSync()[0]!,
  );
  names.forEach((name, i) => {
    const value = variables[name]!;
    // Moments are created lazily, named and shaped exactly as tfjs' Adam does.
    opt.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
    opt.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
    const gradient = gradientOf(name, i);
    if (gradient == null) return;
    const m = opt.accumulatedFirstMoment[i]!.variable;
    const v = opt.accumulatedSecondMoment[i]!.variable;
    // New tensors rather than writing in place: a variable's memory may be shared.
    const outputs: TensorInfo[] = [0, 1, 2].map(() => backend.makeOutput(value.shape, "float32"));
    const [x1, m1, v1] = outputs.map((o) => heapView(backend, o)) as [Float32Array, Float32Array, Float32Array];
    adamUpdate(heapView(backend, value), heapView(backend, gradient), heapView(backend, m), heapView(backend, v), x1, m1, v1, scalars);
    const [newValue, newM, newV] = outputs.map((o) => tf.engine().makeTensorFromTensorInfo(o)) as [tf.Tensor, tf.Tensor, tf.Tensor];
    m.assign(newM);
    v.assign(newV);
    value.assign(newValue);
    tf.dispose([newValue, newM, newV]);
  });
  tf.tidy(() => {
    opt.accBeta1.assign(tf.mul(opt.accBeta1, opt.beta1));
    opt.accBeta2.assign(tf.mul(opt.accBeta2, opt.beta2));
  });
  opt.incrementIterations();
}
