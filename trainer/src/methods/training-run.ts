/**
 * The seam between the training math and the outside world. A method (STANDARD, FGSM,
 * GAN) trains with a resolved config and reports through a TrainingReporter; it knows
 * nothing of GraphQL, HTTP or terminals. The reporter (trainer/src/report/) buffers and
 * delivers to the API; the CLI renders progress.
 *
 * Metric keys and steps (shared/api/training.md):
 * - per cycle, step = cycle (0 = after pre-training): ratio, generator_loss,
 *   classifier_loss, clean_accuracy, fgsm_accuracy, generator_attack_accuracy,
 *   examples_per_second;
 *   cycle 0 of STANDARD and FGSM is the untrained model (clean and FGSM accuracy only);
 *   examples_per_second = batchSize × optimiser steps (classifier and generator) per
 *   second of the cycle's training, evaluation excluded;
 * - end of run, step = round(ε × 1000) (so a series plots accuracy against ε):
 *   robustness/fgsm_accuracy, robustness/pgd_accuracy, robustness/generator_accuracy.
 * Image kinds: fgsm-examples, generator-examples (step = cycle), at cycles 0, 1, every
 * fifth and the last. The sweep judges min(testSize, 2000) test digits; its generator is
 * a fresh one (generatorEpsilon = ε) trained unitSteps steps on the final, frozen classifier.
 * The entry point is train() in ./train.ts.
 */
import type { TrainingConfig, TrainingMethod } from "../config/training-config.ts";

export interface MetricPointOut {
  key: string;
  step: number;
  value: number;
  /** ISO-8601 time the value was measured. */
  wallTime?: string;
}

export type Phase = "pretrain" | "generator" | "classifier" | "evaluate" | "sweep";

export interface Progress {
  /** Current cycle, 0 during pre-training. */
  cycle: number;
  cycles: number;
  phase: Phase;
  /** Units (or steps while pre-training) done in this phase, and planned (undefined when adaptive). */
  unit: number;
  units: number | undefined;
  /** Estimated seconds to the end of the run, when known. */
  etaSeconds: number | undefined;
  /** Latest value of each per-cycle metric. */
  latest: Record<string, number>;
  backend: string;
}

export interface TrainingReporter {
  /** Queues points for delivery; never blocks training. */
  metrics(points: MetricPointOut[]): void;
  /** Queues a PNG for delivery. */
  image(step: number, kind: string, png: Uint8Array, caption?: string): void;
  progress(progress: Progress): void;
  /** True once the run was canceled: the method stops within one unit and reports nothing more. */
  shouldStop(): boolean;
}

export interface TrainingRequest {
  method: TrainingMethod;
  config: TrainingConfig;
  reporter: TrainingReporter;
}

export type TrainingOutcome = { status: "SUCCEEDED" } | { status: "CANCELED" };
