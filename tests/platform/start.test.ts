/**
 * `npm start` as a user runs it: bad configuration stops it naming the variable; it
 * comes up on embedded PostgreSQL; Ctrl-C stops every process it started; starting
 * again on the same DATA_DIR keeps every run, point and image.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { query } from "../support/graphql.ts";
import * as ops from "../support/documents.ts";
import { freePort, ROOT, waitFor } from "../support/platform.ts";
import { alive, descendants } from "../support/process-tree.ts";
import { testPng } from "../support/png.ts";

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "sparring-start-"));
after(() => fs.rm(dataDir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/platform/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: "0", SPARRING_PARTS: "api", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

test("a bad setting stops the start and names the variable", async () => {
  const run = start({ API_PORT: "forty" });
  assert.equal(await run.exited, 1);
  assert.match(run.output(), /configuration error: API_PORT: expected an integer/);
});

test("starts, stops cleanly on SIGINT, and keeps everything across restarts", async () => {
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}/graphql`;
  const first = start({ API_PORT: String(port) });
  await waitFor(
    async () => /API listening on/.test(first.output()) && first.output().includes("Ctrl-C stops everything"),
    "the platform",
    120_000,
  );
  assert.match(first.output(), new RegExp(`API listening on ${apiUrl.replace(/[/.]/g, "\\$&")}`));

  const { startRun } = await query(apiUrl, ops.StartRun, {
    input: { experimentName: "persist", name: "kept", method: "GAN", tags: ["t"] },
  });
  const points = Array.from({ length: 2500 }, (_, step) => ({ key: "clean_accuracy", step, value: step / 2500 }));
  await query(apiUrl, ops.LogMetrics, { runId: startRun.id, points });
  const png = testPng(10, 10);
  const { logImage } = await query(apiUrl, ops.LogImage, {
    runId: startRun.id,
    step: 1,
    kind: "fgsm-examples",
    pngBase64: png.toString("base64"),
  });

  const processes = descendants(first.child.pid!);
  assert.ok(processes.length >= 3, "database, guard and API run under the supervisor");
  first.child.kill("SIGINT");
  assert.equal(await first.exited, 0);
  await waitFor(async () => processes.every((pid) => !alive(pid)), "every process to exit", 20_000);
  assert.match(first.output(), /stopped/);

  const second = start({ API_PORT: String(port) });
  await waitFor(async () => second.output().includes("Ctrl-C stops everything"), "the platform again", 120_000);
  const { run } = await query(apiUrl, ops.RunById, { id: startRun.id });
  assert.equal(run!.name, "kept");
  assert.deepEqual(run!.tags, ["t"]);
  const { run: withMetrics } = await query(apiUrl, ops.RunMetrics, { id: startRun.id, keys: ["clean_accuracy"] });
  assert.equal(withMetrics!.metrics[0]!.count, 2500);
  assert.deepEqual(
    withMetrics!.metrics[0]!.points.map((p) => p.value),
    points.map((p) => p.value),
  );
  const served = await fetch(new URL(logImage.url, apiUrl));
  assert.deepEqual(Buffer.from(await served.arrayBuffer()), png);
  second.child.kill("SIGTERM");
  assert.equal(await second.exited, 0);
});
