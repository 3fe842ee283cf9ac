import { test } from "node:test";
import assert from "node:assert/strict";
import { parseArgs } from "node:util";
import { resolveTrainingConfig, TrainingConfigError } from "../config/training-config.ts";
import { applyConfigFlags, configFlagOptions, parseSchedule } from "./config-flags.ts";

function flags(args: string[]) {
  return parseArgs({ args, options: configFlagOptions(), strict: true }).values as Record<string, unknown>;
}

test("field flags override the file, in kebab-case or camelCase", () => {
  const file = { cycles: 10, classifier: "mlp", seed: 3 };
  const config = applyConfigFlags(
    file,
    flags(["--cycles", "5", "--classifier", "cnn", "--generator-epsilon", "0.3", "--trainSize", "256"]),
  );
  assert.deepEqual(config, { cycles: 5, classifier: "cnn", seed: 3, generatorEpsilon: 0.3, trainSize: 256 });
  assert.deepEqual(file, { cycles: 10, classifier: "mlp", seed: 3 }, "the file's object is not changed");
});

test("schedules are written compactly or as JSON", () => {
  assert.deepEqual(parseSchedule("constant:4"), { type: "constant", ratio: 4 });
  assert.deepEqual(parseSchedule("stepped:6,8,12:5"), { type: "stepped", ratios: [6, 8, 12], cyclesPerRatio: 5 });
  assert.deepEqual(parseSchedule("adaptive:0.6:50"), { type: "adaptive", targetGeneratorLoss: 0.6, maxRatio: 50 });
  assert.deepEqual(parseSchedule('{"type":"constant","ratio":2}'), { type: "constant", ratio: 2 });
  assert.deepEqual(applyConfigFlags({}, flags(["--ratio", "4"])), { schedule: { type: "constant", ratio: 4 } });
});

test("--set reaches any field, nested ones included, reading JSON values", () => {
  const config = applyConfigFlags(
    { schedule: { type: "adaptive", targetGeneratorLoss: 0.6, maxRatio: 9 } },
    flags(["--set", "schedule.maxRatio=40", "--set", "sweepEpsilons=[0.1,0.2]", "--set", "classifier=cnn"]),
  );
  assert.deepEqual(config, {
    schedule: { type: "adaptive", targetGeneratorLoss: 0.6, maxRatio: 40 },
    sweepEpsilons: [0.1, 0.2],
    classifier: "cnn",
  });
  assert.throws(() => applyConfigFlags({}, flags(["--set", "cycles"])), /key=value/);
});

test("bad values reach validation unchanged, which names the field", () => {
  const bad = (args: string[]) => () => resolveTrainingConfig(applyConfigFlags({}, flags(args)));
  assert.throws(bad(["--cycles", "many"]), (error: unknown) => error instanceof TrainingConfigError && error.field === "config.cycles");
  assert.throws(bad(["--epsilon", "2"]), (error: unknown) => error instanceof TrainingConfigError && error.field === "config.epsilon");
  assert.throws(
    bad(["--schedule", "stepped:6,x:5"]),
    (error: unknown) => error instanceof TrainingConfigError && error.field.startsWith("config.schedule.ratios"),
  );
  assert.throws(bad(["--set", "color=red"]), (error: unknown) => error instanceof TrainingConfigError && error.field === "config.color");
  assert.throws(bad(["--sweep-epsilons", "0.1,0.2,7"]), /config\.sweepEpsilons\.2/);
});
