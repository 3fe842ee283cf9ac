/**
 * Training and attack throughput of the trainer's own code (models, steps, attacks) on the
 * active backend, for benchmarks: batch 128 (training.md's reference), Adam, real MNIST
 * batches, measured in steady state after a warm-up.
 */
import * as tf from "@tensorflow/tfjs";
import { fgsm } from "../attacks/fgsm.ts";
import { createBatchSampler } from "../data/batches.ts";
import { loadMnist } from "../data/mnist.ts";
import { createRandom } from "../data/random.ts";
import { createClassifier, type ClassifierKind } from "../models/classifier.ts";
import { createGenerator } from "../models/generator.ts";
import type { Network } from "../models/network.ts";
import { batchTensors } from "./phases.ts";
import { classifierLossOn, cleanStep, generatorStep } from "./steps.ts";

export interface ThroughputOptions {
  batchSize?: number;
  /** Untimed steps first (kernel setup, JIT, allocator warm-up). */
  warmupSteps?: number;
  /** Timed windows; the result is their median examples per second. */
  windows?: number;
  /** Length of one window in seconds (at least one step). */
  windowSeconds?: number;
}

/** A unit of work over one batch; it disposes what it makes. */
export type BatchWork = (images: tf.Tensor2D, oneHot: tf.Tensor2D) => void;

/** Examples per second of `work` on MNIST batches: the median over timed windows. */
export function measureThroughput(work: BatchWork, options: ThroughputOptions = {}): number {
  const { batchSize = 128, warmupSteps = 5, windows = 5, windowSeconds = 1.5 } = options;
  const sampler = createBatchSampler(loadMnist().train, createRandom(1));
  const step = () => {
    const [images, oneHot] = batchTensors(sampler.next(batchSize));
    work(images, oneHot);
    tf.dispose([images, oneHot]);
  };
  for (let i = 0; i < warmupSteps; i++) step();
  const rates: number[] = [];
  for (let w = 0; w < windows; w++) {
    const started = performance.now();
    let steps = 0;
    do {
      step();
      steps++;
    } while (performance.now() - started < windowSeconds * 1000);
    rates.push((steps * batchSize) / ((performance.now() - started) / 1000));
  }
  return rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)]!;
}

function withNetworks<T>(networks: Network[], optimizers: tf.Optimizer[], measure: () => T): T {
  try {
    return measure();
  } finally {
    networks.forEach((n) => n.dispose());
    optimizers.forEach((o) => o.dispose());
  }
}

/** Classifier training steps (clean batches, Adam), examples per second. */
export function classifierTrainingThroughput(kind: ClassifierKind, options: ThroughputOptions = {}): number {
  const classifier = createClassifier(kind, createRandom(1));
  const optimizer = tf.train.adam(0.001);
  return withNetworks([classifier], [optimizer], () =>
    measureThroughput((x, y) => cleanStep(classifier, optimizer, x, y).dispose(), options),
  );
}

/** Generator training steps against a frozen classifier, examples per second. */
export function generatorTrainingThroughput(kind: ClassifierKind = "mlp", options: ThroughputOptions = {}): number {
  const classifier = createClassifier(kind, createRandom(1));
  const generator = createGenerator(0.5, createRandom(2));
  const optimizer = tf.train.adam(0.001);
  return withNetworks([classifier, generator], [optimizer], () =>
    measureThroughput((x, y) => generatorStep(generator, classifier, optimizer, x, y).dispose(), options),
  );
}

/** FGSM example generation (one input gradient per batch), examples per second. */
export function fgsmAttackThroughput(kind: ClassifierKind = "cnn", options: ThroughputOptions = {}): number {
  const classifier = createClassifier(kind, createRandom(1));
  return withNetworks([classifier], [], () =>
    measureThroughput((x, y) => {
      const adversarial = fgsm(classifierLossOn(classifier, y), x, 0.25);
      adversarial.dataSync();
      adversarial.dispose();
    }, options),
  );
}
