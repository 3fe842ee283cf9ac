/**
 * Everything one training run holds: its data subsets, networks, optimisers, batch
 * samplers and seeded random streams, made in a fixed order from the seed so that the
 * same seed and config give the same run.
 */
import * as tf from "@tensorflow/tfjs";
import type { TrainingConfig, TrainingMethod } from "../config/training-config.ts";
import { createBatchSampler, type BatchSampler } from "../data/batches.ts";
import { loadMnist, randomSubset, selectDigits, type Digits } from "../data/mnist.ts";
import { createRandom, type Random } from "../data/random.ts";
import { createClassifier } from "../models/classifier.ts";
import { createGenerator } from "../models/generator.ts";
import type { Network } from "../models/network.ts";
import { createPerturbedPool, type PerturbedPool } from "./perturbed-pool.ts";
import type { TrainingReporter } from "./training-run.ts";

/** Test digits of the end-of-run sweep: enough for a stable accuracy, few enough to bound PGD's cost. */
export const SWEEP_SIZE_LIMIT = 2000;

export interface GanParts {
  generator: Network;
  optimizer: tf.Optimizer;
  sampler: BatchSampler;
  pool: PerturbedPool;
  poolRandom: Random;
}

export interface RunContext {
  method: TrainingMethod;
  config: TrainingConfig;
  reporter: TrainingReporter;
  backend: string;
  train: Digits;
  test: Digits;
  /** The first test digits, shown in the example grids (the same ones every cycle). */
  shown: Digits;
  /** The first test digits, judged by the end-of-run sweep. */
  sweepSet: Digits;
  classifier: Network;
  optimizer: tf.Optimizer;
  sampler: BatchSampler;
  gan: GanParts | undefined;
  /** Streams for PGD's random starts and the sweep's fresh generators. */
  pgdRandom: Random;
  sweepRandom: Random;
}

/** Builds a run's state; the caller disposes it with disposeRunContext. */
export function createRunContext(method: TrainingMethod, config: TrainingConfig, reporter: TrainingReporter, backend: string): RunContext {
  const root = createRandom(config.seed);
  // The fork order is part of the run's identity: append new streams, never reorder.
  const [
    trainRandom,
    testRandom,
    classifierRandom,
    batchRandom,
    generatorRandom,
    generatorBatchRandom,
    poolRandom,
    pgdRandom,
    sweepRandom,
  ] = Array.from({ length: 9 }, () => root.fork()) as [Random, Random, Random, Random, Random, Random, Random, Random, Random];
  const mnist = loadMnist();
  const train = randomSubset(mnist.train, config.trainSize, trainRandom);
  const test = randomSubset(mnist.test, config.testSize, testRandom);
  const firstOf = (n: number) =>
    selectDigits(
      test,
      Array.from({ length: Math.min(n, test.count) }, (_, i) => i),
    );
  const classifier = createClassifier(config.classifier, classifierRandom);
  const gan: GanParts | undefined =
    method === "GAN"
      ? {
          generator: createGenerator(config.generatorEpsilon, generatorRandom),
          optimizer: tf.train.adam(config.learningRate),
          sampler: createBatchSampler(train, generatorBatchRandom),
          pool: createPerturbedPool(config.trainSize),
          poolRandom,
        }
      : undefined;
  return {
    method,
    config,
    reporter,
    backend,
    train,
    test,
    shown: firstOf(config.imageCount),
    sweepSet: firstOf(SWEEP_SIZE_LIMIT),
    classifier,
    optimizer: tf.train.adam(config.learningRate),
    sampler: createBatchSampler(train, batchRandom),
    gan,
    pgdRandom,
    sweepRandom,
  };
}

/** Frees every tensor a run holds. */
export function disposeRunContext(context: RunContext): void {
  context.classifier.dispose();
  context.optimizer.dispose();
  context.gan?.generator.dispose();
  context.gan?.optimizer.dispose();
}
