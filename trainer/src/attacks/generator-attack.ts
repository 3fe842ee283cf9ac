/**
 * The generator as an attack: its loss against a frozen classifier, and its perturbed images.
 */
import type * as tf from "@tensorflow/tfjs";
import type { Network } from "../models/network.ts";
import { trueClassProbability } from "../models/losses.ts";

/**
 * The generator's loss: mean p(true class) the classifier gives the perturbed images.
 * The classifier is frozen by differentiating with respect to the generator's variables only.
 */
export function generatorLoss(generator: Network, classifier: Network, images: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return trueClassProbability(classifier.apply(generator.apply(images)), oneHot);
}

/** The generator's perturbed images (within its ε of the input, in [0, 1]). */
export function generatorAttack(generator: Network, images: tf.Tensor2D): tf.Tensor2D {
  return generator.apply(images);
}
