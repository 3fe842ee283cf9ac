/**
 * Estimated time to the end of a run, from how long each kind of work has taken so far.
 * Pure: the run measures, this adds up.
 */

/** Average seconds per piece of work; undefined until measured once. */
export interface WorkRates {
  classifierStep?: number;
  generatorStep?: number;
  evaluation?: number;
}

/** Work still to do. */
export interface RemainingWork {
  classifierSteps: number;
  generatorSteps: number;
  evaluations: number;
}

/**
 * Seconds the remaining work should take, or undefined while no rate is known. A kind of
 * step not yet measured is costed like the other kind (the networks are of similar size).
 */
export function estimateSeconds(rates: WorkRates, remaining: RemainingWork): number | undefined {
  const step = rates.classifierStep ?? rates.generatorStep;
  if (step === undefined) return undefined;
  const seconds =
    remaining.classifierSteps * (rates.classifierStep ?? step) +
    remaining.generatorSteps * (rates.generatorStep ?? step) +
    remaining.evaluations * (rates.evaluation ?? 0);
  return Math.max(0, Math.round(seconds));
}

/** Folds a new measurement into a running average (a plain mean of the first few, then a slow drift). */
export function updateRate(previous: number | undefined, measured: number, samples: number): number {
  if (previous === undefined) return measured;
  const weight = Math.max(1 / Math.max(samples, 1), 0.05);
  return previous + (measured - previous) * weight;
}

/** Where a run is, as far as its remaining work is concerned. */
export interface RunPosition {
  /** 0 during pre-training and the first evaluation. */
  cycle: number;
  phase: "pretrain" | "generator" | "classifier" | "evaluate" | "sweep";
  /** Optimiser steps done in the current unit (pre-training: in the whole phase). */
  stepsDone: number;
  /** Generator units finished in the current cycle. */
  unitsDone: number;
}

/** The parts of a run's configuration its amount of work depends on. */
export interface RunShape {
  gan: boolean;
  cycles: number;
  unitSteps: number;
  pretrainSteps: number;
  /** Generator units expected in a cycle (the schedule's plan, or an average). */
  ratioOf: (cycle: number) => number;
  /** Evaluations the end-of-run sweep costs, in units of one per-cycle evaluation. */
  sweepEvaluations: number;
  /** Generator steps of the sweep (a fresh generator per ε). */
  sweepGeneratorSteps: number;
}

/** The work left from `at` to the end of the run. Pure. */
export function remainingWork(shape: RunShape, at: RunPosition): RemainingWork {
  const { cycles, unitSteps } = shape;
  let classifierSteps = 0;
  let generatorSteps = 0;
  let evaluations = 0;
  if (at.phase === "sweep") return { classifierSteps: 0, generatorSteps: 0, evaluations: 0 };
  if (at.phase === "pretrain") {
    classifierSteps += Math.max(0, shape.pretrainSteps - at.stepsDone);
    evaluations += 1;
  } else {
    if (at.phase === "generator" && shape.gan)
      generatorSteps += Math.max(0, (shape.ratioOf(at.cycle) - at.unitsDone) * unitSteps - at.stepsDone);
    if (at.cycle > 0 && at.phase !== "evaluate") classifierSteps += Math.max(0, unitSteps - (at.phase === "classifier" ? at.stepsDone : 0));
    if (at.phase !== "evaluate") evaluations += 1;
  }
  for (let cycle = at.cycle + 1; cycle <= cycles; cycle++) {
    classifierSteps += unitSteps;
    if (shape.gan) generatorSteps += shape.ratioOf(cycle) * unitSteps;
    evaluations += 1;
  }
  return { classifierSteps, generatorSteps: generatorSteps + shape.sweepGeneratorSteps, evaluations: evaluations + shape.sweepEvaluations };
}
