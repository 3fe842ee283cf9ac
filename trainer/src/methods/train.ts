/**
 * The trainer's entry point: runs one training run (STANDARD, FGSM or GAN) to the end or
 * until canceled, reporting per-cycle metrics, example grids, progress and the end-of-run
 * robustness sweep through the request's reporter.
 */
import { useBackend } from "../compute/backend.ts";
import { plannedRatio } from "../schedules/ratio-schedule.ts";
import { evaluateCycle, isImageCycle, metricPoints, reportExamples } from "./cycle-report.ts";
import { classifierPhase, ensureRunning, generatorPhase, pretrain, producePerturbed, RunCanceled } from "./phases.ts";
import { createProgressTracker, type ProgressTracker } from "./progress-tracker.ts";
import { robustnessSweep } from "./robustness-sweep.ts";
import { createRunContext, disposeRunContext, type RunContext } from "./run-context.ts";
import type { TrainingOutcome, TrainingRequest } from "./training-run.ts";

/**
 * Trains as `request.method` prescribes with `request.config` (already resolved).
 * @returns SUCCEEDED after the sweep, or CANCELED as soon as the reporter's shouldStop()
 * says so (checked before every optimiser step; nothing is reported after it).
 * @throws whatever breaks (no backend, out of memory…): the caller marks the run FAILED.
 */
export async function train(request: TrainingRequest): Promise<TrainingOutcome> {
  const { method, config, reporter } = request;
  if (reporter.shouldStop()) return { status: "CANCELED" };
  const backend = await useBackend(config.backend);
  const context = createRunContext(method, config, reporter, backend);
  try {
    const tracker = createProgressTracker(context);
    await runCycles(context, tracker);
    await robustnessSweep(context, tracker);
    return { status: "SUCCEEDED" };
  } catch (error) {
    if (error instanceof RunCanceled) return { status: "CANCELED" };
    throw error;
  } finally {
    disposeRunContext(context);
  }
}

async function runCycles(context: RunContext, tracker: ProgressTracker): Promise<void> {
  const { config, gan } = context;
  const examplesPerStep = config.batchSize;
  // Cycle 0: GAN pre-trains; every method is evaluated once before its first cycle.
  const pretrainStarted = performance.now();
  const pretrainLoss = gan ? await pretrain(context, tracker) : undefined;
  const pretrainSeconds = (performance.now() - pretrainStarted) / 1000;
  await finishCycle(context, tracker, 0, {
    classifier_loss: pretrainLoss,
    examples_per_second: gan && config.pretrainSteps > 0 ? (config.pretrainSteps * examplesPerStep) / pretrainSeconds : undefined,
  });
  for (let cycle = 1; cycle <= config.cycles; cycle++) {
    const started = performance.now();
    const planned = plannedRatio(config.schedule, cycle);
    const generated = gan ? await generatorPhase(context, gan, tracker, cycle, planned) : undefined;
    if (gan) await producePerturbed(context, gan);
    const classifierLoss = await classifierPhase(context, tracker, cycle);
    const seconds = (performance.now() - started) / 1000;
    const steps = config.unitSteps + (generated?.steps ?? 0);
    await finishCycle(context, tracker, cycle, {
      ratio: generated?.ratio,
      generator_loss: generated?.loss,
      classifier_loss: classifierLoss,
      examples_per_second: (steps * examplesPerStep) / seconds,
    });
  }
}

/** Evaluates, then reports the cycle's metrics and (at some cycles) its example grids. */
async function finishCycle(
  context: RunContext,
  tracker: ProgressTracker,
  cycle: number,
  training: Record<string, number | undefined>,
): Promise<void> {
  ensureRunning(context);
  tracker.at({ cycle, phase: "evaluate", stepsDone: 0, unitsDone: 0, unit: 0, units: 1 }, true);
  const started = performance.now();
  const evaluation = await evaluateCycle(context);
  tracker.evaluationTimed((performance.now() - started) / 1000);
  const values = { ...training, ...evaluation };
  ensureRunning(context);
  const points = metricPoints(cycle, values);
  context.reporter.metrics(points);
  tracker.setLatest(Object.fromEntries(points.map((p) => [p.key, p.value])));
  if (isImageCycle(cycle, context.config.cycles)) await reportExamples(context, cycle);
  tracker.at({ cycle, phase: "evaluate", stepsDone: 0, unitsDone: 0, unit: 1, units: 1 }, true);
}
