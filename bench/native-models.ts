/**
 * The two classifiers of shared/api/training.md built from raw variables and plain ops
 * (matMul + bias + ReLU, conv2d + bias + ReLU + maxPool), as the trainer builds them,
 * for benchmarking backends independently of the trainer's code.
 */
import * as tf from "@tensorflow/tfjs";

export type BenchKind = "mlp" | "cnn";

export interface BenchClassifier {
  variables: tf.Variable[];
  /** Logits [n, 10] for flattened images [n, 784]. */
  apply(images: tf.Tensor2D): tf.Tensor2D;
}

/** Glorot-uniform weights from a fixed-seed JavaScript stream (same on every backend). */
function glorot(shape: number[], fanIn: number, fanOut: number, seed: { state: number }): tf.Variable {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) {
    seed.state = (Math.imul(seed.state, 1664525) + 1013904223) >>> 0;
    values[i] = (seed.state / 4294967296) * 2 * limit - limit;
  }
  return tf.variable(tf.tensor(values, shape));
}

function dense(x: tf.Tensor2D, kernel: tf.Variable, bias: tf.Variable): tf.Tensor2D {
  return tf.add(tf.matMul(x, kernel as tf.Tensor2D), bias);
}

function conv(x: tf.Tensor4D, filter: tf.Variable, bias: tf.Variable): tf.Tensor4D {
  return tf.add(tf.conv2d(x, filter as tf.Tensor4D, 1, "valid"), bias);
}

/** A classifier of `kind` whose initial weights depend only on `seed`. */
export function createBenchClassifier(kind: BenchKind, seed = 1): BenchClassifier {
  const s = { state: seed >>> 0 };
  if (kind === "mlp") {
    const v = [glorot([784, 256], 784, 256, s), tf.variable(tf.zeros([256])), glorot([256, 256], 256, 256, s), tf.variable(tf.zeros([256])), glorot([256, 10], 256, 10, s), tf.variable(tf.zeros([10]))] as const;
    return {
      variables: [...v],
      apply: (x) => dense(tf.relu(dense(tf.relu(dense(x, v[0], v[1])), v[2], v[3])), v[4], v[5]),
    };
  }
  const v = [
    glorot([3, 3, 1, 32], 9, 9 * 32, s), tf.variable(tf.zeros([32])),
    glorot([3, 3, 32, 64], 9 * 32, 9 * 64, s), tf.variable(tf.zeros([64])),
    glorot([1600, 128], 1600, 128, s), tf.variable(tf.zeros([128])),
    glorot([128, 10], 128, 10, s), tf.variable(tf.zeros([10])),
  ] as const;
  return {
    variables: [...v],
    apply: (images) => {
      const x = tf.reshape(images, [-1, 28, 28, 1]) as tf.Tensor4D;
      const c1 = tf.maxPool(tf.relu(conv(x, v[0], v[1])), 2, 2, "valid");
      const c2 = tf.maxPool(tf.relu(conv(c1, v[2], v[3])), 2, 2, "valid");
      const features = tf.reshape(c2, [-1, 1600]) as tf.Tensor2D;
      return dense(tf.relu(dense(features, v[4], v[5])), v[6], v[7]);
    },
  };
}
