/**
 * The paper's whole study as one batch of runs: the two baselines and the four GAN
 * schedules of its Tables 1–4, sharing every other setting.
 */
import type { LaunchRunInput } from "./gql/graphql.ts";

export const PAPER_STUDY = [
  { name: "standard", method: "STANDARD", schedule: undefined },
  { name: "fgsm", method: "FGSM", schedule: undefined },
  { name: "gan-2to1", method: "GAN", schedule: { type: "constant", ratio: 2 } },
  { name: "gan-4to1", method: "GAN", schedule: { type: "constant", ratio: 4 } },
  { name: "gan-stepped-6-8-12", method: "GAN", schedule: { type: "stepped", ratios: [6, 8, 12], cyclesPerRatio: 5 } },
  { name: "gan-adaptive-0.6", method: "GAN", schedule: { type: "adaptive", targetGeneratorLoss: 0.6, maxRatio: 1000 } },
] as const;

/**
 * The study's launch inputs, all in the experiment `experimentName`.
 * @param base - shared config fields (cycles, sizes, ε, seed...); any schedule in it is replaced.
 */
export function paperStudyInputs(experimentName: string, base: Record<string, unknown>, tags: string[]): LaunchRunInput[] {
  const { schedule: _ignored, ...shared } = base;
  return PAPER_STUDY.map((run) => ({
    experimentName,
    name: run.name,
    method: run.method,
    config: run.schedule ? { ...shared, schedule: run.schedule } : { ...shared },
    tags: [...new Set(["paper-study", ...tags])],
  }));
}

/** A fresh experiment name for a study launched at `now`. */
export function studyExperimentName(now: Date): string {
  return `paper-study-${now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}`;
}
