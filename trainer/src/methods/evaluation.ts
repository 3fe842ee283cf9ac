/**
 * Accuracy of a classifier on a set of digits, clean or under an attack, in chunks so that
 * a 10,000-image test set never sits in memory as one batch of activations.
 */
import * as tf from "@tensorflow/tfjs";
import { IMAGE_SIZE, type Digits } from "../data/mnist.ts";
import { oneHotLabels, predictedLabels } from "../models/losses.ts";
import type { Network } from "../models/network.ts";

/** Turns clean images (and their one-hot labels) into the images the classifier is judged on. */
export type Attack = (images: tf.Tensor2D, oneHot: tf.Tensor2D) => tf.Tensor2D;

const CHUNK = 500;

/** Gives the event loop a turn, so that reporting (HTTP, timers) keeps up with training. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Images of digits `from`..`to` as a tensor with their one-hot labels. */
export function digitTensors(digits: Digits, from: number, to: number): [tf.Tensor2D, tf.Tensor2D] {
  const images = tf.tensor2d(digits.images.subarray(from * IMAGE_SIZE, to * IMAGE_SIZE), [to - from, IMAGE_SIZE]);
  return [images, oneHotLabels(digits.labels.subarray(from, to))];
}

/** Called between chunks; throws to abandon an evaluation (a canceled run). */
export type Checkpoint = () => void;

/** What the classifier predicts for each digit, after `attack` when given. */
export async function predictions(classifier: Network, digits: Digits, attack?: Attack, checkpoint?: Checkpoint): Promise<Uint8Array> {
  const predicted = new Uint8Array(digits.count);
  for (let from = 0; from < digits.count; from += CHUNK) {
    checkpoint?.();
    const to = Math.min(digits.count, from + CHUNK);
    const [images, oneHot] = digitTensors(digits, from, to);
    const judged = attack ? attack(images, oneHot) : images;
    const logits = tf.tidy(() => classifier.apply(judged));
    predicted.set(predictedLabels(logits), from);
    tf.dispose([images, oneHot, judged, logits]);
    await yieldToEventLoop();
  }
  return predicted;
}

/** The fraction of digits classified correctly, after `attack` when given. */
export async function accuracy(classifier: Network, digits: Digits, attack?: Attack, checkpoint?: Checkpoint): Promise<number> {
  const predicted = await predictions(classifier, digits, attack, checkpoint);
  let correct = 0;
  for (let i = 0; i < digits.count; i++) if (predicted[i] === digits.labels[i]) correct++;
  return digits.count === 0 ? 0 : correct / digits.count;
}

/** The attacked images of a few digits (for the example grids), as plain values. */
export function attackedImages(digits: Digits, attack: Attack): Float32Array {
  const [images, oneHot] = digitTensors(digits, 0, digits.count);
  const attacked = attack(images, oneHot);
  const values = attacked.dataSync() as Float32Array;
  tf.dispose([images, oneHot, attacked]);
  return Float32Array.from(values);
}
