/**
 * Keeps the run's progress: where it is, how fast each kind of work goes, the latest
 * metrics; reports it through the reporter often but not on every step.
 */
import { expectedRatio } from "../schedules/ratio-schedule.ts";
import { estimateSeconds, remainingWork, updateRate, type RunPosition, type WorkRates } from "./eta.ts";
import type { RunContext } from "./run-context.ts";
import type { Phase } from "./training-run.ts";

/** Minimum time between two progress reports within a phase. */
const REPORT_INTERVAL_MS = 250;

export interface ProgressTracker {
  /** Moves to a new position and reports it (at once when `force`, else throttled). */
  at(position: RunPosition & { unit: number; units: number | undefined }, force?: boolean): void;
  stepTimed(kind: "classifier" | "generator", seconds: number): void;
  evaluationTimed(seconds: number): void;
  /** Records the generator units a cycle took (for adaptive schedules' ETA). */
  ratioTaken(units: number): void;
  setLatest(metrics: Record<string, number>): void;
  /** For the sweep: the share of it still to do. */
  sweepLeft(fraction: number): void;
}

export function createProgressTracker(context: RunContext): ProgressTracker {
  const { config } = context;
  const rates: WorkRates = {};
  const samples = { classifier: 0, generator: 0, evaluation: 0 };
  const latest: Record<string, number> = {};
  const ratios: number[] = [];
  let lastReport = 0;
  let sweepFraction = 1;
  const sweepSize = context.sweepSet.count;
  // One sweep ε costs FGSM (≈3 passes) + PGD (≈3 per step) + judging the generator, on the
  // sweep set, against a per-cycle evaluation's ≈5 passes over the test set.
  const sweepEvaluations = (config.sweepEpsilons.length * (6 + 3 * config.pgdSteps) * sweepSize) / (5 * Math.max(1, config.testSize));
  const shape = {
    gan: context.method === "GAN",
    cycles: config.cycles,
    unitSteps: config.unitSteps,
    pretrainSteps: context.method === "GAN" ? config.pretrainSteps : 0,
    ratioOf: (cycle: number) =>
      expectedRatio(config.schedule, cycle, ratios.length ? ratios.reduce((a, b) => a + b, 0) / ratios.length : undefined),
    sweepEvaluations,
    sweepGeneratorSteps: config.sweepEpsilons.length * config.unitSteps,
  };
  return {
    at(position, force = false) {
      const now = Date.now();
      if (!force && now - lastReport < REPORT_INTERVAL_MS) return;
      lastReport = now;
      const remaining =
        position.phase === "sweep"
          ? { classifierSteps: 0, generatorSteps: shape.sweepGeneratorSteps * sweepFraction, evaluations: sweepEvaluations * sweepFraction }
          : remainingWork(shape, position);
      context.reporter.progress({
        cycle: position.cycle,
        cycles: config.cycles,
        phase: position.phase as Phase,
        unit: position.unit,
        units: position.units,
        etaSeconds: estimateSeconds(rates, remaining),
        latest: { ...latest },
        backend: context.backend,
      });
    },
    stepTimed(kind, seconds) {
      samples[kind] += 1;
      if (kind === "classifier") rates.classifierStep = updateRate(rates.classifierStep, seconds, samples[kind]);
      else rates.generatorStep = updateRate(rates.generatorStep, seconds, samples[kind]);
    },
    evaluationTimed(seconds) {
      samples.evaluation += 1;
      rates.evaluation = updateRate(rates.evaluation, seconds, samples.evaluation);
    },
    ratioTaken(units) {
      ratios.push(units);
    },
    setLatest(metrics) {
      Object.assign(latest, metrics);
    },
    sweepLeft(fraction) {
      sweepFraction = fraction;
    },
  };
}
