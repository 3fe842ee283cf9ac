/**
 * The API's enums as values (the generated types are types only) and the metric key
 * conventions of shared/api/training.md that the dashboard lays pages out by.
 */
import type { RunStatus, TrainingMethod } from "./gql/graphql.ts";

export const RUN_STATUSES = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELED"] as const satisfies readonly RunStatus[];
export const TRAINING_METHODS = ["STANDARD", "FGSM", "GAN"] as const satisfies readonly TrainingMethod[];

/** Statuses after which nothing about a run changes any more (except notes and tags). */
export const FINAL_STATUSES: readonly RunStatus[] = ["SUCCEEDED", "FAILED", "CANCELED"];

/** Keys logged once per cycle, step = cycle (0 = after pre-training). */
export const CYCLE_KEYS = [
  "clean_accuracy",
  "fgsm_accuracy",
  "generator_attack_accuracy",
  "classifier_loss",
  "generator_loss",
  "ratio",
  "examples_per_second",
] as const;

/** End-of-run sweep keys, step = round(ε × 1000); one row per attack in the robustness table. */
export const ROBUSTNESS_KEYS = [
  { key: "robustness/fgsm_accuracy", attack: "FGSM" },
  { key: "robustness/pgd_accuracy", attack: "PGD" },
  { key: "robustness/generator_accuracy", attack: "Generator" },
] as const;

export const ROBUSTNESS_PREFIX = "robustness/";

/** Metric columns of the runs table when the URL names none. */
export const DEFAULT_METRIC_COLUMNS = ["clean_accuracy", "fgsm_accuracy"];

/** Keys charted over steps: everything but the ε sweep, which is a table. */
export function isChartedKey(key: string): boolean {
  return !key.startsWith(ROBUSTNESS_PREFIX);
}

/** Orders metric keys for display: per-cycle keys in their documented order, then the rest by name. */
export function orderMetricKeys(keys: readonly string[]): string[] {
  const rank = (key: string): number => {
    const i = (CYCLE_KEYS as readonly string[]).indexOf(key);
    return i === -1 ? CYCLE_KEYS.length : i;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
