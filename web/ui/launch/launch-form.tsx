"use client";
/**
 * The launch form. Every control is labelled; the API validates the config and its
 * BAD_USER_INPUT messages are shown under the field they name. "Launch" opens the new
 * run's page; the study button queues the paper's six runs in a new experiment.
 */
import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { useMutation, type CombinedError } from "urql";
import { TRAINING_METHODS } from "../../lib/domain.ts";
import {
  initialFormValues,
  placeErrors,
  toLaunchInput,
  type ConfigDefaults,
  type LaunchFormValues,
  type PlacedErrors,
} from "../../lib/launch-form.ts";
import { paperStudyInputs, studyExperimentName } from "../../lib/paper-study.ts";
import { LaunchRunMutation, LaunchStudyMutation } from "./operations.ts";

type FieldName = keyof LaunchFormValues;

const NO_ERRORS: PlacedErrors = { fields: {}, general: [] };

/** Fields on screen for a method and schedule type (errors for hidden ones go to the top). */
function visibleFields(values: LaunchFormValues): FieldName[] {
  const common: FieldName[] = [
    "experimentName",
    "name",
    "method",
    "cycles",
    "classifier",
    "epsilon",
    "trainSize",
    "testSize",
    "batchSize",
    "unitSteps",
    "learningRate",
    "seed",
    "tags",
  ];
  if (values.method !== "GAN") return common;
  const schedule: Record<string, FieldName[]> = {
    constant: ["schedule.ratio"],
    stepped: ["schedule.ratios", "schedule.cyclesPerRatio"],
    adaptive: ["schedule.targetGeneratorLoss", "schedule.maxRatio"],
  };
  return [...common, "schedule.type", ...(schedule[values["schedule.type"]] ?? []), "generatorEpsilon", "pretrainSteps"];
}

function errorsOf(error: CombinedError | undefined, values: LaunchFormValues): PlacedErrors {
  if (!error) return NO_ERRORS;
  if (error.networkError) return { fields: {}, general: [`Cannot reach the API: ${error.networkError.message}`] };
  return placeErrors(
    error.graphQLErrors.map((e) => ({ message: e.message, extensions: e.extensions })),
    visibleFields(values).map((f) => (f === "schedule.type" ? "schedule" : f)),
  );
}

