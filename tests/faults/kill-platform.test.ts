/**
 * Fault test 1: the machine running `npm start` crashes mid-run — kill -9 of the supervisor,
 * the API and the embedded PostgreSQL all at once — while a worker on another machine keeps
 * training. `npm start` again on the same DATA_DIR and ports recovers the database (stale
 * postmaster.pid, crash recovery), the worker delivers what it buffered, and the run ends
 * SUCCEEDED with every cycle's metrics stored exactly once (counted in PostgreSQL itself)
 * and every example image once.
 */
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import pg from "pg";
import { isImageCycle } from "../../trainer/src/methods/cycle-report.ts";
import * as ops from "../support/documents.ts";
import { query } from "../support/graphql.ts";
import { startNpmStart, type NpmStart } from "../support/npm-start.ts";
import { alive, killTree, postmasterPid } from "../support/process-tree.ts";
import { freePort } from "../support/platform.ts";
import { pollUntil, runEnded, startTrainerTool, TINY_CONFIG, type TrainerProcess } from "../trainer/trainer-process.ts";

const CYCLES = 30;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** Per key, the steps a GAN run of CYCLES cycles logs (cycle 0 is the evaluation after pre-training). */
const EXPECTED: Record<string, number[]> = {
  classifier_loss: range(0, CYCLES),
  clean_accuracy: range(0, CYCLES),
  fgsm_accuracy: range(0, CYCLES),
  generator_attack_accuracy: range(0, CYCLES),
  examples_per_second: range(0, CYCLES),
  ratio: range(1, CYCLES),
  generator_loss: range(1, CYCLES),
  "robustness/fgsm_accuracy": [100],
  "robustness/pgd_accuracy": [100],
  "robustness/generator_accuracy": [100],
};

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "sparring-crash-"));
let platform: NpmStart | undefined;
let worker: TrainerProcess | undefined;
after(async () => {
  if (worker) killTree(worker.child.pid!);
  await platform?.crash().catch(() => {});
  // Whatever happened above, no PostgreSQL may outlive the test.
  const postgres = postmasterPid(dataDir);
  if (postgres !== undefined && alive(postgres)) process.kill(postgres, "SIGKILL");
  await fs.rm(dataDir, { recursive: true, force: true });
});

test("kill -9 of the whole platform mid-run, then npm start again: the run succeeds with every point stored once", async () => {
  const [apiPort, pgPort] = [await freePort(), await freePort()];
  const env = { DATA_DIR: dataDir, API_PORT: String(apiPort), EMBEDDED_PG_PORT: String(pgPort), RUN_TIMEOUT_S: "120" };
  platform = await startNpmStart(env);
  const api = platform.apiUrl;
  const { launchRun: run } = await query(api, ops.LaunchRun, {
    input: { experimentName: "crash", method: "GAN", config: { ...TINY_CONFIG, cycles: CYCLES, sweepEpsilons: [0.1] } },
  });
  worker = startTrainerTool("worker", ["--api", api, "--poll", "0.3", "--heartbeat", "1"]);
  // Mid-run: some cycles are stored, most are still to come.
  await pollUntil(
    async () => (await query(api, ops.RunMetrics, { id: run.id, keys: ["clean_accuracy"] })).run!.metrics[0]?.count ?? 0,
    (count) => count >= 3,
    "three cycles to be stored",
  );

  const crashedAt = Date.now();
  const { killed, postgresSurvivedGroupKill } = await platform.crash();
  assert.ok(killed.length >= 4, `supervisor, guard, API and PostgreSQL were killed (${killed.join(", ")})`);
  assert.equal(postgresSurvivedGroupKill, false, "PostgreSQL runs in npm start's process group and dies with it");
  await assert.rejects(fetch(api), "nothing answers on the API's port");
  // Training goes on without the API: the worker buffers.
  await worker.waitForOutput(/the API is unreachable/, 60_000);

  platform = await startNpmStart(env);
  const outageS = (Date.now() - crashedAt) / 1000;
  console.log(`platform-restart-after-kill-s: ${outageS.toFixed(1)}`);
  const final = await runEnded(api, run.id, "the run to end", 240_000);
  assert.equal(final.status, "SUCCEEDED", `${final.error}\n${worker.output()}`);
  assert.match(worker.output(), /reachable again/);

  // Through the API: every series complete, in order, nothing twice.
  const { run: stored } = await query(api, ops.RunMetrics, { id: run.id, keys: Object.keys(EXPECTED) });
  const steps = Object.fromEntries(stored!.metrics.map((s) => [s.key, s.points.map((p) => p.step)]));
  assert.deepEqual(steps, EXPECTED);
  // In PostgreSQL itself: one row per (key, step), no more.
  const db = new pg.Client({ connectionString: `postgresql://sparring:sparring@127.0.0.1:${pgPort}/sparring` });
  await db.connect();
  try {
    const { rows } = await db.query<{ key: string; rows: string; steps: string }>(
      "SELECT key, count(*) AS rows, count(DISTINCT step) AS steps FROM metric_points WHERE run_id = $1 GROUP BY key ORDER BY key",
      [run.id],
    );
    for (const row of rows)
      assert.deepEqual([Number(row.rows), Number(row.steps)], [EXPECTED[row.key]!.length, EXPECTED[row.key]!.length], row.key);
    assert.equal(rows.length, Object.keys(EXPECTED).length);
  } finally {
    await db.end();
  }
  const imageCycles = range(0, CYCLES).filter((cycle) => isImageCycle(cycle, CYCLES));
  for (const kind of ["fgsm-examples", "generator-examples"]) {
    const imageSteps = final.images.filter((i) => i.kind === kind).map((i) => i.step);
    assert.deepEqual(
      imageSteps.sort((a, b) => a - b),
      imageCycles,
      `${kind}: one image per image cycle`,
    );
  }
  assert.equal(await worker.stop("SIGTERM"), 0);
  await platform.stop();
  assert.equal(platform.child.exitCode, 0, "the restarted platform stops cleanly");
});
