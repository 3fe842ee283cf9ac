/**
 * The metric keys nearly every run has (training.md's per-cycle keys and the end-of-run
 * sweep): requested before the runs' own key lists are known, so that the comparison's
 * series request need not wait for the runs' headers.
 */
import { CYCLE_KEYS, ROBUSTNESS_KEYS } from "./domain.ts";

export const USUAL_KEYS: readonly string[] = [...CYCLE_KEYS, ...ROBUSTNESS_KEYS.map((r) => r.key)];
