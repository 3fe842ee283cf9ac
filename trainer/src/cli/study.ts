/**
 * `npm run study:paper -- --api URL [--experiment NAME] [--preset full|quick]`: launches
 * the paper's whole study (trainer/presets/paper/study.json) as one experiment of QUEUED
 * runs, in one all-or-nothing launchRuns call, for workers to claim. Prints the run ids,
 * a time estimate and how to watch them.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ApiClient } from "../report/api-client.ts";
import { launchRuns } from "../report/operations.ts";
import { readConfigFile } from "./config-file.ts";
import { formatDuration } from "./progress-format.ts";
import { estimateSeconds, planStudy, workload, type StudyManifest, type StudyVariant } from "./study-plan.ts";

const PRESETS = fileURLToPath(new URL("../../presets/paper/", import.meta.url));

/** Training throughput (examples/s) of the MLP steps on stock wasm here, for the estimate. */
const WASM_RATE = 1_500;

const HELP = `Usage: npm run study:paper -- --api URL [options]

Launches the paper's study as QUEUED runs of one experiment: STANDARD, FGSM, and GAN with
the 2:1, 4:1, stepped 6-8-12 and adaptive (generator loss < 0.6) schedules.
  --api URL            GraphQL endpoint (default: $SPARRING_API or http://127.0.0.1:4000/graphql)
  --experiment NAME    experiment name (default paper-study-<date>-<time>; an existing one is reused)
  --preset full|quick  full size (default) or a few-minute pipeline check
  --tags a,b           extra tags on every run
  --token T            API token (default: $SPARRING_TOKEN)
  --rate N             training examples/s assumed by the time estimate (default ${WASM_RATE}, stock wasm)
  --dry-run            print the plan, launch nothing
  --help`;

/** "paper-study-20261129-141503", like the dashboard's launch page. */
function defaultExperimentName(now: Date): string {
  return `paper-study-${now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}`;
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        api: { type: "string" },
        experiment: { type: "string" },
        preset: { type: "string" },
        tags: { type: "string" },
        token: { type: "string" },
        rate: { type: "string" },
        "dry-run": { type: "boolean" },
        help: { type: "boolean" },
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
  const preset = values.preset ?? "full";
  if (preset !== "full" && preset !== "quick") {
    console.error(`--preset: expected full or quick, got "${preset}"`);
    return 2;
  }
  const rate = Number(values.rate ?? WASM_RATE);
  if (!(rate > 0)) {
    console.error(`--rate: expected examples per second, got "${values.rate}"`);
    return 2;
  }
  const experimentName = values.experiment ?? defaultExperimentName(new Date());
  const extraTags = (values.tags ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
  const read = (file: string) => readConfigFile(path.join(PRESETS, file));

  let plan;
  try {
    const manifest = read("study.json") as unknown as StudyManifest;
    const variant: StudyVariant = preset === "quick" ? (read("quick.json") as StudyVariant) : {};
    plan = planStudy(manifest, read, variant, experimentName, preset === "quick" ? [...extraTags, "quick"] : extraTags);
  } catch (error) {
    console.error(`invalid study preset: ${(error as Error).message}`);
    return 2;
  }

  let total = 0;
  let bounded = false;
  const lines = plan.map((run) => {
    const seconds = estimateSeconds(run.method, run.config, rate);
    const work = workload(run.method, run.config);
    total += seconds;
    bounded ||= work.bounded;
    const schedule = run.method === "GAN" ? ` ${JSON.stringify(run.config.schedule)}` : "";
    return {
      run,
      text: `${run.name.padEnd(20)} ${run.method.padEnd(8)} ${run.config.cycles} cycles${schedule}, ${work.bounded ? "≤" : "~"}${formatDuration(seconds)}`,
    };
  });
  const estimate = `${bounded ? "at most " : "~"}${formatDuration(total)} of training at ${rate} examples/s on one worker (the adaptive run is bounded by its maxRatio; the end-of-run sweeps add a few minutes)`;

  if (values["dry-run"]) {
    console.log(`Plan for experiment "${experimentName}" (${preset}):`);
    for (const line of lines) console.log(`  ${line.text}`);
    console.log(`Estimated: ${estimate}`);
    return 0;
  }

  const api = values.api ?? process.env.SPARRING_API ?? "http://127.0.0.1:4000/graphql";
  const client = new ApiClient({ url: api, token: values.token ?? (process.env.SPARRING_TOKEN || undefined) });
  let runs;
  try {
    runs = await launchRuns(
      client,
      plan.map((run) => ({ experimentName: run.experimentName, name: run.name, method: run.method, config: run.config, tags: run.tags })),
    );
  } catch (error) {
    const message = (error as Error).message;
    console.error(`could not launch the study: ${message}${message.includes("already exists") ? " (choose another --experiment)" : ""}`);
    return 1;
  }
  const experiment = runs[0]!.experiment;
  console.log(`Launched ${runs.length} QUEUED runs in experiment "${experiment.name}" (${experiment.id}):`);
  for (const [i, run] of runs.entries()) console.log(`  ${run.id}  ${lines[i]!.text}`);
  console.log(`Estimated: ${estimate}`);
  const apiUrl = new URL(api);
  console.log(`\nWatch them:
  workers:   npm start trains them with its WORKERS local workers, or: npm run worker -- --api ${api}
  dashboard: http://${apiUrl.hostname}:\${WEB_PORT:-3000}/runs?experiment=${experiment.id}
  API:       query { runs(filter: { experimentId: "${experiment.id}" }) { nodes { name status summary } } }`);
  return 0;
}

process.exit(await main(process.argv.slice(2)));
