/**
 * The live events that cross API processes. Kept small: a run event names the run (each
 * process reloads it once for all its subscribers); a metrics event names the steps one
 * logMetrics call added, as ranges per key, so receivers read exactly those points.
 */
export type StepRanges = [from: number, to: number][];

export type LiveEvent = { type: "run"; runId: string } | { type: "metrics"; runId: string; keys: [key: string, ranges: StepRanges][] };

/** Compresses ascending steps into inclusive ranges: [1,2,3,7] → [[1,3],[7,7]]. */
export function toRanges(sortedSteps: readonly number[]): StepRanges {
  const ranges: StepRanges = [];
  for (const step of sortedSteps) {
    const last = ranges[ranges.length - 1];
    if (last && step === last[1] + 1) last[1] = step;
    else if (!last || step > last[1]) ranges.push([step, step]);
  }
  return ranges;
}
