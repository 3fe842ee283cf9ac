/**
 * `npm run bench:web`: how fast the dashboard shows big data, measured in Chromium.
 * Seeds 1,000 finished runs × 3 keys × 1,000 points through the API, starts the built
 * dashboard, then times (from navigation start, in the page's own clock):
 *   runs-page-first-row: N ms       /runs until its first row is painted
 *   compare-100-runs-charts: N ms   /compare with 100 runs until all 3 charts are drawn
 * Each is the median of REPEATS fresh page loads after one warm-up; targets 1,500 and
 * 2,000 ms. Flags: --runs N --points N --repeats N (defaults 1000, 1000, 5).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import type { Page } from "playwright-core";
import { CreateExperiment, FinishRun, LogMetrics, Runs, StartRun } from "../tests/support/documents.ts";
import { query } from "../tests/support/graphql.ts";
import { startPlatform } from "../tests/support/platform.ts";
import { launchBrowser, startWeb, stopPlatform } from "../tests/support/web.ts";

const { values: flags } = parseArgs({ options: { runs: { type: "string" }, points: { type: "string" }, repeats: { type: "string" } } });
const RUNS = Number(flags.runs ?? 1000);
const POINTS = Number(flags.points ?? 1000);
const REPEATS = Number(flags.repeats ?? 5);
const KEYS = ["clean_accuracy", "fgsm_accuracy", "classifier_loss"];
const COMPARED = Math.min(100, RUNS);
const SEEDERS = 4;

function pointsOf(run: number): { key: string; step: number; value: number }[] {
  const points = [];
  for (let step = 0; step < POINTS; step++) {
    const t = 1 - Math.exp(-step / (POINTS / 5));
    const wiggle = Math.sin(step * 0.37 + run) * 0.01;
    points.push({ key: "clean_accuracy", step, value: 0.9 + 0.07 * t + wiggle });
    points.push({ key: "fgsm_accuracy", step, value: 0.1 + 0.6 * t + wiggle + (run % 7) * 0.01 });
    points.push({ key: "classifier_loss", step, value: 0.5 * (1 - t) + 0.05 + Math.abs(wiggle) + (step % 257 === 100 ? 1 : 0) });
  }
  return points;
}

async function seed(apiUrl: string): Promise<void> {
  // Experiments first: concurrent launches into one new experiment race on its creation.
  for (let e = 0; e * 100 < RUNS; e++) await query(apiUrl, CreateExperiment, { name: `bench-${e}` });
  let next = 0;
  const seeder = async () => {
    for (let run = next++; run < RUNS; run = next++) {
      const method = (["STANDARD", "FGSM", "GAN"] as const)[run % 3]!;
      const { startRun } = await query(apiUrl, StartRun, {
        input: {
          experimentName: `bench-${Math.floor(run / 100)}`,
          name: `run-${String(run).padStart(4, "0")}`,
          method,
          config: { cycles: POINTS },
          tags: [`group-${run % 5}`],
        },
      });
      await query(apiUrl, LogMetrics, { runId: startRun.id, points: pointsOf(run) });
      await query(apiUrl, FinishRun, { runId: startRun.id, status: "SUCCEEDED" });
    }
  };
  await Promise.all(Array.from({ length: SEEDERS }, seeder));
}

/**
 * Makes the page resolve window.__benchReady with performance.now() at the first frame
 * where the expression `ready` holds. Plain source text: tsx would decorate a function.
 */
function frameWhen(page: Page, ready: string): Promise<void> {
  return page.addInitScript(`
    window.__benchReady = new Promise((resolve) => {
      const check = () => {
        if (!(${ready})) return false;
        requestAnimationFrame(() => resolve(performance.now()));
        return true;
      };
      if (check()) return;
      const observer = new MutationObserver(() => check() && observer.disconnect());
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-state"] });
    });`);
}

/** Where a page load's time went: response, code, data and drawing milestones (ms from navigation start). */
const MARKS = `(() => {
  const n = performance.getEntriesByType("navigation")[0];
  const first = (name) => performance.getEntriesByName(name)[0]?.startTime;
  const api = performance.getEntriesByType("resource").filter((r) => r.name.endsWith("/graphql"))[0];
  return { ttfb: n.responseStart, html: n.responseEnd, apiStart: api?.startTime, apiEnd: api?.responseEnd, hydrated: first("sparring:compare-hydrated"), data: first("sparring:series-ready"), drawn: first("sparring:chart-drawn") };
})()`;

async function timeLoads(
  context: Awaited<ReturnType<typeof launchBrowser>>["context"],
  url: string,
  ready: string,
  marks: Record<string, number>[] = [],
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= REPEATS; i++) {
    const page = await context.newPage();
    await frameWhen(page, ready);
    await page.goto(url, { waitUntil: "commit" });
    const ms = (await page.evaluate("window.__benchReady")) as number;
    marks.push((await page.evaluate(MARKS)) as Record<string, number>);
    if (i > 0) times.push(ms); // the first load warms the server and the browser's cache
    await page.close();
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const platform = await startPlatform({ runTimeoutS: 3600 });
let web: Awaited<ReturnType<typeof startWeb>> | undefined;
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
try {
  const seedStart = Date.now();
  await seed(platform.apiUrl);
  console.error(`seeded ${RUNS} runs × ${KEYS.length} keys × ${POINTS} points in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
  // Planner statistics as autovacuum would have them a minute after a bulk load.
  const db = new pg.Client({ connectionString: platform.databaseUrl });
  await db.connect();
  await db.query("ANALYZE");
  await db.end();
  web = await startWeb(platform.apiUrl);
  browser = await launchBrowser();
  const { runs } = await query(platform.apiUrl, Runs, { first: COMPARED });
  const ids = runs.nodes.map((r) => r.id);

  const runsTimes = await timeLoads(browser.context, `${web.url}/runs`, `document.querySelector("[data-testid=run-row]") !== null`);
  const compareMarks: Record<string, number>[] = [];
  const compareTimes = await timeLoads(
    browser.context,
    `${web.url}/compare?runs=${ids.join(",")}`,
    `document.querySelectorAll("[data-testid=compare-chart] .chart-box[data-state=drawn]").length === ${KEYS.length}`,
    compareMarks,
  );
  for (const name of Object.keys(compareMarks[0] ?? {})) {
    const values = compareMarks
      .slice(1)
      .map((m) => m[name])
      .filter((v): v is number => typeof v === "number");
    if (values.length) console.error(`  compare ${name}: median ${median(values).toFixed(0)} ms`);
  }
  console.error(`runs page loads (ms): ${runsTimes.map((t) => t.toFixed(0)).join(", ")}`);
  console.error(`compare page loads (ms): ${compareTimes.map((t) => t.toFixed(0)).join(", ")}`);
  console.error(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(`runs-page-first-row: ${median(runsTimes).toFixed(0)} ms`);
  console.log(`compare-${COMPARED}-runs-charts: ${median(compareTimes).toFixed(0)} ms`);
} finally {
  await browser?.close();
  await web?.stop();
  await stopPlatform(platform);
}
