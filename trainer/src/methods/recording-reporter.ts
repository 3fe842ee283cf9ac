/**
 * A TrainingReporter that keeps everything it is given, for tests and benchmarks of the
 * training methods (the real one, trainer/src/report, delivers to the API).
 */
import type { MetricPointOut, Progress, TrainingReporter } from "./training-run.ts";

export interface RecordingReporter extends TrainingReporter {
  points: MetricPointOut[];
  images: { step: number; kind: string; png: Uint8Array; caption?: string }[];
  progressReports: Progress[];
  /** The value of `key` at `step`, if reported. */
  value(key: string, step: number): number | undefined;
  /** The keys reported at `step`, sorted. */
  keysAt(step: number): string[];
}

/** Records a run; `stopWhen` is asked on every shouldStop() (default: never stop). */
export function createRecordingReporter(stopWhen: (reporter: RecordingReporter) => boolean = () => false): RecordingReporter {
  const reporter: RecordingReporter = {
    points: [],
    images: [],
    progressReports: [],
    metrics: (points) => reporter.points.push(...points),
    image: (step, kind, png, caption) => reporter.images.push({ step, kind, png, caption }),
    progress: (progress) => reporter.progressReports.push(progress),
    shouldStop: () => stopWhen(reporter),
    value: (key, step) => reporter.points.find((p) => p.key === key && p.step === step)?.value,
    keysAt: (step) => [...new Set(reporter.points.filter((p) => p.step === step).map((p) => p.key))].sort(),
  };
  return reporter;
}
