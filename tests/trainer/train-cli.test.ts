/**
 * End to end: `npm run train` by hand against the API, its refusal of bad flags, its
 * Ctrl-C, and a training method that throws: the run ends FAILED with the message.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { query } from "../support/graphql.ts";
import * as ops from "../support/documents.ts";
import { ROOT, startPlatform, type Platform } from "../support/platform.ts";
import { executeRun } from "../../trainer/src/cli/execute-run.ts";
import { ApiClient } from "../../trainer/src/report/api-client.ts";
import { startRun } from "../../trainer/src/report/operations.ts";
import { runEnded, startTrainerTool, stopPlatform, TINY_CONFIG } from "./trainer-process.ts";

let platform: Platform;
let dir: string;
before(async () => {
  platform = await startPlatform();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "sparring-train-cli-"));
});
after(async () => {
  await stopPlatform(platform);
  await fs.rm(dir, { recursive: true, force: true });
});

/** Runs `npm run train -- args`; resolves with its exit code and output. */
function npmTrain(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "train", "--", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

test("npm run train trains by hand: the file's config with flags on top, SUCCEEDED, exit 0", async () => {
  const file = path.join(dir, "my.json");
  await fs.writeFile(file, JSON.stringify({ ...TINY_CONFIG, cycles: 9, seed: 7, learningRate: 0.002 }));
  const { code, output } = await npmTrain([
    "--api",
    platform.apiUrl,
    "--method",
    "standard",
    "--config",
    file,
    "--cycles",
    "2",
    "--experiment",
    "by-hand",
    "--name",
    "hand-1",
    "--tags",
    "manual,cli",
  ]);
  assert.equal(code, 0, output);
  assert.match(output, /cycle 2\/2 · clean \d+\.\d% · fgsm/, "one plain line per cycle when not a terminal");
  assert.match(output, /SUCCEEDED after/);
  const { runs } = await query(platform.apiUrl, ops.Runs, { filter: { search: "hand-1" } });
  const run = (await query(platform.apiUrl, ops.RunById, { id: runs.nodes[0]!.id })).run!;
  assert.equal(run.status, "SUCCEEDED");
  assert.equal(run.method, "STANDARD");
  assert.equal(run.experiment.name, "by-hand");
  assert.deepEqual([...run.tags].sort(), ["cli", "manual"]);
  const config = run.config as Record<string, unknown>;
  assert.equal(config.cycles, 2, "flags override the file");
  assert.equal(config.seed, 7);
  assert.equal(config.learningRate, 0.002);
  assert.notEqual(config.backend, "auto", "the config records the backend");
  assert.ok(run.metricKeys.includes("clean_accuracy"));
});

test("a bad flag is refused before any run exists, naming the field", async () => {
  const before = (await query(platform.apiUrl, ops.Runs, {})).runs.totalCount;
  const bad = await npmTrain(["--api", platform.apiUrl, "--epsilon", "2"]);
  assert.equal(bad.code, 2);
  assert.match(bad.output, /invalid config: config\.epsilon: must be in \(0, 1\]/);
  const unknown = await npmTrain(["--api", platform.apiUrl, "--set", "colour=red"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.output, /config\.colour: unknown field/);
  const method = await npmTrain(["--api", platform.apiUrl, "--method", "SGD"]);
  assert.equal(method.code, 2);
  assert.match(method.output, /--method: expected one of STANDARD, FGSM, GAN/);
  assert.equal((await query(platform.apiUrl, ops.Runs, {})).runs.totalCount, before);
});

test("Ctrl-C ends a hand-started run FAILED with the reason, exit 1", async () => {
  const train = startTrainerTool("train", [
    "--api",
    platform.apiUrl,
    "--experiment",
    "interrupted",
    "--name",
    "ctrl-c",
    ...toFlags({ ...TINY_CONFIG, cycles: 500 }),
  ]);
  await train.waitForOutput(/cycle 2\/500/);
  assert.equal(await train.stop("SIGINT"), 1, train.output());
  const { runs } = await query(platform.apiUrl, ops.Runs, { filter: { search: "ctrl-c" } });
  const run = (await query(platform.apiUrl, ops.RunById, { id: runs.nodes[0]!.id })).run!;
  assert.equal(run.status, "FAILED");
  assert.equal(run.error, "stopped by SIGINT");
});

test("an exception in training finishes the run FAILED with its message, after delivering what was measured", async () => {
  const client = new ApiClient({ url: platform.apiUrl });
  const run = await startRun(client, { experimentName: "throws", method: "GAN", config: TINY_CONFIG });
  const out = {
    text: "",
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
  const result = await executeRun({
    client,
    run,
    out: out as unknown as NodeJS.WritableStream,
    tty: false,
    train: async ({ reporter }) => {
      for (let cycle = 0; cycle <= 2; cycle++) reporter.metrics([{ key: "clean_accuracy", step: cycle, value: 0.5 }]);
      throw new RangeError("the generator diverged at cycle 2");
    },
  });
  assert.deepEqual(result, { status: "FAILED", error: "RangeError: the generator diverged at cycle 2", recorded: true });
  const stored = await runEnded(platform.apiUrl, run.id, "the run to end");
  assert.equal(stored.status, "FAILED");
  assert.equal(stored.error, "RangeError: the generator diverged at cycle 2");
  const { run: metrics } = await query(platform.apiUrl, ops.RunMetrics, { id: run.id, keys: ["clean_accuracy"] });
  assert.equal(metrics!.metrics[0]!.count, 3);
  assert.match(out.text, /FAILED: RangeError: the generator diverged at cycle 2/);
});

function toFlags(config: Record<string, unknown>): string[] {
  return Object.entries(config).flatMap(([key, value]) => [`--${key}`, String(value)]);
}
