/**
 * Command-line flags that override fields of a training config (`--cycles 5`,
 * `--classifier cnn`, `--schedule stepped:6,8,12:5`, `--set learningRate=0.01`). Pure: it
 * turns strings into a partial config and leaves validation to resolveTrainingConfig, so
 * a bad value is refused with the same message, naming the field, as the API gives.
 */
import type { ParseArgsConfig } from "node:util";

type FlagKind = "int" | "number" | "string" | "numbers";

/** The config fields settable by their own flag, and how to read their value. */
const FIELD_FLAGS: Record<string, FlagKind> = {
  cycles: "int",
  classifier: "string",
  epsilon: "number",
  generatorEpsilon: "number",
  trainSize: "int",
  testSize: "int",
  batchSize: "int",
  unitSteps: "int",
  pretrainSteps: "int",
  learningRate: "number",
  seed: "int",
  sweepEpsilons: "numbers",
  pgdSteps: "int",
  imageCount: "int",
  backend: "string",
};

/** "generatorEpsilon" → "generator-epsilon". */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** parseArgs options for every config flag, in kebab-case and camelCase, plus --schedule, --ratio and --set. */
export function configFlagOptions(): NonNullable<ParseArgsConfig["options"]> {
  const options: NonNullable<ParseArgsConfig["options"]> = {
    schedule: { type: "string" },
    ratio: { type: "string" },
    set: { type: "string", multiple: true },
  };
  for (const field of Object.keys(FIELD_FLAGS)) {
    options[field] = { type: "string" };
    options[kebab(field)] = { type: "string" };
  }
  return options;
}

/** Help text lines for the config flags. */
export function configFlagHelp(): string {
  const fields = Object.keys(FIELD_FLAGS).map((f) => `--${kebab(f)}`);
  return [
    `  ${fields.join(" ")}`,
    "      override one config field each (shared/api/training.md)",
    "  --ratio N                       constant schedule N:1 (GAN)",
    "  --schedule SPEC                 constant:2 | stepped:6,8,12:5 | adaptive:0.6:1000 | JSON",
    "  --set key=value                 any field by its (dotted) name; the value is read as JSON when it parses",
  ].join("\n");
}

/** A number when the text is one, else the text itself (so validation can name the field). */
function numeric(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === "") return text;
  const value = Number(trimmed);
  return Number.isNaN(value) ? text : value;
}

function readValue(kind: FlagKind, text: string): unknown {
  switch (kind) {
    case "int":
    case "number":
      return numeric(text);
    case "numbers":
      return text.split(",").map(numeric);
    case "string":
      return text;
  }
}

/** A JSON value when the text parses as JSON, else the text. */
function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Reads a schedule spec: "constant:2", "stepped:6,8,12:5", "adaptive:0.6:1000" or a JSON
 * object. Anything else is passed on as is, for validation to refuse.
 */
export function parseSchedule(spec: string): unknown {
  const text = spec.trim();
  if (text.startsWith("{")) return jsonOrText(text);
  const [type, ...rest] = text.split(":");
  switch (type) {
    case "constant":
      return { type, ratio: numeric(rest[0] ?? "") };
    case "stepped":
      return { type, ratios: (rest[0] ?? "").split(",").map(numeric), cyclesPerRatio: numeric(rest[1] ?? "") };
    case "adaptive":
      return { type, targetGeneratorLoss: numeric(rest[0] ?? ""), maxRatio: numeric(rest[1] ?? "") };
    default:
      return text;
  }
}

/** Sets `value` at a dotted path, creating objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== "object" || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

/**
 * Applies the config flags found in `values` (parseArgs output) on top of `base` (the
 * config file), in this order: the file, --schedule/--ratio, field flags, --set.
 * @throws Error for a --set without "=".
 */
export function applyConfigFlags(base: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const config: Record<string, unknown> = structuredClone(base);
  if (typeof values.schedule === "string") config.schedule = parseSchedule(values.schedule);
  if (typeof values.ratio === "string") config.schedule = { type: "constant", ratio: numeric(values.ratio) };
  for (const [field, kind] of Object.entries(FIELD_FLAGS)) {
    const text = values[kebab(field)] ?? values[field];
    if (typeof text === "string") config[field] = readValue(kind, text);
  }
  for (const assignment of (values.set as string[] | undefined) ?? []) {
    const at = assignment.indexOf("=");
    if (at <= 0) throw new Error(`--set expects key=value, got "${assignment}"`);
    setPath(config, assignment.slice(0, at).trim(), jsonOrText(assignment.slice(at + 1)));
  }
  return config;
}
