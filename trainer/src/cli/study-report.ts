/**
 * `npm run study:report -- --api URL --experiment NAME [--out docs/RESULTS.md]`: the
 * study's tables (per-cycle FGSM and clean accuracy, the GAN runs' ratios and losses, the
 * cross-attack matrix) read through the API. With --out, the tables replace the generated
 * block of that file and the text around it stays; without, they go to stdout.
 */
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { ApiClient } from "../report/api-client.ts";
import { fetchStudyResults, findExperiment } from "../study/fetch-results.ts";
import { renderResults, spliceReport } from "../study/results.ts";

const HELP = `Usage: npm run study:report -- --experiment NAME [options]
  --api URL          GraphQL endpoint (default: $SPARRING_API or http://127.0.0.1:4000/graphql)
  --experiment NAME  experiment name or id (required)
  --out FILE         write into FILE between its study-report markers (created if missing)
  --token T          API token (default: $SPARRING_TOKEN)`;

/** Renders the report of one experiment; writes it into `out` when given. Returns the Markdown. */
export async function writeStudyReport(options: { api: string; experiment: string; out?: string; token?: string }): Promise<string> {
  const client = new ApiClient({ url: options.api, token: options.token });
  const experiment = await findExperiment(client, options.experiment);
  const runs = await fetchStudyResults(client, experiment.id);
  const markdown = renderResults(runs, experiment.name);
  if (options.out) {
    const existing = await fs.readFile(options.out, "utf8").catch(() => "");
    await fs.writeFile(options.out, spliceReport(existing, markdown));
  }
  return markdown;
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
        out: { type: "string" },
        token: { type: "string" },
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
  if (!values.experiment) {
    console.error(`--experiment is required\n\n${HELP}`);
    return 2;
  }
  try {
    const markdown = await writeStudyReport({
      api: values.api ?? process.env.SPARRING_API ?? "http://127.0.0.1:4000/graphql",
      experiment: values.experiment,
      out: values.out,
      token: values.token ?? (process.env.SPARRING_TOKEN || undefined),
    });
    if (values.out) console.log(`wrote the study's tables into ${values.out}`);
    else process.stdout.write(markdown);
    return 0;
  } catch (error) {
    console.error(`study:report: ${(error as Error).message}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await main(process.argv.slice(2)));
