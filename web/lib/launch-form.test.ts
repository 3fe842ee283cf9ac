import assert from "node:assert/strict";
import { test } from "node:test";
import { resolveTrainingConfig } from "../../trainer/src/config/training-config.ts";
import { formFieldOf, initialFormValues, parseTags, placeErrors, toLaunchInput, type LaunchFormValues } from "./launch-form.ts";

const defaults = resolveTrainingConfig({});
const form = (patch: Partial<LaunchFormValues> = {}): LaunchFormValues => ({ ...initialFormValues(defaults), ...patch });
const FIELDS = Object.keys(form());

test("the untouched form launches a config the shared schema accepts, equal to its defaults", () => {
  const input = toLaunchInput(form());
  assert.equal(input.method, "GAN");
  assert.deepEqual(resolveTrainingConfig(input.config), defaults);
});

test("each schedule type sends only its own parameters", () => {
  const stepped = toLaunchInput(form({ "schedule.type": "stepped", "schedule.ratios": "6, 8 12", "schedule.cyclesPerRatio": "5" }));
  assert.deepEqual((stepped.config as { schedule: unknown }).schedule, { type: "stepped", ratios: [6, 8, 12], cyclesPerRatio: 5 });
  const adaptive = toLaunchInput(form({ "schedule.type": "adaptive" }));
  assert.deepEqual((adaptive.config as { schedule: unknown }).schedule, { type: "adaptive", targetGeneratorLoss: 0.6, maxRatio: 1000 });
});

test("non-GAN methods have no schedule; blanks fall back to defaults; junk reaches the API as typed", () => {
  const input = toLaunchInput(form({ method: "FGSM", seed: "", cycles: "abc" }));
  const config = input.config as Record<string, unknown>;
  assert.equal(config.schedule, undefined);
  assert.equal(config.seed, undefined);
  assert.equal(config.cycles, "abc");
});

test("tags split on commas, trimmed and unique; names and experiment only when given", () => {
  assert.deepEqual(parseTags(" a, b,,a\nc "), ["a", "b", "c"]);
  const input = toLaunchInput(form({ experimentName: " ", name: "x" }));
  assert.equal(input.experimentName, undefined);
  assert.equal(input.name, "x");
});

test("API paths map to form fields", () => {
  assert.equal(formFieldOf("input.config.schedule.ratio"), "schedule.ratio");
  assert.equal(formFieldOf("inputs[3].config.cycles"), "cycles");
  assert.equal(formFieldOf("input.tags[0]"), "tags");
  assert.equal(formFieldOf("config.schedule.ratios[1]"), "schedule.ratios");
  assert.equal(formFieldOf("input.experimentName"), "experimentName");
});

test("errors land next to their field, from extensions or from the message; others stay general", () => {
  const placed = placeErrors(
    [
      {
        message: "[GraphQL] input.config.schedule.ratio: must be at least 1",
        extensions: { code: "BAD_USER_INPUT", field: "input.config.schedule.ratio" },
      },
      { message: "config.cycles: must be an integer" },
      { message: "database is down" },
    ],
    FIELDS,
  );
  assert.deepEqual(placed.fields, { "schedule.ratio": "must be at least 1", cycles: "must be an integer" });
  assert.deepEqual(placed.general, ["database is down"]);
});

test("every issue of a refused config is placed", () => {
  const placed = placeErrors(
    [
      {
        message: "input.config.epsilon: must be in (0, 1]",
        extensions: {
          field: "input.config.epsilon",
          issues: [
            { field: "input.config.epsilon", message: "must be in (0, 1]" },
            { field: "input.config.seed", message: "must be at least 0" },
          ],
        },
      },
    ],
    FIELDS,
  );
  assert.deepEqual(placed.fields, { epsilon: "must be in (0, 1]", seed: "must be at least 0" });
});
