/**
 * What the training methods need of a network: its trainable variables and a forward
 * pass over a batch of flattened 28×28 images ([n, 784] in [0, 1]).
 */
import type * as tf from "@tensorflow/tfjs";

export interface Network {
  /** The trainable variables, in a fixed order (the optimiser and determinism rely on it). */
  readonly variables: tf.Variable[];
  /** The forward pass: logits [n, 10] for a classifier, perturbed images [n, 784] for a generator. */
  apply(images: tf.Tensor2D): tf.Tensor2D;
  /** Frees the variables. */
  dispose(): void;
}

/** Disposes every variable of a network. */
export function disposeVariables(variables: tf.Variable[]): void {
  for (const variable of variables) variable.dispose();
}
