/**
 * How many units the generator trains in a GAN cycle (shared/api/training.md, "Training
 * ratio schedules"). Pure functions of the schedule, the cycle (1-based) and what the
 * generator has done so far in that cycle.
 */
import type { ScheduleConfig } from "../config/training-config.ts";

/**
 * The ratio planned for `cycle`: constant → its ratio; stepped → ratios[min(⌊(cycle − 1) /
 * cyclesPerRatio⌋, last)]; adaptive → undefined (it is known only once the cycle ends).
 */
export function plannedRatio(schedule: ScheduleConfig, cycle: number): number | undefined {
  switch (schedule.type) {
    case "constant":
      return schedule.ratio;
    case "stepped": {
      const index = Math.min(Math.floor((Math.max(cycle, 1) - 1) / schedule.cyclesPerRatio), schedule.ratios.length - 1);
      return schedule.ratios[index]!;
    }
    case "adaptive":
      return undefined;
  }
}

/**
 * Whether the generator trains another unit in `cycle`, having trained `unitsDone` units
 * whose last one ended at loss `latestLoss`. Adaptive: at least one unit, then until the
 * loss is below the target or maxRatio units are done; the cycle's ratio is then unitsDone.
 */
export function trainsAnotherUnit(schedule: ScheduleConfig, cycle: number, unitsDone: number, latestLoss: number | undefined): boolean {
  if (schedule.type !== "adaptive") return unitsDone < plannedRatio(schedule, cycle)!;
  if (unitsDone === 0) return true;
  if (unitsDone >= schedule.maxRatio) return false;
  return latestLoss === undefined || latestLoss >= schedule.targetGeneratorLoss;
}

/** Units the generator is expected to train in `cycle` (for the ETA): the plan, or for adaptive the average so far. */
export function expectedRatio(schedule: ScheduleConfig, cycle: number, averageSoFar: number | undefined): number {
  return plannedRatio(schedule, cycle) ?? averageSoFar ?? 1;
}
