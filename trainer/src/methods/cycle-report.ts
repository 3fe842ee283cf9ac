/**
 * What a run reports after each cycle: the per-cycle metrics of shared/api/training.md and,
 * at some cycles, the example grids (fgsm-examples; generator-examples for GAN).
 */
import * as tf from "@tensorflow/tfjs";
import { fgsm } from "../attacks/fgsm.ts";
import { generatorAttack } from "../attacks/generator-attack.ts";
import type { Network } from "../models/network.ts";
import { accuracy, attackedImages, predictions, type Attack } from "./evaluation.ts";
import { renderExampleGrid } from "./images/example-grid.ts";
import { encodePng } from "./images/png.ts";
import { ensureRunning } from "./phases.ts";
import type { RunContext } from "./run-context.ts";
import type { MetricPointOut } from "./training-run.ts";

/** FGSM(ε) against the classifier as it is now. */
export function fgsmAttack(classifier: Network, epsilon: number): Attack {
  return (images, oneHot) => fgsm((x) => tf.losses.softmaxCrossEntropy(oneHot, classifier.apply(x)) as tf.Scalar, images, epsilon);
}

/** The generator's perturbation as an attack. */
export function generatorAsAttack(generator: Network): Attack {
  return (images) => tf.tidy(() => generatorAttack(generator, images));
}

export interface CycleEvaluation {
  clean_accuracy: number;
  fgsm_accuracy: number;
  generator_attack_accuracy?: number;
}

/** Clean, FGSM(ε) and (GAN) generator-attack accuracy on the test subset. */
export async function evaluateCycle(context: RunContext): Promise<CycleEvaluation> {
  const { classifier, test, config, gan } = context;
  const running = () => ensureRunning(context);
  const result: CycleEvaluation = {
    clean_accuracy: await accuracy(classifier, test, undefined, running),
    fgsm_accuracy: await accuracy(classifier, test, fgsmAttack(classifier, config.epsilon), running),
  };
  if (gan) result.generator_attack_accuracy = await accuracy(classifier, test, generatorAsAttack(gan.generator), running);
  return result;
}

/** Metric points at `step` for every defined value (undefined and NaN are left out). */
export function metricPoints(step: number, values: Record<string, number | undefined>, wallTime: Date = new Date()): MetricPointOut[] {
  return Object.entries(values)
    .filter((entry): entry is [string, number] => entry[1] !== undefined && Number.isFinite(entry[1]))
    .map(([key, value]) => ({ key, step, value, wallTime: wallTime.toISOString() }));
}

/** Cycles with example grids: the first two (0 and 1), every fifth, and the last. */
export function isImageCycle(cycle: number, cycles: number): boolean {
  return cycle <= 1 || cycle === cycles || cycle % 5 === 0;
}

/** Renders and reports the example grids of `cycle`. */
export async function reportExamples(context: RunContext, cycle: number): Promise<void> {
  const { shown, classifier, config, gan } = context;
  if (shown.count === 0) return;
  const clean = await predictions(classifier, shown);
  const grids: { kind: string; attack: Attack; caption: string }[] = [
    { kind: "fgsm-examples", attack: fgsmAttack(classifier, config.epsilon), caption: `FGSM ε=${config.epsilon}` },
  ];
  if (gan)
    grids.push({ kind: "generator-examples", attack: generatorAsAttack(gan.generator), caption: `generator ε=${config.generatorEpsilon}` });
  for (const grid of grids) {
    const raster = renderExampleGrid({
      clean: shown.images,
      perturbed: attackedImages(shown, grid.attack),
      labels: shown.labels,
      cleanPredictions: clean,
      perturbedPredictions: await predictions(classifier, shown, grid.attack),
    });
    ensureRunning(context);
    context.reporter.image(
      cycle,
      grid.kind,
      encodePng(raster.width, raster.height, raster.rgb),
      `${grid.caption}, cycle ${cycle}: clean rows above perturbed rows; predicted labels, green when right`,
    );
  }
}