export function LaunchForm({ defaults, experiments }: { defaults: ConfigDefaults; experiments: string[] }) {
  const router = useRouter();
  const [values, setValues] = useState(() => initialFormValues(defaults));
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const [launchState, launch] = useMutation(LaunchRunMutation);
  const [studyState, launchStudy] = useMutation(LaunchStudyMutation);
  const busy = launchState.fetching || studyState.fetching;
  const idPrefix = useId();

  const set = (name: FieldName) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value }));

  const field = (
    name: FieldName,
    label: string,
    control: (props: { id: string; "aria-invalid": boolean; "aria-describedby": string | undefined }) => ReactNode,
    hint?: string,
  ) => {
    const id = `${idPrefix}-${name}`;
    const message = errors.fields[name === "schedule.type" ? "schedule" : name];
    return (
      <div className="field" data-field={name}>
        <label htmlFor={id}>{label}</label>
        {control({ id, "aria-invalid": !!message, "aria-describedby": message ? `${id}-error` : hint ? `${id}-hint` : undefined })}
        {message ? (
          <div id={`${id}-error`} className="field-error" role="alert">
            {message}
          </div>
        ) : hint ? (
          <div id={`${id}-hint`} className="muted" style={{ fontSize: 12 }}>
            {hint}
          </div>
        ) : null}
      </div>
    );
  };
  const text = (name: FieldName, label: string, hint?: string, inputMode: "decimal" | "numeric" | undefined = "decimal") =>
    field(name, label, (props) => <input {...props} type="text" inputMode={inputMode} value={values[name]} onChange={set(name)} />, hint);

  const submit = async () => {
    setErrors(NO_ERRORS);
    const result = await launch({ input: toLaunchInput(values) });
    if (result.data) router.push(`/runs/${result.data.launchRun.id}`);
    else setErrors(errorsOf(result.error, values));
  };
  const submitStudy = async () => {
    setErrors(NO_ERRORS);
    const config = toLaunchInput({ ...values, method: "GAN" }).config as Record<string, unknown>;
    const inputs = paperStudyInputs(studyExperimentName(new Date()), config, toLaunchInput(values).tags ?? []);
    const result = await launchStudy({ inputs });
    const first = result.data?.launchRuns[0];
    if (first) router.push(`/runs?experiment=${first.experiment.id}`);
    else setErrors(errorsOf(result.error, values));
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-describedby={errors.general.length ? `${idPrefix}-general` : undefined}
    >
      {errors.general.length > 0 ? (
        <div id={`${idPrefix}-general`} className="state error" role="alert" style={{ marginBottom: 12 }}>
          {errors.general.map((m) => (
            <p key={m} style={{ margin: 0 }}>
              {m}
            </p>
          ))}
        </div>
      ) : null}
      <fieldset className="form-section">
        <legend>Run</legend>
        {field(
          "experimentName",
          "Experiment",
          (props) => (
            <>
              <input
                {...props}
                type="text"
                list={`${idPrefix}-experiments`}
                value={values.experimentName}
                onChange={set("experimentName")}
              />
              <datalist id={`${idPrefix}-experiments`}>
                {experiments.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          ),
          "created when it does not exist",
        )}
        {field("name", "Run name", (props) => (
          <input {...props} type="text" value={values.name} placeholder="generated when empty" onChange={set("name")} />
        ))}
        {field("method", "Method", (props) => (
          <select {...props} value={values.method} onChange={set("method")}>
            {TRAINING_METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        ))}
        {text("cycles", "Cycles", undefined, "numeric")}
        {field("classifier", "Classifier", (props) => (
          <select {...props} value={values.classifier} onChange={set("classifier")}>
            <option value="mlp">mlp (784-256-256-10)</option>
            <option value="cnn">cnn (2 conv + 2 dense)</option>
          </select>
        ))}
        {field("tags", "Tags", (props) => (
          <input {...props} type="text" value={values.tags} placeholder="comma separated" onChange={set("tags")} />
        ))}
      </fieldset>

      {values.method === "GAN" ? (
        <fieldset className="form-section">
          <legend>Training ratio schedule</legend>
          {field("schedule.type", "Schedule", (props) => (
            <select {...props} value={values["schedule.type"]} onChange={set("schedule.type")}>
              <option value="constant">constant ratio</option>
              <option value="stepped">stepped ratios</option>
              <option value="adaptive">adaptive (until the generator loss is low)</option>
            </select>
          ))}
          {values["schedule.type"] === "constant"
            ? text("schedule.ratio", "Ratio", "generator units per classifier unit", "numeric")
            : null}
          {values["schedule.type"] === "stepped" ? (
            <>
              {text("schedule.ratios", "Ratios", "e.g. 6, 8, 12", undefined)}
              {text("schedule.cyclesPerRatio", "Cycles per ratio", undefined, "numeric")}
            </>
          ) : null}
          {values["schedule.type"] === "adaptive" ? (
            <>
              {text("schedule.targetGeneratorLoss", "Target generator loss", "in (0, 1)")}
              {text("schedule.maxRatio", "Max ratio", undefined, "numeric")}
            </>
          ) : null}
        </fieldset>
      ) : null}

      <fieldset className="form-section">
        <legend>Attack and sizes</legend>
        {text("epsilon", "FGSM ε", "in (0, 1]")}
        {values.method === "GAN" ? text("generatorEpsilon", "Generator ε", "max per-pixel perturbation") : null}
        {text("trainSize", "Training examples", "at most 60000", "numeric")}
        {text("testSize", "Test examples", "at most 10000", "numeric")}
        {text("batchSize", "Batch size", undefined, "numeric")}
        {text("unitSteps", "Steps per unit", undefined, "numeric")}
        {values.method === "GAN" ? text("pretrainSteps", "Pre-training steps", undefined, "numeric") : null}
        {text("learningRate", "Learning rate")}
        {text("seed", "Seed", undefined, "numeric")}
      </fieldset>

      <div className="row" style={{ marginTop: 16 }}>
        <button type="submit" className="primary" disabled={busy}>
          {launchState.fetching ? "Launching…" : "Launch"}
        </button>
        <button type="button" disabled={busy} onClick={() => void submitStudy()}>
          {studyState.fetching ? "Launching the study…" : "Launch the paper's study (6 runs)"}
        </button>
        <span className="muted">
          The study queues STANDARD, FGSM and GAN 2:1, 4:1, stepped 6-8-12 and adaptive (0.6) with these settings, in a new experiment.
        </span>
      </div>
    </form>
  );
}
