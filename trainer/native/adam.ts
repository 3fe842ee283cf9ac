/**
 * A one-pass Adam update for the native backend. tfjs's AdamOptimizer runs about a
 * dozen elementwise kernels per variable per step, each allocating a tensor; this
 * replaces them with one native loop per variable that does the same float
 * operations in the same order (so results match tfjs's to the last bit), in place
 * once the variable's memory is the backend's own.
 *
 * It is installed on AdamOptimizer.prototype, so every Adam — tf.train.adam(),
 * tf.layers' "adam" — uses it while the active backend is "native", and tfjs's own
 * code otherwise. Moments live in the optimizer's usual variables, so getWeights,
 * setWeights and dispose keep working.
 */
import * as tf from "@tensorflow/tfjs";
import type { NativeAddon } from "./addon.ts";
import { floatValues, NativeBackend } from "./backend.ts";

/** The AdamOptimizer fields tfjs keeps protected; the update needs them. */
interface AdamInternals {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Array<{ originalName: string; variable: tf.Variable } | undefined>;
  accumulatedSecondMoment: Array<{ originalName: string; variable: tf.Variable } | undefined>;
  incrementIterations(): void;
}

type Gradients = Parameters<tf.AdamOptimizer["applyGradients"]>[0];
const installed = Symbol("sparring.nativeAdam");

/** Makes AdamOptimizer use the native update whenever the active backend is native. */
export function installNativeAdam(): void {
  const proto = tf.AdamOptimizer.prototype as tf.AdamOptimizer & { [installed]?: true };
  if (proto[installed]) return;
  const original = proto.applyGradients;
  proto.applyGradients = function (this: tf.AdamOptimizer, gradients: Gradients) {
    const backend = tf.backend();
    if (!(backend instanceof NativeBackend) || !applyNative(this as unknown as AdamInternals, gradients, backend)) {
      original.call(this, gradients);
    }
  };
  proto[installed] = true;
}

/** Variables, gradients and moments as float arrays, or null if any is not. */
function operands(backend: NativeBackend, value: tf.Variable, gradient: tf.Tensor, m: tf.Variable, v: tf.Variable) {
  const arrays = [value, gradient, m, v].map((t) => floatValues(backend, t));
  if (arrays.some((a) => a == null || a.length !== value.size)) return null;
  return arrays as [Float32Array, Float32Array, Float32Array, Float32Array];
}

/**
 * Whether a variable's memory may be overwritten: it came from the backend's pool
 * (so no caller's array is behind it, and nothing outside holds it: reads get copies,
 * views disown it) and no other tensor shares it.
 */
function updatableInPlace(backend: NativeBackend, t: tf.Tensor): boolean {
  const values = floatValues(backend, t);
  return values != null && backend.pool.owns(values) && backend.refCount(t.dataId) === 1;
}

/** Returns false, having changed nothing, when some tensor is not plain float32. */
function applyNative(opt: AdamInternals, gradients: Gradients, backend: NativeBackend): boolean {
  const names = Array.isArray(gradients) ? gradients.map((g) => g.name) : Object.keys(gradients);
  const gradientOf = (name: string, i: number) => (Array.isArray(gradients) ? gradients[i]?.tensor : gradients[name]);
  const variables = tf.engine().registeredVariables;
  const plain = (t: tf.Tensor | undefined) => t == null || floatValues(backend, t) != null;
  if (!names.every((name, i) => plain(variables[name]) && plain(gradientOf(name, i)))) return false;
  const addon: NativeAddon = backend.addon;
  tf.tidy(() => {
    const accBeta1 = floatValues(backend, opt.accBeta1)![0]!;
    const accBeta2 = floatValues(backend, opt.accBeta2)![0]!;
    // Each scalar rounded to float32 exactly where tfjs makes a float32 scalar of it.
    const params = Float32Array.of(
      opt.beta1,
      opt.beta2,
      1 - opt.beta1,
      1 - opt.beta2,
      1 - accBeta1,
      1 - accBeta2,
      opt.epsilon,
      -opt.learningRate,
    );
    names.forEach((name, i) => {
      const value = variables[name]!;
      // Moments are created lazily, named and shaped exactly as tfjs's Adam does.
      opt.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
      opt.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
      const gradient = gradientOf(name, i);
      if (gradient == null) return;
      const m = opt.accumulatedFirstMoment[i]!.variable;
      const v = opt.accumulatedSecondMoment[i]!.variable;
      const arrays = operands(backend, value, gradient, m, v);
      if (arrays == null) throw new Error(`native Adam: ${name} and its gradient or moments differ in size`);
      const [x, g, m0, v0] = arrays;
      const n = x.length;
      // Each of the three is updated in place when no one else can see its memory,
      // else written to a fresh array that the variable is then assigned.
      const [x1, m1, v1] = [value, m, v].map((t, k) =>
        updatableInPlace(backend, t) ? arrays[k === 0 ? 0 : k + 1]! : backend.pool.take(n),
      );
      addon.adam(x, m0, v0, g, x1!, m1!, v1!, params, n);
      if (m1 !== m0) m.assign(tf.tensor(m1!, m.shape, "float32"));
      if (v1 !== v0) v.assign(tf.tensor(v1!, v.shape, "float32"));
      if (x1 !== x) value.assign(tf.tensor(x1!, value.shape, "float32"));
    });
    opt.accBeta1.assign(tf.mul(opt.accBeta1, opt.beta1));
    opt.accBeta2.assign(tf.mul(opt.accBeta2, opt.beta2));
  });
  opt.incrementIterations();
  return true;
}
