/**
 * Tables whose rows are steps and whose columns are series: the paper's tables (cycles ×
 * runs of FGSM accuracy) and the robustness sweep (ε × attacks). Cells hold the exact
 * values the API returned.
 */

export interface StepTable {
  /** Every step any column has, ascending. */
  steps: number[];
  /** Per column (in input order), value by step. */
  columns: Map<number, number>[];
}

/** Pivots series (each a list of {step, value}) into rows by step. */
export function pivotByStep(columns: readonly (readonly { step: number; value: number }[])[]): StepTable {
  const steps = new Set<number>();
  const maps = columns.map((points) => {
    const byStep = new Map<number, number>();
    for (const p of points) {
      byStep.set(p.step, p.value);
      steps.add(p.step);
    }
    return byStep;
  });
  return { steps: [...steps].sort((a, b) => a - b), columns: maps };
}

/** ε of a robustness step (the trainer logs step = round(ε × 1000)). */
export function epsilonOfStep(step: number): number {
  return step / 1000;
}
