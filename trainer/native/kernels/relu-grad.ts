/**
 * ReLU's gradient as one kernel. tfjs defines it as mul(dy, step(x)): two full passes
 * over the activation and a temporary as large, on the CNN's biggest tensors. Relu's
 * gradient is re-registered (gradients are global in tfjs) to run the one-pass
 * kernel when the native backend is active and tfjs's own definition otherwise, so
 * other backends compute exactly what they did.
 */
import * as tf from "@tensorflow/tfjs";

/** The fused kernel's name: dy · step(x), inputs "dy" and "x". */
export const RELU_GRAD = "SparringReluGrad";

const installed = Symbol("sparring.reluGrad");

/** dy · step(x) on the native backend (for float32), tfjs's ops elsewhere. */
function reluGrad(dy: tf.Tensor, x: tf.Tensor, backendName: string): tf.Tensor {
  if (tf.getBackend() === backendName && dy.dtype === "float32" && x.dtype === "float32") {
    return tf.engine().runKernel(RELU_GRAD, { dy, x }) as tf.Tensor;
  }
  return tf.mul(dy, tf.cast(tf.step(x), "float32"));
}

/** Routes Relu's gradient through RELU_GRAD while `backendName` is the active backend. */
export function installReluGradient(backendName: string): void {
  const original = tf.getGradient(tf.Relu) as (tf.GradConfig & { [installed]?: true }) | undefined;
  if (original == null || original[installed]) return;
  const config: tf.GradConfig & { [installed]?: true } = {
    kernelName: tf.Relu,
    inputsToSave: ["x"],
    gradFunc: (dy, saved, attrs) => {
      if (tf.getBackend() !== backendName) return original.gradFunc(dy, saved, attrs);
      const [x] = saved as [tf.Tensor];
      return { x: () => reluGrad(dy as tf.Tensor, x, backendName) };
    },
    [installed]: true,
  };
  tf.registerGradient(config);
  // Second derivatives: linear in dy with the same mask, constant in x.
  tf.registerGradient({
    kernelName: RELU_GRAD,
    inputsToSave: ["x"],
    gradFunc: (ddx, saved) => {
      const [x] = saved as [tf.Tensor];
      return { dy: () => reluGrad(ddx as tf.Tensor, x, backendName), x: () => tf.zerosLike(x) };
    },
  });
}
