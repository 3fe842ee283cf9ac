/**
 * Gradients that tfjs composes from several full-size kernels, as one native kernel
 * each:
 * - ReLU's, tfjs's mul(dy, step(x)): two passes and a temporary as large as the
 *   activation, on the CNN's biggest tensors;
 * - ClipByValue's, where(logicalAnd(greaterEqual(x, min), lessEqual(x, max)), dy, 0):
 *   five kernels, three of them broadcasting a scalar element by element in the cpu
 *   backend (the generator clips every image it makes).
 * Gradients are global in tfjs, so each is re-registered to run its fused kernel while
 * the native backend is active and tfjs's own definition otherwise: other backends
 * compute exactly what they did.
 */
import * as tf from "@tensorflow/tfjs";
import { RELU_GRAD } from "../../src/compute/fused-ops.ts";

/** dy where min ≤ x ≤ max, else 0; inputs "dy" and "x", attrs clipValueMin and clipValueMax. */
export const CLIP_GRAD = "SparringClipGrad";

const installed = Symbol("sparring.fusedGradient");
type Marked = tf.GradConfig & { [installed]?: true };

/** Whether the fused kernel applies: the native backend is active and both are float32. */
function fusable(backendName: string, ...tensors: tf.Tensor[]): boolean {
  return tf.getBackend() === backendName && tensors.every((t) => t.dtype === "float32");
}

/** Replaces `kernelName`'s gradient with `fused` while `backendName` is active. */
function override(
  kernelName: string,
  backendName: string,
  fused: (dy: tf.Tensor, saved: tf.Tensor[], attrs: tf.NamedAttrMap) => tf.Tensor | null,
): void {
  const original = tf.getGradient(kernelName) as Marked | undefined;
  if (original == null || original[installed]) return;
  const config: Marked = {
    ...original,
    gradFunc: (dy, saved, attrs) => {
      const result = tf.getBackend() === backendName ? fused(dy as tf.Tensor, saved, attrs) : null;
      return result == null ? original.gradFunc(dy, saved, attrs) : { x: () => result };
    },
    [installed]: true,
  };
  tf.registerGradient(config);
}

function reluGrad(dy: tf.Tensor, x: tf.Tensor, backendName: string): tf.Tensor {
  if (fusable(backendName, dy, x)) return tf.engine().runKernel(RELU_GRAD, { dy, x }) as tf.Tensor;
  return tf.mul(dy, tf.cast(tf.step(x), "float32"));
}

function clipGrad(dy: tf.Tensor, x: tf.Tensor, attrs: tf.NamedAttrMap, backendName: string): tf.Tensor {
  if (fusable(backendName, dy, x)) return tf.engine().runKernel(CLIP_GRAD, { dy, x }, attrs) as tf.Tensor;
  const { clipValueMin, clipValueMax } = attrs as { clipValueMin: number; clipValueMax: number };
  return tf.where(tf.logicalAnd(tf.greaterEqual(x, clipValueMin), tf.lessEqual(x, clipValueMax)), dy, tf.zerosLike(dy));
}

/** Routes ReLU's and ClipByValue's gradients through the fused kernels on `backendName`. */
export function installFusedGradients(backendName: string): void {
  override(tf.Relu, backendName, (dy, [x]) => (fusable(backendName, dy, x!) ? reluGrad(dy, x!, backendName) : null));
  override(tf.ClipByValue, backendName, (dy, [x], attrs) => (fusable(backendName, dy, x!) ? clipGrad(dy, x!, attrs, backendName) : null));
  // Second derivatives: both are linear in dy with the same mask, and constant in x.
  tf.registerGradient({
    kernelName: RELU_GRAD,
    inputsToSave: ["x"],
    gradFunc: (ddx, [x]) => ({ dy: () => reluGrad(ddx as tf.Tensor, x!, backendName), x: () => tf.zerosLike(x!) }),
  });
  tf.registerGradient({
    kernelName: CLIP_GRAD,
    inputsToSave: ["x"],
    gradFunc: (ddx, [x], attrs) => ({ dy: () => clipGrad(ddx as tf.Tensor, x!, attrs, backendName), x: () => tf.zerosLike(x!) }),
  });
}
