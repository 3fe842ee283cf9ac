/**
 * The end-of-run robustness sweep: for each ε of config.sweepEpsilons, accuracy on the
 * sweep set against FGSM, against PGD (Madry et al., a stronger attack no method trained
 * on) and against a fresh generator trained on the final frozen classifier — which asks
 * whether a model resists attacks it never saw. Metric keys robustness/…, step round(ε·1000).
 */
import * as tf from "@tensorflow/tfjs";
import { pgd } from "../attacks/pgd.ts";
import { createBatchSampler } from "../data/batches.ts";
import { createGenerator } from "../models/generator.ts";
import { accuracy, type Attack } from "./evaluation.ts";
import { fgsmAttack, generatorAsAttack, metricPoints } from "./cycle-report.ts";
import { ensureRunning, runSteps } from "./phases.ts";
import type { ProgressTracker } from "./progress-tracker.ts";
import type { RunContext } from "./run-context.ts";
import { generatorStep } from "./steps.ts";

/** The metric step of a sweep point: ε in thousandths (0.25 → 250). */
export function sweepStep(epsilon: number): number {
  return Math.round(epsilon * 1000);
}

export async function robustnessSweep(context: RunContext, tracker: ProgressTracker): Promise<void> {
  const { classifier, config, sweepSet } = context;
  const epsilons = config.sweepEpsilons;
  for (const [index, epsilon] of epsilons.entries()) {
    ensureRunning(context);
    tracker.sweepLeft((epsilons.length - index) / epsilons.length);
    const where = { cycle: config.cycles, phase: "sweep" as const, stepsDone: 0, unitsDone: 0, unit: index, units: epsilons.length };
    tracker.at(where, true);
    const pgdAttack: Attack = (images, oneHot) =>
      pgd((x) => tf.losses.softmaxCrossEntropy(oneHot, classifier.apply(x)) as tf.Scalar, images, {
        epsilon,
        steps: config.pgdSteps,
        randomStart: context.pgdRandom,
      });
    const running = () => ensureRunning(context);
    const fgsmAccuracy = await accuracy(classifier, sweepSet, fgsmAttack(classifier, epsilon), running);
    const pgdAccuracy = await accuracy(classifier, sweepSet, pgdAttack, running);
    const generator = createGenerator(epsilon, context.sweepRandom.fork());
    const optimizer = tf.train.adam(config.learningRate);
    try {
      await runSteps(
        context,
        tracker,
        {
          steps: config.unitSteps,
          kind: "generator",
          sampler: createBatchSampler(context.train, context.sweepRandom.fork()),
          where: () => where,
        },
        (x, y) => generatorStep(generator, classifier, optimizer, x, y),
      );
      const generatorAccuracy = await accuracy(classifier, sweepSet, generatorAsAttack(generator), running);
      ensureRunning(context);
      context.reporter.metrics(
        metricPoints(sweepStep(epsilon), {
          "robustness/fgsm_accuracy": fgsmAccuracy,
          "robustness/pgd_accuracy": pgdAccuracy,
          "robustness/generator_accuracy": generatorAccuracy,
        }),
      );
    } finally {
      generator.dispose();
      optimizer.dispose();
    }
  }
  tracker.sweepLeft(0);
}
