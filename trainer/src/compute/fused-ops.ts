/**
 * Two ops the trainer's step is made of, each run as one kernel by a backend that
 * registers it (the native backend does) and as tfjs's composite of small kernels by
 * every other backend:
 * - `dense`: x·W + b with an optional ReLU. tfjs's own tf.fused.matMul is one kernel
 *   forward, but its gradient computes x's gradient too, even for a network's input
 *   (an extra product as large as the first layer's); this op's gradient is registered
 *   per input, so tfjs computes only what is asked for.
 * - `softmaxCrossEntropy`: tf.losses.softmaxCrossEntropy is some twenty kernels on a
 *   [batch, 10] tensor, forward and backward; here one each.
 * Both compute what the composites compute (same formulas, float32), so results match
 * across backends within rounding — except the loss's gradient for the labels, which
 * nothing here differentiates: tfjs's op returns dy·(labels − softmax) for it, this one
 * the derivative, −dy·log softmax / n.
 */
import * as tf from "@tensorflow/tfjs";

/** x·W + b, then ReLU if attrs.activation is "relu"; inputs x [n, k], kernel [k, m], bias [m]. */
export const DENSE = "SparringDense";
/** Mean over rows of −Σ labels·log softmax(logits); inputs logits, labels [n, c]; a scalar. */
export const SOFTMAX_CROSS_ENTROPY = "SparringSoftmaxCrossEntropy";
/** dy·(softmax(logits) − labels)/n, the loss's gradient for the logits; inputs dy, logits, labels. */
export const SOFTMAX_CROSS_ENTROPY_GRAD = "SparringSoftmaxCrossEntropyGrad";
/** dy·step(x): ReLU's gradient (also of y = relu(x), whose sign pattern is x's). */
export const RELU_GRAD = "SparringReluGrad";

export type DenseActivation = "linear" | "relu";

/** Whether the active backend runs `kernelName` itself, on float32 inputs. */
function runsOwn(kernelName: string, ...tensors: tf.Tensor[]): boolean {
  return tf.getKernel(kernelName, tf.getBackend()) != null && tensors.every((t) => t.dtype === "float32");
}

/** A dense layer: x [n, k] · kernel [k, m] + bias [m], then the activation. */
export function dense(x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D, activation: DenseActivation): tf.Tensor2D {
  tf.util.assert(
    x.rank === 2 && kernel.rank === 2 && bias.rank === 1 && x.shape[1] === kernel.shape[0] && kernel.shape[1] === bias.shape[0],
    () => `dense: x [n, k], kernel [k, m] and bias [m] expected, got [${x.shape}], [${kernel.shape}] and [${bias.shape}]`,
  );
  if (runsOwn(DENSE, x, kernel, bias)) {
    return tf.engine().runKernel(DENSE, { x, kernel, bias }, { activation }) as tf.Tensor2D;
  }
  const z = tf.add(tf.matMul(x, kernel), bias) as tf.Tensor2D;
  return activation === "relu" ? tf.relu(z) : z;
}

/** Mean softmax cross-entropy of `logits` [n, c] against rows of class probabilities `labels`. */
export function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor2D): tf.Scalar {
  tf.util.assert(
    logits.rank === 2 && tf.util.arraysEqual(logits.shape, labels.shape),
    () => `softmaxCrossEntropy: logits and labels of one shape [n, classes] expected, got [${logits.shape}] and [${labels.shape}]`,
  );
  if (runsOwn(SOFTMAX_CROSS_ENTROPY, logits, labels)) {
    return tf.engine().runKernel(SOFTMAX_CROSS_ENTROPY, { logits, labels }) as tf.Scalar;
  }
  return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
}

function reluGrad(dy: tf.Tensor, y: tf.Tensor): tf.Tensor {
  if (runsOwn(RELU_GRAD, dy, y)) return tf.engine().runKernel(RELU_GRAD, { dy, x: y }) as tf.Tensor;
  return tf.mul(dy, tf.step(y));
}

tf.registerGradient({
  kernelName: DENSE,
  inputsToSave: ["x", "kernel"],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, kernel, y] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    // The gradient at the pre-activation, shared by all three inputs' gradients.
    const dz = (attrs as { activation: DenseActivation }).activation === "relu" ? reluGrad(dy as tf.Tensor, y) : (dy as tf.Tensor);
    return {
      x: () => tf.matMul(dz, kernel, false, true),
      kernel: () => tf.matMul(x, dz, true, false),
      bias: () => tf.sum(dz, 0),
    };
  },
});

tf.registerGradient({
  kernelName: SOFTMAX_CROSS_ENTROPY,
  inputsToSave: ["logits", "labels"],
  gradFunc: (dy, saved) => {
    const [logits, labels] = saved as [tf.Tensor2D, tf.Tensor2D];
    return {
      logits: () => tf.engine().runKernel(SOFTMAX_CROSS_ENTROPY_GRAD, { dy: dy as tf.Tensor, logits, labels }) as tf.Tensor,
      labels: () => tf.mul(tf.neg(tf.logSoftmax(logits)), tf.div(dy as tf.Tensor, logits.shape[0])),
    };
  },
});
