/**
 * The launch form's values (strings, as inputs hold them) and how they become a
 * LaunchRunInput; and the way the API's BAD_USER_INPUT errors are placed next to fields.
 * The API validates; the form only shapes what the user typed.
 */
import type { LaunchRunInput, TrainingMethod } from "./gql/graphql.ts";

export type ScheduleType = "constant" | "stepped" | "adaptive";

/** Every control of the form, as text. Field names match the config's dotted paths. */
export interface LaunchFormValues {
  experimentName: string;
  name: string;
  method: TrainingMethod;
  cycles: string;
  "schedule.type": ScheduleType;
  "schedule.ratio": string;
  "schedule.ratios": string;
  "schedule.cyclesPerRatio": string;
  "schedule.targetGeneratorLoss": string;
  "schedule.maxRatio": string;
  classifier: string;
  epsilon: string;
  generatorEpsilon: string;
  trainSize: string;
  testSize: string;
  batchSize: string;
  unitSteps: string;
  pretrainSteps: string;
  learningRate: string;
  seed: string;
  tags: string;
}

export const NUMBER_FIELDS = [
  "cycles",
  "epsilon",
  "generatorEpsilon",
  "trainSize",
  "testSize",
  "batchSize",
  "unitSteps",
  "pretrainSteps",
  "learningRate",
  "seed",
] as const;

/** The defaults of the shared training config, as the form shows them. */
export interface ConfigDefaults {
  cycles: number;
  schedule: { type: string; ratio?: number };
  classifier: string;
  epsilon: number;
  generatorEpsilon: number;
  trainSize: number;
  testSize: number;
  batchSize: number;
  unitSteps: number;
  pretrainSteps: number;
  learningRate: number;
  seed: number;
}

/** The form's starting values from the config defaults. */
export function initialFormValues(defaults: ConfigDefaults): LaunchFormValues {
  return {
    experimentName: "default",
    name: "",
    method: "GAN",
    cycles: String(defaults.cycles),
    "schedule.type": "constant",
    "schedule.ratio": String(defaults.schedule.ratio ?? 2),
    "schedule.ratios": "6, 8, 12",
    "schedule.cyclesPerRatio": "5",
    "schedule.targetGeneratorLoss": "0.6",
    "schedule.maxRatio": "1000",
    classifier: defaults.classifier,
    epsilon: String(defaults.epsilon),
    generatorEpsilon: String(defaults.generatorEpsilon),
    trainSize: String(defaults.trainSize),
    testSize: String(defaults.testSize),
    batchSize: String(defaults.batchSize),
    unitSteps: String(defaults.unitSteps),
    pretrainSteps: String(defaults.pretrainSteps),
    learningRate: String(defaults.learningRate),
    seed: String(defaults.seed),
    tags: "",
  };
}

/** Text to number; blank stays undefined (the API's default applies), junk becomes NaN (the API refuses it, naming the field). */
function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}

/** Comma or space separated list of tags, without blanks and duplicates. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((t) => t.trim())
        .filter((t) => t !== ""),
    ),
  ];
}

/** The schedule as the config wants it; only GAN runs have one. */
function scheduleOf(values: LaunchFormValues): Record<string, unknown> {
  switch (values["schedule.type"]) {
    case "stepped":
      return {
        type: "stepped",
        ratios: values["schedule.ratios"]
          .split(/[,\s]+/)
          .filter((r) => r !== "")
          .map(Number),
        cyclesPerRatio: numberOf(values["schedule.cyclesPerRatio"]),
      };
    case "adaptive":
      return {
        type: "adaptive",
        targetGeneratorLoss: numberOf(values["schedule.targetGeneratorLoss"]),
        maxRatio: numberOf(values["schedule.maxRatio"]),
      };
    default:
      return { type: "constant", ratio: numberOf(values["schedule.ratio"]) };
  }
}

/**
 * The launch input for the form's values. NaN cannot travel in JSON (it would arrive as
 * null), so it is sent as the text the user typed, for the API to refuse by name.
 */
export function toLaunchInput(values: LaunchFormValues): LaunchRunInput {
  const config: Record<string, unknown> = { classifier: values.classifier };
  for (const field of NUMBER_FIELDS) {
    const n = numberOf(values[field]);
    if (n !== undefined) config[field] = Number.isNaN(n) ? values[field].trim() : n;
  }
  if (values.method === "GAN") {
    const schedule = scheduleOf(values);
    for (const [k, v] of Object.entries(schedule)) {
      if (v === undefined) delete schedule[k];
      else if (typeof v === "number" && Number.isNaN(v)) schedule[k] = values[`schedule.${k}` as keyof LaunchFormValues];
    }
    config.schedule = schedule;
  }
  const input: LaunchRunInput = { method: values.method, config, tags: parseTags(values.tags) };
  const experimentName = values.experimentName.trim();
  if (experimentName) input.experimentName = experimentName;
  const name = values.name.trim();
  if (name) input.name = name;
  return input;
}

/** A GraphQL error as urql's CombinedError lists them. */
export interface ApiError {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

export interface PlacedErrors {
  /** Message per form field (the config's dotted path, "experimentName", "tags", ...). */
  fields: Record<string, string>;
  /** Messages that belong to no field. */
  general: string[];
}

/**
 * Maps an API path such as "input.config.schedule.ratio", "inputs[2].config.cycles" or
 * "input.tags[0]" to the form field it is about.
 */
export function formFieldOf(path: string): string {
  const withoutInput = path.replace(/^inputs?(\[\d+\])?\./, "");
  const withoutConfig = withoutInput.replace(/^config\./, "");
  return withoutConfig.replace(/\[\d+\]$/, "").replace(/\[\d+\]\./g, ".");
}

/** Splits API errors into per-field messages (from extensions.field / issues, or the "path: message" text) and the rest. */
export function placeErrors(errors: readonly ApiError[], knownFields: readonly string[]): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, general: [] };
  const place = (path: string | undefined, message: string): boolean => {
    if (!path) return false;
    const field = formFieldOf(path);
    if (!knownFields.includes(field)) return false;
    placed.fields[field] ??= message;
    return true;
  };
  for (const error of errors) {
    const text = error.message.replace(/^\[GraphQL\] /, "");
    const match = /^([\w.[\]]+): (.*)$/s.exec(text);
    const message = match ? match[2]! : text;
    const issues = Array.isArray(error.extensions?.issues) ? (error.extensions.issues as { field?: unknown; message?: unknown }[]) : [];
    let any = false;
    for (const issue of issues) {
      if (typeof issue.field === "string" && typeof issue.message === "string") any = place(issue.field, issue.message) || any;
    }
    const field = typeof error.extensions?.field === "string" ? error.extensions.field : match?.[1];
    if (!any && !place(field, message)) placed.general.push(text);
  }
  return placed;
}
