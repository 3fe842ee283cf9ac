/**
 * `npm run bench:study [-- --preset full|quick] [--data-dir DIR] [--report FILE]`: the
 * paper's whole study, end to end, the way a user runs it. Starts a fresh platform with
 * `npm start` (embedded PostgreSQL, migrations, API, one local worker; no dashboard),
 * launches the study with `npm run study:paper`, waits until every run has ended, and
 * prints `study-paper-minutes: N` (launch to last finish). With --report the study's
 * tables go into FILE (e.g. docs/RESULTS.md); with --data-dir the platform's data stays
 * there, to be browsed afterwards with `DATA_DIR=DIR npm start`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeStudyReport } from "../trainer/src/cli/study-report.ts";
import { ApiClient } from "../trainer/src/report/api-client.ts";
import { fetchStudyRuns, findExperiment } from "../trainer/src/study/fetch-results.ts";
import { runMinutes } from "../trainer/src/study/results.ts";
import { freePort, ROOT, waitFor } from "../tests/support/platform.ts";

const { values } = parseArgs({
  options: { preset: { type: "string", default: "full" }, "data-dir": { type: "string" }, report: { type: "string" } },
});
if (values.preset !== "full" && values.preset !== "quick") throw new Error(`--preset: expected full or quick, got "${values.preset}"`);

const ENDED = new Set(["SUCCEEDED", "FAILED", "CANCELED"]);
const dataDir = values["data-dir"] ? path.resolve(values["data-dir"]) : await fs.mkdtemp(path.join(os.tmpdir(), "sparring-study-"));
const apiPort = await freePort();
const api = `http://127.0.0.1:${apiPort}/graphql`;
const clock = Date.now();
const elapsed = () => {
  const s = Math.round((Date.now() - clock) / 1000);
  return `${String(Math.floor(s / 60)).padStart(3)}:${String(s % 60).padStart(2, "0")}`;
};
const say = (line: string) => console.log(`[${elapsed()}] ${line}`);

let platformOutput = "";
const platform: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/src/platform/start.ts"], {
  cwd: ROOT,
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    API_PORT: String(apiPort),
    EMBEDDED_PG_PORT: "0",
    SPARRING_PARTS: "api,workers",
    WORKERS: "1",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
platform.stdout!.on("data", (d) => (platformOutput += d));
platform.stderr!.on("data", (d) => (platformOutput += d));
const platformExited = new Promise<void>((resolve) => platform.once("exit", () => resolve()));

async function stopPlatform(): Promise<void> {
  if (platform.exitCode === null && platform.signalCode === null) platform.kill("SIGINT");
  await platformExited;
}

async function run(args: string[]): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${args.join(" ")} exited with ${code}:\n${out}`);
  return out;
}

let failed = false;
try {
  await waitFor(async () => /Ctrl-C stops everything/.test(platformOutput), "the platform to start", 300_000).catch((error) => {
    throw new Error(`${(error as Error).message}\n${platformOutput}`);
  });
  say(`platform up: ${api} (data in ${dataDir})`);
  const experimentName = `bench-study-${new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}`;
  await run(["trainer/src/cli/study.ts", "--api", api, "--experiment", experimentName, "--preset", values.preset]);
  const launched = Date.now();
  say(`launched the ${values.preset} study as experiment ${experimentName}`);

  const client = new ApiClient({ url: api });
  const experiment = await findExperiment(client, experimentName);
  const seen = new Map<string, string>();
  for (;;) {
    const runs = await fetchStudyRuns(client, experiment.id);
    for (const r of runs) {
      if (seen.get(r.id) === r.status) continue;
      seen.set(r.id, r.status);
      const minutes = runMinutes(r);
      say(
        `${r.name.padEnd(20)} ${r.status}${minutes !== undefined ? ` after ${minutes.toFixed(1)} min` : ""}${r.error ? `: ${r.error}` : ""}`,
      );
    }
    if (runs.every((r) => ENDED.has(r.status))) {
      const minutes = (Math.max(...runs.map((r) => r.finishedAt!.getTime())) - launched) / 60_000;
      failed = runs.some((r) => r.status !== "SUCCEEDED");
      console.log(`study-paper-minutes: ${minutes.toFixed(1)}`);
      for (const r of runs) console.log(`run-${r.name}-minutes: ${runMinutes(r)?.toFixed(1) ?? "–"} (${r.status})`);
      break;
    }
    if (platform.exitCode !== null) throw new Error(`the platform exited during the study:\n${platformOutput.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 5000));
  }
  if (values.report) {
    await writeStudyReport({ api, experiment: experiment.id, out: values.report });
    say(`wrote the study's tables into ${values.report}`);
  }
} catch (error) {
  failed = true;
  console.error(`bench:study: ${(error as Error).message}`);
} finally {
  await stopPlatform();
  if (!values["data-dir"]) await fs.rm(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
