/**
 * `npm run train -- --api URL [--method GAN] [--config file.json] [flags]`: trains one run
 * by hand. The config is the file (if any) with the flags on top and training.md's
 * defaults for the rest; it is checked before anything starts. The run is created RUNNING
 * through startRun, trained here with a progress bar (plain lines when not a terminal),
 * and ends SUCCEEDED (exit 0) or FAILED with the reason (exit 1).
 */
import { parseArgs } from "node:util";
import { resolveTrainingConfig, TrainingConfigError, TRAINING_METHODS, type TrainingMethod } from "../config/training-config.ts";
import { ApiClient } from "../report/api-client.ts";
import { startRun } from "../report/operations.ts";
import { applyConfigFlags, configFlagHelp, configFlagOptions } from "./config-flags.ts";
import { readConfigFile } from "./config-file.ts";
import { authProblem } from "./auth-problem.ts";
import { failureMessage } from "./failure-message.ts";
import { stopOnSignals } from "./signals.ts";

const HELP = `Usage: npm run train -- --api URL [options]

Trains one run and reports it to the Sparring API.
  --api URL              GraphQL endpoint (default: $SPARRING_API or http://127.0.0.1:4000/graphql)
  --method M             STANDARD, FGSM or GAN (default GAN)
  --config FILE          JSON file with config fields (e.g. trainer/presets/paper/gan-2-1.json)
  --experiment NAME      experiment to put the run in (created when missing; default "manual")
  --name NAME            run name (generated when missing)
  --tags a,b             tags of the run
  --token T              API token (default: $SPARRING_TOKEN), sent as a bearer token
  --heartbeat SECONDS    heartbeat interval (default 5)
${configFlagHelp()}
  --help`;

/** Exit codes: 0 succeeded, 1 failed or canceled, 2 bad usage or config. */
async function main(argv: string[]): Promise<number> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        api: { type: "string" },
        method: { type: "string" },
        config: { type: "string" },
        experiment: { type: "string" },
        name: { type: "string" },
        tags: { type: "string" },
        token: { type: "string" },
        heartbeat: { type: "string" },
        help: { type: "boolean" },
        ...configFlagOptions(),
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }

  const method = String(values.method ?? "GAN").toUpperCase();
  if (!(TRAINING_METHODS as readonly string[]).includes(method)) {
    console.error(`--method: expected one of ${TRAINING_METHODS.join(", ")}, got "${values.method}"`);
    return 2;
  }
  let config;
  try {
    const file = values.config as string | undefined;
    let base: Record<string, unknown>;
    try {
      base = readConfigFile(file);
    } catch (error) {
      throw new Error(`--config: ${failureMessage(error)}`);
    }
    config = resolveTrainingConfig(applyConfigFlags(base, values));
  } catch (error) {
    console.error(error instanceof TrainingConfigError ? `invalid config: ${error.message}` : (error as Error).message);
    return 2;
  }
  const heartbeatS = values.heartbeat === undefined ? 5 : Number(values.heartbeat);
  if (!(heartbeatS > 0)) {
    console.error(`--heartbeat: expected a number of seconds, got "${values.heartbeat}"`);
    return 2;
  }

  const api = (values.api as string | undefined) ?? process.env.SPARRING_API ?? "http://127.0.0.1:4000/graphql";
  const client = new ApiClient({ url: api, token: (values.token as string | undefined) ?? process.env.SPARRING_TOKEN });
  try {
    // TensorFlow.js loads only now: bad flags are refused without waiting for it.
    const { useBackend } = await import("../compute/backend.ts");
    config.backend = await useBackend(config.backend);
  } catch (error) {
    console.error(failureMessage(error));
    return 2;
  }
  let run;
  try {
    run = await startRun(client, {
      method: method as TrainingMethod,
      config,
      experimentName: (values.experiment as string | undefined) ?? "manual",
      name: values.name as string | undefined,
      tags:
        typeof values.tags === "string"
          ? values.tags
              .split(",")
              .map((t) => t.trim())
              .filter((t) => t !== "")
          : undefined,
    });
  } catch (error) {
    console.error(`could not start the run: ${authProblem(error) ?? (error as Error).message}`);
    return 1;
  }

  const tty = process.stdout.isTTY === true;
  const { executeRun } = await import("./execute-run.ts");
  const result = await executeRun({
    client,
    run,
    out: process.stdout,
    tty,
    heartbeatMs: heartbeatS * 1000,
    // The first Ctrl-C ends the run cleanly as FAILED; a second one leaves at once.
    onReporter: (reporter) => stopOnSignals((signal) => reporter.requestStop(`stopped by ${signal}`)),
  });
  return result.status === "SUCCEEDED" ? 0 : 1;
}

process.exit(await main(process.argv.slice(2)));
