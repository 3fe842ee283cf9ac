/**
 * The dashboard in a real Chromium against a platform with AUTH=required: pages send an
 * anonymous visitor to /sign-in; a wrong token is refused there and nothing is kept; a
 * read token signs in (HttpOnly cookie), lists runs, follows a run live over the
 * cookie-authenticated WebSocket and loads its images; launching with it says FORBIDDEN;
 * signing out, or revoking the token meanwhile, sends the user back to /sign-in.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { Page } from "playwright-core";
import { LogImage, LogMetrics, Runs, StartRun } from "../support/documents.ts";
import { request } from "../support/graphql.ts";
import { ROOT, startPlatform, type Platform } from "../support/platform.ts";
import { launchBrowser, SCREENSHOTS, startWeb, stopPlatform, type WebServer } from "../support/web.ts";
import { gridPng } from "./fixtures.ts";

let platform: Platform;
let web: WebServer;
let webStarting: Promise<WebServer> | undefined;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const pageErrors: string[] = [];
const tokens = { writer: "", reader: "" };
let runId = "";

/** Runs the token CLI against the platform's database; returns what it printed last. */
async function tokenCli(...args: string[]): Promise<string> {
  const child = spawn("npm", ["run", "--silent", "token", "--", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: platform.databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  assert.equal(code, 0, `npm run token -- ${args.join(" ")} failed:\n${output}`);
  return output.trim().split("\n").pop()!.trim();
}

/** Calls the API as the writer (the test plays the trainer). */
async function asWriter<T, V>(document: TypedDocumentNode<T, V>, variables: V): Promise<T> {
  const result = await request(platform.apiUrl, document, variables, { authorization: `Bearer ${tokens.writer}` });
  if (result.errors?.length || !result.data) throw new Error(`GraphQL error: ${JSON.stringify(result.errors)}`);
  return result.data;
}

async function tokenCookie() {
  return (await browser.context.cookies(web.url)).find((c) => c.name === "sparring_token");
}

async function shot(name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function signIn(token: string): Promise<void> {
  await page.getByLabel("API token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
}

before(async () => {
  // AUTH_CACHE_S=0: a revoked token is refused at once, not after the API's cache interval.
  platform = await startPlatform({ runTimeoutS: 600, env: { AUTH: "required", AUTH_CACHE_S: "0" } });
  // The dashboard starts while the tokens are made (each CLI call is a process of its own).
  webStarting = startWeb(platform.apiUrl).then((started) => (web = started));
  [tokens.writer, tokens.reader] = await Promise.all([
    tokenCli("create", "--name", "web-writer", "--scope", "write"),
    tokenCli("create", "--name", "web-reader", "--scope", "read"),
  ]);
  const { startRun } = await asWriter(StartRun, {
    input: { experimentName: "web-auth", name: "live-run", method: "STANDARD", config: { cycles: 4 }, tags: [] },
  });
  runId = startRun.id;
  await asWriter(LogMetrics, { runId, points: [0, 1].map((step) => ({ key: "clean_accuracy", step, value: 0.5 + step / 10 })) });
  await asWriter(LogImage, { runId, step: 1, kind: "fgsm-examples", pngBase64: gridPng(5, 1), caption: "examples" });
  await webStarting;
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
});

after(async () => {
  await browser?.close();
  await webStarting?.catch(() => {});
  await web?.stop();
  if (platform) await stopPlatform(platform);
});

test("without a token, a page sends the visitor to /sign-in, remembering where they were going", async () => {
  await page.goto(`${web.url}/runs?q=live`);
  await page.waitForURL(`${web.url}/sign-in?next=${encodeURIComponent("/runs?q=live")}`);
  await page.getByLabel("API token").waitFor();
  assert.equal(await page.getByTestId("viewer").count(), 0, "nobody is signed in: no name, no sign-out");
});

test("a wrong token is refused next to the field, and no cookie is set", async () => {
  await signIn("spt_not-a-real-token");
  const error = page.locator("#sign-in-token-error");
  await error.waitFor();
  assert.match((await error.textContent()) ?? "", /token/i);
  assert.equal(await page.getByLabel("API token").getAttribute("aria-invalid"), "true");
  assert.match(page.url(), /\/sign-in\?next=/);
  assert.equal(await tokenCookie(), undefined);
  await shot("sign-in-refused");
});

test("a read token signs in (HttpOnly cookie) and back to the page asked for; a run page follows new points live and shows its images", async () => {
  await signIn(tokens.reader);
  await page.waitForURL(`${web.url}/runs?q=live`);
  await page.locator(`[data-run-id="${runId}"]`).waitFor();
  const cookie = await tokenCookie();
  assert.ok(cookie, "the token cookie is set");
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, "Strict");
  assert.equal(cookie.path, "/");
  assert.equal(cookie.secure, false, "plain http: a Secure cookie would be dropped");
  assert.equal(await page.evaluate(() => document.cookie.includes("sparring_token")), false, "scripts cannot read it");
  const viewer = page.getByTestId("viewer");
  assert.match((await viewer.textContent()) ?? "", /web-reader.*read-only/);
  await shot("signed-in-runs");

  await page.getByRole("link", { name: "live-run" }).click();
  await page.waitForURL(`${web.url}/runs/${runId}`);
  await page.waitForSelector("[data-key=clean_accuracy] .chart-box[data-state=drawn][data-points='2']");
  // Images come from the API's port with the cookie, like any <img>.
  await page.waitForFunction(() => {
    const images = [...document.querySelectorAll<HTMLImageElement>("[data-testid=image-grids] img")];
    return images.length > 0 && images.every((i) => i.complete && i.naturalWidth > 0);
  });
  // Points logged now reach the page only through the subscription (the WebSocket's cookie).
  await asWriter(LogMetrics, { runId, points: [{ key: "clean_accuracy", step: 2, value: 0.875 }] });
  await page.waitForSelector("[data-key=clean_accuracy] .chart-box[data-points='3']");
  assert.deepEqual(pageErrors, []);
});

test("with a read token, launching shows the API's FORBIDDEN message and creates nothing", async () => {
  await page.goto(`${web.url}/launch`);
  await page.getByLabel("Experiment").fill("web-auth-forbidden");
  await page.getByRole("button", { name: "Launch", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: /write/i });
  await alert.waitFor();
  assert.match(page.url(), /\/launch$/);
  await shot("launch-forbidden");
  const runs = await asWriter(Runs, { filter: { search: "web-auth-forbidden" }, first: 10 });
  assert.equal(runs.runs.totalCount, 0);
  assert.deepEqual(pageErrors, []);
});

test("signing out forgets the token: pages ask for one again, in-app navigation included", async () => {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  assert.equal(await tokenCookie(), undefined);
  assert.equal(await page.getByTestId("viewer").count(), 0);
  await page.getByRole("link", { name: "Runs", exact: true }).click();
  await page.waitForURL(`${web.url}/sign-in?next=${encodeURIComponent("/runs")}`);
});

test("a token revoked while a run page is open sends the user to /sign-in at the page's next request", async () => {
  await signIn(tokens.reader);
  await page.waitForURL(`${web.url}/runs`);
  await page.getByRole("link", { name: "live-run" }).click();
  await page.waitForSelector("[data-key=clean_accuracy] .chart-box[data-state=drawn][data-points='3']");
  await tokenCli("revoke", "--name", "web-reader");
  // A new cycle makes the page refetch its images over HTTP, which the API now refuses.
  await asWriter(LogMetrics, { runId, points: [{ key: "clean_accuracy", step: 3, value: 0.9 }] });
  await page.waitForURL(`${web.url}/sign-in?next=${encodeURIComponent(`/runs/${runId}`)}`);
  assert.deepEqual(pageErrors, []);
});
