/**
 * The GAN method's generator (shared/api/training.md): image → clip(image + ε·tanh(net(image)), 0, 1),
 * so no pixel moves by more than generatorEpsilon. net is a small MLP, 784 → 256 (ReLU) → 784:
 * cheap next to the classifiers and able to shape a perturbation per image.
 */
import * as tf from "@tensorflow/tfjs";
import type { Random } from "../data/random.ts";
import { IMAGE_SIZE } from "../data/mnist.ts";
import { applyDense, createDense } from "./parameters.ts";
import { disposeVariables, type Network } from "./network.ts";

export const GENERATOR_HIDDEN_UNITS = 256;

/** Creates a generator bounded by `epsilon` per pixel, initialised from `random`. */
export function createGenerator(epsilon: number, random: Random): Network {
  const hidden = createDense(random, IMAGE_SIZE, GENERATOR_HIDDEN_UNITS);
  const output = createDense(random, GENERATOR_HIDDEN_UNITS, IMAGE_SIZE);
  const variables = [hidden.kernel, hidden.bias, output.kernel, output.bias];
  return {
    variables,
    apply: (images) => {
      const delta = tf.mul(tf.tanh(applyDense(output, applyDense(hidden, images, "relu"))), epsilon);
      return tf.clipByValue(tf.add(images, delta), 0, 1) as tf.Tensor2D;
    },
    dispose: () => disposeVariables(variables),
  };
}
