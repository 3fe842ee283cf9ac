/**
 * The dashboard in a real Chromium against the real platform (embedded PostgreSQL + API):
 * list → run page with drawn charts → compare with the API's values → launch from the
 * form → live status and metrics without reload (the test as the worker, then a real
 * `npm run worker`) → not-found. Screenshots of every page
 * land in test-results/web/.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { ClaimRun, FinishRun, LogMetrics, MetricSeriesQuery, RunById, SetRunTags } from "../support/documents.ts";
import { query } from "../support/graphql.ts";
import { ROOT, startPlatform, type Platform } from "../support/platform.ts";
import { launchBrowser, SCREENSHOTS, startWeb, stopPlatform, type WebServer } from "../support/web.ts";
import { seedRun, type FixtureRun } from "./fixtures.ts";

let platform: Platform;
let web: WebServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const pageErrors: string[] = [];
const ids: Record<string, string> = {};

const FIXTURES: FixtureRun[] = [
  { experimentName: "web-test", name: "standard", method: "STANDARD", cycles: 6, seed: 11, finish: "SUCCEEDED", tags: ["baseline"] },
  {
    experimentName: "web-test",
    name: "gan-2to1",
    method: "GAN",
    cycles: 6,
    seed: 12,
    finish: "SUCCEEDED",
    images: true,
    stepsPerCycle: 400,
    tags: ["paper"],
  },
  { experimentName: "web-test", name: "gan-broken", method: "GAN", cycles: 2, seed: 13, finish: "FAILED", tags: ["paper"] },
];

async function shot(name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

before(async () => {
  platform = await startPlatform({ runTimeoutS: 600 });
  for (const fixture of FIXTURES) ids[fixture.name] = await seedRun(platform.apiUrl, fixture);
  web = await startWeb(platform.apiUrl);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  // React reports errors it caught (e.g. in effects) on the console; 404s of the not-found test are expected.
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) pageErrors.push(message.text());
  });
});

after(async () => {
  await browser?.close();
  await web?.stop();
  if (platform) await stopPlatform(platform);
});

test("the runs table lists every run with its latest metrics, and filters through the URL", async () => {
  await page.goto(`${web.url}/runs`);
  await page.waitForSelector("[data-testid=run-row]");
  assert.equal(await page.locator("[data-testid=run-row]").count(), FIXTURES.length);
  const { run } = await query(platform.apiUrl, RunById, { id: ids["gan-2to1"]! });
  const cell = page.locator(`[data-run-id="${ids["gan-2to1"]}"] td[data-metric=fgsm_accuracy]`);
  assert.equal(await cell.textContent(), (run!.summary as Record<string, number>).fgsm_accuracy!.toFixed(4));
  await shot("runs");

  // The table is live: a change made elsewhere shows up in its row without a reload.
  await query(platform.apiUrl, SetRunTags, { runId: ids["standard"]!, tags: ["baseline", "retagged-live"] });
  await page.locator(`[data-run-id="${ids["standard"]}"] .tag`, { hasText: "retagged-live" }).waitFor();

  await page.getByRole("checkbox", { name: "failed" }).check();
  await page.waitForURL(/status=FAILED/);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=run-row]").length === 1);
  assert.match((await page.locator("[data-testid=run-row]").textContent()) ?? "", /gan-broken/);

  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByLabel("Search").fill("standard");
  await page.waitForURL(/q=standard/);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=run-row]").length === 1);
  assert.deepEqual(pageErrors, []);
});

test("a run page shows progress, a drawn chart per metric, the sweep table and the image grids", async () => {
  await page.goto(`${web.url}/runs?q=gan-2to1`);
  await page.getByRole("link", { name: "gan-2to1" }).click();
  await page.waitForURL(new RegExp(`/runs/${ids["gan-2to1"]}$`));
  const { run } = await query(platform.apiUrl, RunById, { id: ids["gan-2to1"]! });
  const charted = run!.metricKeys.filter((k) => !k.startsWith("robustness/"));
  await page.waitForFunction(
    (n) => document.querySelectorAll("[data-testid=metric-chart] .chart-box[data-state=drawn]").length === n,
    charted.length,
  );
  assert.equal(await page.getByTestId("run-cycle").textContent(), "Cycle 6 of 6");
  assert.equal(await page.locator("[data-testid=run-status] [data-status]").getAttribute("data-status"), "SUCCEEDED");
  // The many-point key is downsampled to the chart's width, never beyond it.
  const points = Number(await page.locator("[data-key='train/classifier_loss'] .chart-box").getAttribute("data-points"));
  assert.ok(points > 0 && points < 2800, `train/classifier_loss drew ${points} points`);
  const sweep = await query(platform.apiUrl, MetricSeriesQuery, { runIds: [ids["gan-2to1"]!], keys: ["robustness/pgd_accuracy"] });
  const pgd = await page
    .locator("[data-testid=robustness-table] tr", { hasText: "PGD" })
    .locator("td")
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-value"))));
  assert.deepEqual(
    pgd,
    sweep.metricSeries[0]!.points.map((p) => p.value),
  );
  await page.waitForSelector("[data-testid=image-grids] img");
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLImageElement>("[data-testid=image-grids] img")].every((i) => i.complete && i.naturalWidth > 0),
  );
  await shot("run");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForFunction(() => document.querySelectorAll(".chart-box[data-state=drawn]").length > 0);
  await shot("run-dark");
  await page.emulateMedia({ colorScheme: "light" });
  assert.deepEqual(pageErrors, []);
});

test("comparing two runs shows the API's exact values in the paper table and the attack matrix", async () => {
  const runIds = [ids["standard"]!, ids["gan-2to1"]!];
  await page.goto(`${web.url}/compare?runs=${runIds.join(",")}`);
  await page.waitForSelector("[data-testid=paper-table]");
  const api = await query(platform.apiUrl, MetricSeriesQuery, { runIds, keys: ["fgsm_accuracy"] });
  for (const series of api.metricSeries) {
    const shown = await page
      .locator(`[data-testid=paper-table] td[data-run-id="${series.runId}"]`)
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-value"))));
    assert.deepEqual(
      shown,
      series.points.map((p) => p.value),
    );
  }
  const sweep = await query(platform.apiUrl, MetricSeriesQuery, { runIds: [ids["standard"]!], keys: ["robustness/fgsm_accuracy"] });
  const firstRow = await page
    .locator("[data-testid=attack-matrix] tbody tr")
    .first()
    .locator("td")
    .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-value")));
  assert.deepEqual(
    firstRow.slice(0, sweep.metricSeries[0]!.points.length).map(Number),
    sweep.metricSeries[0]!.points.map((p) => p.value),
  );
  await page.waitForFunction(() => {
    const charts = document.querySelectorAll("[data-testid=compare-chart]");
    return charts.length > 0 && [...charts].every((c) => c.querySelector(".chart-box[data-state=drawn]"));
  });
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).first().click();
  const csv = fs.readFileSync((await (await download).path())!, "utf8");
  assert.match(csv.split("\r\n")[0]!, /^cycle \\ fgsm_accuracy,standard,gan-2to1$/);
  await shot("compare");
  assert.deepEqual(pageErrors, []);
});

test("launching from the form: errors next to the field, then the run goes QUEUED → RUNNING → SUCCEEDED live, with metrics arriving", async () => {
  await page.goto(`${web.url}/launch`);
  await page.getByLabel("Method").selectOption("GAN");
  await page.getByLabel("Ratio", { exact: true }).fill("0");
  await page.getByLabel("Cycles", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Launch", exact: true }).click();
  const ratioError = page.locator("[data-field='schedule.ratio'] .field-error");
  await ratioError.waitFor();
  assert.match((await ratioError.textContent()) ?? "", /at least 1/);
  assert.equal(await page.getByLabel("Ratio", { exact: true }).getAttribute("aria-invalid"), "true");
  await shot("launch-error");

  await page.getByLabel("Ratio", { exact: true }).fill("2");
  await page.getByLabel("Experiment").fill("web-launch");
  await page.getByLabel("Run name").fill("from-the-form");
  await page.getByRole("button", { name: "Launch", exact: true }).click();
  await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
  const runId = page.url().split("/").pop()!;
  await page.waitForSelector("[data-testid=run-status] [data-status=QUEUED]");
  await shot("launched-queued");

  // The test plays the worker through the public API; the page must follow without reload.
  const claimed = await query(platform.apiUrl, ClaimRun, { workerId: "web-test-worker", backend: "cpu" });
  assert.equal(claimed.claimRun?.id, runId);
  await page.waitForSelector("[data-testid=run-status] [data-status=RUNNING]");
  await query(platform.apiUrl, LogMetrics, {
    runId,
    points: [0, 1].map((step) => ({ key: "clean_accuracy", step, value: 0.5 + step / 10 })),
  });
  await page.waitForSelector("[data-key=clean_accuracy] .chart-box[data-state=drawn][data-points='2']");
  await query(platform.apiUrl, LogMetrics, { runId, points: [{ key: "clean_accuracy", step: 2, value: 0.875 }] });
  await page.waitForSelector("[data-key=clean_accuracy] .chart-box[data-points='3']");
  await page.waitForFunction(
    () => document.querySelector("[data-testid=metric-summary] [data-key=clean_accuracy] dd")?.textContent === "0.8750",
  );
  assert.equal(await page.getByTestId("run-cycle").textContent(), "Cycle 2 of 3");
  await shot("live-running");
  await query(platform.apiUrl, FinishRun, { runId, status: "SUCCEEDED" });
  await page.waitForSelector("[data-testid=run-status] [data-status=SUCCEEDED]");
  assert.deepEqual(pageErrors, []);
});

test("a real worker (npm run worker) trains a run launched from the form; the page follows QUEUED → RUNNING → SUCCEEDED", async () => {
  await page.goto(`${web.url}/launch`);
  await page.getByLabel("Method").selectOption("GAN");
  const fields: [string, string][] = [
    ["Experiment", "web-worker"],
    ["Run name", "tiny-gan"],
    ["Cycles", "2"],
    ["Training examples", "256"],
    ["Test examples", "128"],
    ["Batch size", "64"],
    ["Steps per unit", "2"],
    ["Pre-training steps", "2"],
  ];
  for (const [label, value] of fields) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "Launch", exact: true }).click();
  await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
  await page.waitForSelector("[data-testid=run-status] [data-status=QUEUED]");
  // Every status the page shows, in order, without reloading it.
  await page.evaluate(`
    window.__statuses = ["QUEUED"];
    new MutationObserver(() => {
      const s = document.querySelector("[data-testid=run-status] [data-status]")?.getAttribute("data-status");
      if (s && window.__statuses[window.__statuses.length - 1] !== s) window.__statuses.push(s);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  `);
  const worker = spawn("npm", ["run", "worker", "--", "--api", platform.apiUrl, "--poll", "0.5"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let workerOutput = "";
  worker.stdout!.on("data", (d) => (workerOutput += d));
  worker.stderr!.on("data", (d) => (workerOutput += d));
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  try {
    await page.waitForSelector("[data-testid=run-status] [data-status=SUCCEEDED]", { timeout: 240_000 });
  } catch (error) {
    throw new Error(`${(error as Error).message}\nworker output:\n${workerOutput}`);
  } finally {
    process.kill(-worker.pid!, "SIGTERM");
    await exited;
  }
  assert.deepEqual(await page.evaluate("window.__statuses"), ["QUEUED", "RUNNING", "SUCCEEDED"]);
  await page.waitForSelector("[data-key=clean_accuracy] .chart-box[data-state=drawn]");
  await page.waitForSelector("[data-testid=robustness-table]");
  assert.equal(await page.getByTestId("run-cycle").textContent(), "Cycle 2 of 2");
  await shot("worker-succeeded");
  assert.deepEqual(pageErrors, []);
});

test("the study button queues the paper's six runs in a new experiment; a queued run can be canceled from its page", async () => {
  await page.goto(`${web.url}/launch`);
  await page.getByLabel("Cycles", { exact: true }).fill("2");
  await page.getByRole("button", { name: /paper's study/ }).click();
  await page.waitForURL(/\/runs\?experiment=/);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=run-row]").length === 6);
  const names = await page.locator("[data-testid=run-row] td:nth-child(2)").allTextContents();
  assert.deepEqual([...names].sort(), ["fgsm", "gan-2to1", "gan-4to1", "gan-adaptive-0.6", "gan-stepped-6-8-12", "standard"]);
  assert.equal(await page.locator("[data-testid=run-row] [data-status=QUEUED]").count(), 6);
  await shot("study-queued");

  await page.getByRole("link", { name: "gan-stepped-6-8-12" }).click();
  await page.waitForSelector("[data-testid=run-status] [data-status=QUEUED]");
  await page.getByRole("button", { name: "Cancel run" }).click();
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await page.waitForSelector("[data-testid=run-status] [data-status=CANCELED]");
  assert.equal(await page.getByRole("button", { name: "Cancel run" }).count(), 0);
  assert.deepEqual(pageErrors, []);
});

test("an unknown run id gets the not-found page", async () => {
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-run"]) {
    const response = await page.goto(`${web.url}/runs/${id}`);
    assert.equal(response?.status(), 404);
    await page.getByTestId("run-not-found").waitFor();
  }
  await shot("not-found");
  assert.deepEqual(pageErrors, []);
});

test("with the API down, pages say so (and recover when it is back)", async () => {
  await platform.stopApi("SIGKILL");
  try {
    await page.goto(`${web.url}/runs`);
    await page.getByRole("alert").filter({ hasText: "Cannot show these runs" }).waitFor();
    assert.match((await page.getByRole("alert").first().textContent()) ?? "", /npm start/);
    await shot("api-down");
  } finally {
    await platform.startApi();
  }
  await page.goto(`${web.url}/runs`);
  await page.waitForSelector("[data-testid=run-row]");
});
