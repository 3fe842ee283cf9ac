/**
 * The paper's study as launch inputs: a manifest (trainer/presets/paper/study.json) names
 * each run's method, preset config file and tags; a variant (quick.json) may shrink every
 * config. Every config is validated here, so a bad preset stops the launch before any run
 * exists. Also the study's workload, for the time estimate. Pure apart from `readConfig`.
 */
import {
  resolveTrainingConfig,
  TrainingConfigError,
  TRAINING_METHODS,
  type TrainingConfig,
  type TrainingMethod,
} from "../config/training-config.ts";

export interface StudyManifest {
  description?: string;
  runs: { name: string; method: string; config: string; tags?: string[] }[];
}

export interface StudyVariant {
  /** Fields set on every run's config. */
  overrides?: Record<string, unknown>;
  /** Fields set on one run's config, by run name (after `overrides`). */
  runOverrides?: Record<string, Record<string, unknown>>;
}

export interface PlannedRun {
  experimentName: string;
  name: string;
  method: TrainingMethod;
  config: TrainingConfig;
  tags: string[];
}

/**
 * The launch inputs of the study, in manifest order.
 * @param readConfig returns the JSON object of a preset file named in the manifest.
 * @throws Error naming the run and field of an invalid config or method.
 */
export function planStudy(
  manifest: StudyManifest,
  readConfig: (file: string) => Record<string, unknown>,
  variant: StudyVariant,
  experimentName: string,
  extraTags: string[] = [],
): PlannedRun[] {
  if (!Array.isArray(manifest.runs) || manifest.runs.length === 0) throw new Error("the study manifest lists no runs");
  return manifest.runs.map((entry) => {
    if (!(TRAINING_METHODS as readonly string[]).includes(entry.method)) {
      throw new Error(`run "${entry.name}": method must be one of ${TRAINING_METHODS.join(", ")}, got "${entry.method}"`);
    }
    const raw = { ...readConfig(entry.config), ...variant.overrides, ...variant.runOverrides?.[entry.name] };
    let config: TrainingConfig;
    try {
      config = resolveTrainingConfig(raw);
    } catch (error) {
      if (error instanceof TrainingConfigError) throw new Error(`run "${entry.name}" (${entry.config}): ${error.message}`);
      throw error;
    }
    return {
      experimentName,
      name: entry.name,
      method: entry.method as TrainingMethod,
      config,
      tags: [...new Set([...(entry.tags ?? []), ...extraTags])],
    };
  });
}

/** Optimiser steps a run takes (at most, for an adaptive schedule) and its evaluations. */
export interface Workload {
  classifierSteps: number;
  generatorSteps: number;
  /** True when generatorSteps is an upper bound (adaptive schedule). */
  bounded: boolean;
  /** Test images evaluated over the run (each cycle and cycle 0). */
  evaluatedImages: number;
}

/** Generator units of cycle `cycle` (1-based) as planned, or the cap for an adaptive schedule. */
function unitsOfCycle(config: TrainingConfig, cycle: number): number {
  const schedule = config.schedule;
  switch (schedule.type) {
    case "constant":
      return schedule.ratio;
    case "stepped":
      return schedule.ratios[Math.min(schedule.ratios.length - 1, Math.floor((cycle - 1) / schedule.cyclesPerRatio))]!;
    case "adaptive":
      return schedule.maxRatio;
  }
}

/** The workload of one run. */
export function workload(method: TrainingMethod, config: TrainingConfig): Workload {
  let generatorUnits = 0;
  if (method === "GAN") for (let cycle = 1; cycle <= config.cycles; cycle++) generatorUnits += unitsOfCycle(config, cycle);
  return {
    classifierSteps: config.cycles * config.unitSteps + (method === "GAN" ? config.pretrainSteps : 0),
    generatorSteps: generatorUnits * config.unitSteps,
    bounded: method === "GAN" && config.schedule.type === "adaptive",
    evaluatedImages: (config.cycles + 1) * config.testSize,
  };
}

/**
 * A rough duration in seconds at `examplesPerSecond` training throughput: an FGSM step
 * costs about three plain ones (attack, then clean and adversarial halves), a generator
 * step about one, and evaluating an image (clean, FGSM, generator attack) about one step's
 * share of an example. The end-of-run sweep is a fixed, small part and is left out.
 */
export function estimateSeconds(method: TrainingMethod, config: TrainingConfig, examplesPerSecond: number): number {
  const work = workload(method, config);
  const stepCost = method === "FGSM" ? 3 : 1;
  const examples = (work.classifierSteps * stepCost + work.generatorSteps) * config.batchSize + work.evaluatedImages;
  return examples / examplesPerSecond;
}
