/**
 * Seeded initial weights. Values are drawn in JavaScript from the run's seeded stream, not
 * by the backend's random ops, so the same seed gives the same weights on every backend.
 */
import * as tf from "@tensorflow/tfjs";
import { dense, type DenseActivation } from "../compute/fused-ops.ts";
import { fillUniform, type Random } from "../data/random.ts";

/**
 * A variable of `shape` drawn from the Glorot (Xavier) uniform distribution, the Keras
 * default for dense and convolution kernels: U(±√(6 / (fanIn + fanOut))).
 */
export function glorotUniform(random: Random, shape: number[], fanIn: number, fanOut: number): tf.Variable {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return trainable(fillUniform(random, new Float32Array(shape.reduce((a, b) => a * b, 1)), -limit, limit), shape);
}

/** A variable of zeros (biases start at zero, as in Keras). */
export function zeros(shape: number[]): tf.Variable {
  return trainable(new Float32Array(shape.reduce((a, b) => a * b, 1)), shape);
}

/** A trainable variable holding `values` (tfjs names it uniquely; the initial tensor is freed). */
function trainable(values: Float32Array, shape: number[]): tf.Variable {
  const initial = tf.tensor(values, shape);
  const variable = tf.variable(initial, true);
  initial.dispose();
  return variable;
}

/** Weights and bias of a dense layer from `inputs` to `outputs` units. */
export interface Dense {
  kernel: tf.Variable;
  bias: tf.Variable;
}

export function createDense(random: Random, inputs: number, outputs: number): Dense {
  return { kernel: glorotUniform(random, [inputs, outputs], inputs, outputs), bias: zeros([outputs]) };
}

/** x·W + b for a batch x of shape [n, inputs], then the activation: one fused op. */
export function applyDense(layer: Dense, x: tf.Tensor2D, activation: DenseActivation = "linear"): tf.Tensor2D {
  return dense(x, layer.kernel as tf.Tensor2D, layer.bias as tf.Tensor1D, activation);
}

/** Filters ([size, size, inputs, outputs], NHWC) and bias of a convolution layer. */
export interface Conv {
  filter: tf.Variable;
  bias: tf.Variable;
}

export function createConv(random: Random, size: number, inputs: number, outputs: number): Conv {
  const field = size * size;
  return {
    filter: glorotUniform(random, [size, size, inputs, outputs], field * inputs, field * outputs),
    bias: zeros([outputs]),
  };
}
