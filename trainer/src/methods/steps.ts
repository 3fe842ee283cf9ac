/**
 * One optimiser step of each kind the methods take. Each returns its loss (a scalar the
 * caller reads and disposes); batches are tensors the caller owns.
 */
import * as tf from "@tensorflow/tfjs";
import { fgsm } from "../attacks/fgsm.ts";
import { generatorLoss } from "../attacks/generator-attack.ts";
import { crossEntropy } from "../models/losses.ts";
import type { Network } from "../models/network.ts";

/** The classifier's loss on a batch, as a function of the images (what FGSM differentiates). */
export function classifierLossOn(classifier: Network, oneHot: tf.Tensor2D): (images: tf.Tensor2D) => tf.Scalar {
  return (images) => crossEntropy(classifier.apply(images), oneHot);
}

/** A step on clean images (STANDARD, and GAN pre-training). */
export function cleanStep(classifier: Network, optimizer: tf.Optimizer, images: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return optimizer.minimize(() => crossEntropy(classifier.apply(images), oneHot), true, classifier.variables)!;
}

/**
 * A step on two equally weighted halves, loss = 0.5·L(first) + 0.5·L(second): one batch
 * of twice the size, which is the same mean and one pass instead of two.
 */
export function mixedStep(
  classifier: Network,
  optimizer: tf.Optimizer,
  first: [tf.Tensor2D, tf.Tensor2D],
  second: [tf.Tensor2D, tf.Tensor2D],
): tf.Scalar {
  const images = tf.concat([first[0], second[0]]);
  const oneHot = tf.concat([first[1], second[1]]);
  const loss = optimizer.minimize(() => crossEntropy(classifier.apply(images), oneHot), true, classifier.variables)!;
  tf.dispose([images, oneHot]);
  return loss;
}

/** FGSM adversarial retraining: the batch mixed half and half with its FGSM(ε) images made against the current classifier. */
export function fgsmStep(
  classifier: Network,
  optimizer: tf.Optimizer,
  images: tf.Tensor2D,
  oneHot: tf.Tensor2D,
  epsilon: number,
): tf.Scalar {
  const adversarial = fgsm(classifierLossOn(classifier, oneHot), images, epsilon);
  const loss = mixedStep(classifier, optimizer, [images, oneHot], [adversarial, oneHot]);
  adversarial.dispose();
  return loss;
}

/** A generator step against the frozen classifier (only the generator's variables move). */
export function generatorStep(
  generator: Network,
  classifier: Network,
  optimizer: tf.Optimizer,
  images: tf.Tensor2D,
  oneHot: tf.Tensor2D,
): tf.Scalar {
  return optimizer.minimize(() => generatorLoss(generator, classifier, images, oneHot), true, generator.variables)!;
}
