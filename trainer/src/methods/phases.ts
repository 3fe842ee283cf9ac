/**
 * The training phases of a cycle (shared/api/training.md): pre-training, the generator's
 * units against the frozen classifier, producing perturbed images for the pool, and the
 * classifier's unit — clean (STANDARD), FGSM-mixed (FGSM) or pool-mixed (GAN).
 */
import * as tf from "@tensorflow/tfjs";
import type { Batch, BatchSampler } from "../data/batches.ts";
import { IMAGE_SIZE } from "../data/mnist.ts";
import { oneHotLabels } from "../models/losses.ts";
import type { Network } from "../models/network.ts";
import { trainsAnotherUnit } from "../schedules/ratio-schedule.ts";
import { yieldToEventLoop } from "./evaluation.ts";
import type { RunPosition } from "./eta.ts";
import type { ProgressTracker } from "./progress-tracker.ts";
import type { GanParts, RunContext } from "./run-context.ts";
import { cleanStep, fgsmStep, generatorStep, mixedStep } from "./steps.ts";

/** Thrown when the reporter asks the run to stop; train() turns it into CANCELED. */
export class RunCanceled extends Error {
  constructor() {
    super("run canceled");
    this.name = "RunCanceled";
  }
}

/** Stops the run if it was canceled. Called before every step and every report. */
export function ensureRunning(context: RunContext): void {
  if (context.reporter.shouldStop()) throw new RunCanceled();
}

type Where = (stepsDone: number) => RunPosition & { unit: number; units: number | undefined };

/** Tensors of a batch: images and one-hot labels. */
export function batchTensors(batch: Batch): [tf.Tensor2D, tf.Tensor2D] {
  return [tf.tensor2d(batch.images, [batch.size, IMAGE_SIZE]), oneHotLabels(batch.labels)];
}

/**
 * Runs `steps` optimiser steps on batches from `sampler`, checking for cancellation and
 * reporting progress between them. Returns the mean loss of those steps.
 */
export async function runSteps(
  context: RunContext,
  tracker: ProgressTracker,
  options: { steps: number; kind: "classifier" | "generator"; sampler: BatchSampler; where: Where },
  step: (images: tf.Tensor2D, oneHot: tf.Tensor2D) => tf.Scalar,
): Promise<number> {
  let total = 0;
  // Announce the phase (or unit) at once; within it, reports are throttled.
  ensureRunning(context);
  tracker.at(options.where(0), true);
  for (let done = 0; done < options.steps; done++) {
    ensureRunning(context);
    const started = performance.now();
    const [images, oneHot] = batchTensors(options.sampler.next(context.config.batchSize));
    const loss = step(images, oneHot);
    total += loss.dataSync()[0]!;
    tf.dispose([images, oneHot, loss]);
    tracker.stepTimed(options.kind, (performance.now() - started) / 1000);
    tracker.at(options.where(done + 1));
    await yieldToEventLoop();
  }
  return options.steps > 0 ? total / options.steps : Number.NaN;
}

/** GAN step 1: the classifier on clean images for pretrainSteps; the mean loss of its last unit. */
export async function pretrain(context: RunContext, tracker: ProgressTracker): Promise<number | undefined> {
  const { pretrainSteps, unitSteps } = context.config;
  const where: Where = (done) => ({ cycle: 0, phase: "pretrain", stepsDone: done, unitsDone: 0, unit: done, units: pretrainSteps });
  let lastLoss: number | undefined;
  for (let done = 0; done < pretrainSteps; done += unitSteps) {
    const steps = Math.min(unitSteps, pretrainSteps - done);
    lastLoss = await runSteps(
      context,
      tracker,
      { steps, kind: "classifier", sampler: context.sampler, where: (d) => where(done + d) },
      (x, y) => cleanStep(context.classifier, context.optimizer, x, y),
    );
  }
  return lastLoss;
}

export interface GeneratorPhaseResult {
  /** Units trained: the cycle's ratio. */
  ratio: number;
  /** Mean generator loss over the last unit. */
  loss: number;
  steps: number;
}

/** GAN step 2: the generator trains unit after unit (as the schedule says) with the classifier frozen. */
export async function generatorPhase(
  context: RunContext,
  gan: GanParts,
  tracker: ProgressTracker,
  cycle: number,
  plannedUnits: number | undefined,
): Promise<GeneratorPhaseResult> {
  const { schedule, unitSteps } = context.config;
  let units = 0;
  let loss: number | undefined;
  while (trainsAnotherUnit(schedule, cycle, units, loss)) {
    const unitsDone = units;
    loss = await runSteps(
      context,
      tracker,
      {
        steps: unitSteps,
        kind: "generator",
        sampler: gan.sampler,
        where: (done) => ({ cycle, phase: "generator", stepsDone: done, unitsDone, unit: unitsDone, units: plannedUnits }),
      },
      (x, y) => generatorStep(gan.generator, context.classifier, gan.optimizer, x, y),
    );
    units++;
    tracker.at({ cycle, phase: "generator", stepsDone: 0, unitsDone: units, unit: units, units: plannedUnits });
  }
  tracker.ratioTaken(units);
  return { ratio: units, loss: loss ?? Number.NaN, steps: units * unitSteps };
}

/**
 * GAN step 3: perturbed versions of fresh training digits, with their original labels,
 * into the pool — as many as the classifier's next unit consumes (at most trainSize).
 */
export async function producePerturbed(context: RunContext, gan: GanParts): Promise<void> {
  const { unitSteps, batchSize, trainSize } = context.config;
  let left = Math.min(trainSize, unitSteps * batchSize);
  while (left > 0) {
    ensureRunning(context);
    const batch = gan.sampler.next(Math.min(left, 512));
    const images = tf.tensor2d(batch.images, [batch.size, IMAGE_SIZE]);
    const perturbed = tf.tidy(() => gan.generator.apply(images));
    gan.pool.add(perturbed.dataSync() as Float32Array, batch.labels);
    tf.dispose([images, perturbed]);
    left -= batch.size;
    await yieldToEventLoop();
  }
}

/** One unit of classifier training, as the method prescribes; its mean loss. */
export async function classifierPhase(context: RunContext, tracker: ProgressTracker, cycle: number): Promise<number> {
  const { classifier, optimizer, config, gan } = context;
  const step = (x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar => {
    if (context.method === "FGSM") return fgsmStep(classifier, optimizer, x, y, config.epsilon);
    if (context.method === "GAN" && gan && gan.pool.size > 0) return poolMixedStep(classifier, optimizer, gan, x, y, config.batchSize);
    return cleanStep(classifier, optimizer, x, y);
  };
  return runSteps(
    context,
    tracker,
    {
      steps: config.unitSteps,
      kind: "classifier",
      sampler: context.sampler,
      where: (done) => ({ cycle, phase: "classifier", stepsDone: done, unitsDone: 0, unit: 0, units: 1 }),
    },
    step,
  );
}

/** GAN step 4: clean images mixed half and half with perturbed ones from the pool. */
function poolMixedStep(
  classifier: Network,
  optimizer: tf.Optimizer,
  gan: GanParts,
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  batchSize: number,
): tf.Scalar {
  const pooled = batchTensors(gan.pool.sample(batchSize, gan.poolRandom));
  const loss = mixedStep(classifier, optimizer, [x, y], pooled);
  tf.dispose(pooled);
  return loss;
}
