/**
 * Projected gradient descent (Madry et al. 2018): iterated FGSM steps of size α, each
 * followed by projection onto the L∞ ball of radius ε around the clean image and onto
 * the valid pixel range [0, 1]. Optionally from a random point of the ball.
 */
import * as tf from "@tensorflow/tfjs";
import { fillUniform, type Random } from "../data/random.ts";
import type { InputLoss } from "./fgsm.ts";

export interface PgdOptions {
  epsilon: number;
  steps: number;
  /** Step size; Madry et al.'s 2.5·ε/steps by default, so the walk can cross the ball. */
  stepSize?: number;
  /** Start from x + U(−ε, ε) drawn from this stream; from x itself when absent. */
  randomStart?: Random;
}

/** The PGD adversarial images for `images`, within ε of them and in [0, 1]. */
export function pgd(loss: InputLoss, images: tf.Tensor2D, options: PgdOptions): tf.Tensor2D {
  const { epsilon, steps } = options;
  const stepSize = options.stepSize ?? (2.5 * epsilon) / steps;
  // In tidy: the scalar ε becomes a tensor that must not outlive the call.
  const [lower, upper] = tf.tidy(() => [tf.clipByValue(tf.sub(images, epsilon), 0, 1), tf.clipByValue(tf.add(images, epsilon), 0, 1)]);
  const project = (x: tf.Tensor): tf.Tensor2D => tf.minimum(tf.maximum(x, lower), upper) as tf.Tensor2D;
  let current = options.randomStart
    ? tf.tidy(() =>
        project(
          tf.add(images, tf.tensor(fillUniform(options.randomStart!, new Float32Array(images.size), -epsilon, epsilon), images.shape)),
        ),
      )
    : tf.clone(images);
  const gradient = tf.grad((x: tf.Tensor) => loss(x as tf.Tensor2D));
  for (let step = 0; step < steps; step++) {
    const next = tf.tidy(() => project(tf.add(current, tf.mul(tf.sign(gradient(current)), stepSize))));
    current.dispose();
    current = next;
  }
  tf.dispose([lower, upper]);
  return current;
}
