/**
 * The two classifiers of shared/api/training.md, exactly as pinned there:
 * - mlp: 784 → 256 → 256 → 10, ReLU between layers;
 * - cnn: conv 3×3×32, ReLU, max-pool 2 → conv 3×3×64, ReLU, max-pool 2 → dense 128, ReLU
 *   → dense 10 (valid padding, stride 1: 28→26→13→11→5, 1,600 features).
 * Raw variables and plain ops rather than tf.layers: fewer kernels per step, nothing
 * hidden, and a small kernel surface for the native backend to cover.
 *
 * Each CNN block computes relu(maxPool(conv(x)) + b), which equals maxPool(relu(conv(x) + b))
 * — max-pooling commutes with adding a per-channel bias and with the monotone ReLU — and so
 * are their gradients. The bias and ReLU then touch a quarter of the values, forward and
 * backward.
 */
import * as tf from "@tensorflow/tfjs";
import type { Random } from "../data/random.ts";
import { CLASS_COUNT, IMAGE_SIDE, IMAGE_SIZE } from "../data/mnist.ts";
import { applyDense, createConv, createDense, type Conv } from "./parameters.ts";
import { disposeVariables, type Network } from "./network.ts";

export type ClassifierKind = "mlp" | "cnn";

/** Creates a classifier whose initial weights depend only on `random`'s seed. */
export function createClassifier(kind: ClassifierKind, random: Random): Network {
  return kind === "mlp" ? createMlp(random) : createCnn(random);
}

function createMlp(random: Random): Network {
  const hidden1 = createDense(random, IMAGE_SIZE, 256);
  const hidden2 = createDense(random, 256, 256);
  const output = createDense(random, 256, CLASS_COUNT);
  const variables = [hidden1, hidden2, output].flatMap((l) => [l.kernel, l.bias]);
  return {
    variables,
    apply: (images) => {
      const h1 = applyDense(hidden1, images, "relu");
      const h2 = applyDense(hidden2, h1, "relu");
      return applyDense(output, h2);
    },
    dispose: () => disposeVariables(variables),
  };
}

/** conv 3×3 (valid), ReLU, max-pool 2×2, computed as relu(maxPool(conv(x)) + b). */
function convBlock(layer: Conv, x: tf.Tensor4D): tf.Tensor4D {
  return tf.relu(tf.add(tf.maxPool(tf.conv2d(x, layer.filter as tf.Tensor4D, 1, "valid"), 2, 2, "valid"), layer.bias)) as tf.Tensor4D;
}

/** Features after the CNN's second pooling layer: 5 × 5 × 64. */
const CNN_FEATURES = 5 * 5 * 64;

function createCnn(random: Random): Network {
  const conv1 = createConv(random, 3, 1, 32);
  const conv2 = createConv(random, 3, 32, 64);
  const hidden = createDense(random, CNN_FEATURES, 128);
  const output = createDense(random, 128, CLASS_COUNT);
  const variables = [conv1.filter, conv1.bias, conv2.filter, conv2.bias, hidden.kernel, hidden.bias, output.kernel, output.bias];
  return {
    variables,
    apply: (images) => {
      const x = tf.reshape(images, [-1, IMAGE_SIDE, IMAGE_SIDE, 1]) as tf.Tensor4D;
      const c1 = convBlock(conv1, x);
      const c2 = convBlock(conv2, c1);
      const features = tf.reshape(c2, [-1, CNN_FEATURES]) as tf.Tensor2D;
      return applyDense(output, applyDense(hidden, features, "relu"));
    },
    dispose: () => disposeVariables(variables),
  };
}
