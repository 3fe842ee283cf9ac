/**
 * The fast gradient sign method (Goodfellow et al. 2014): one step of size ε along the
 * sign of the loss gradient with respect to the input, kept a valid image.
 */
import * as tf from "@tensorflow/tfjs";

/** A loss of a batch of images ([n, 784]) the attacker wants to increase. */
export type InputLoss = (images: tf.Tensor2D) => tf.Scalar;

/** clip(x + ε·sign(∇ₓ loss(x)), 0, 1). The result carries no gradient back to the loss. */
export function fgsm(loss: InputLoss, images: tf.Tensor2D, epsilon: number): tf.Tensor2D {
  return tf.tidy(() => {
    const gradient = tf.grad((x: tf.Tensor) => loss(x as tf.Tensor2D))(images);
    return tf.clipByValue(tf.add(images, tf.mul(tf.sign(gradient), epsilon)), 0, 1) as tf.Tensor2D;
  });
}
