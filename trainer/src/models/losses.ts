/**
 * The losses of shared/api/training.md, on logits [n, 10] and one-hot labels [n, 10].
 */
import * as tf from "@tensorflow/tfjs";
import { softmaxCrossEntropy } from "../compute/fused-ops.ts";
import { CLASS_COUNT } from "../data/mnist.ts";

/** Mean softmax cross-entropy: the classifier's training loss. */
export function crossEntropy(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return softmaxCrossEntropy(logits, oneHot);
}

/**
 * Mean probability the classifier gives the true class: the generator's loss
 * (1 − the paper's "wrongness"), which it minimises.
 */
export function trueClassProbability(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return tf.mean(tf.sum(tf.mul(tf.softmax(logits), oneHot), 1));
}

/** One-hot rows for `labels`, made in JavaScript (no int32 kernels needed). */
export function oneHotLabels(labels: Uint8Array): tf.Tensor2D {
  const values = new Float32Array(labels.length * CLASS_COUNT);
  for (let i = 0; i < labels.length; i++) values[i * CLASS_COUNT + labels[i]!] = 1;
  return tf.tensor2d(values, [labels.length, CLASS_COUNT]);
}

/** How many rows of `logits` have their largest value at the true class. */
export function countCorrect(logits: tf.Tensor2D, labels: Uint8Array): number {
  const predicted = predictedLabels(logits);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  return correct;
}

/** The predicted class of each row (first maximum). */
export function predictedLabels(logits: tf.Tensor2D): Uint8Array {
  const [rows, columns] = logits.shape;
  const values = logits.dataSync();
  const predicted = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < columns; c++) if (values[r * columns + c]! > values[r * columns + best]!) best = c;
    predicted[r] = best;
  }
  return predicted;
}
