/** A run's training-ratio schedule in a few characters, for tables and legends. */

/** "2:1", "6→8→12 ×5", "adaptive <0.6", or "–" when the run has no schedule (not GAN). */
export function scheduleLabel(method: string, config: unknown): string {
  if (method !== "GAN") return "–";
  const schedule = (config as { schedule?: Record<string, unknown> } | null)?.schedule;
  if (!schedule) return "–";
  switch (schedule.type) {
    case "constant":
      return `${String(schedule.ratio)}:1`;
    case "stepped":
      return `${Array.isArray(schedule.ratios) ? schedule.ratios.join("→") : "?"} ×${String(schedule.cyclesPerRatio)}`;
    case "adaptive":
      return `adaptive <${String(schedule.targetGeneratorLoss)}`;
    default:
      return "?";
  }
}

/** config.cycles when it is a positive integer. */
export function cyclesOf(config: unknown): number | undefined {
  const cycles = (config as { cycles?: unknown } | null)?.cycles;
  return typeof cycles === "number" && Number.isInteger(cycles) && cycles > 0 ? cycles : undefined;
}
