/**
 * The dashboard for browser tests and benchmarks: builds it when the build is missing or
 * older than its sources, starts `next start` against an API on a free port, and opens
 * Debian's Chromium through playwright-core.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { freePort, ROOT, waitFor, type Platform } from "./platform.ts";

const WEB = path.join(ROOT, "web");
const BUILD_ID = path.join(WEB, ".next", "BUILD_ID");
const SOURCES = ["app", "ui", "lib", "proxy.ts", "next.config.ts"].map((p) => path.join(WEB, p));
const SHARED = [path.join(ROOT, "trainer/src/config/training-config.ts"), path.join(ROOT, "package-lock.json")];

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when web/.next exists and no source changed after it was built. */
export function webBuildIsFresh(): boolean {
  const built = fs.statSync(BUILD_ID, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return false;
  return [...SOURCES, ...SHARED].every((p) => newestMtime(p) <= built);
}

/**
 * Builds the dashboard unless a fresh build exists. A lock directory keeps concurrent test
 * files from building at the same time (the second waits and reuses the first's build).
 */
export async function ensureWebBuild(): Promise<void> {
  const lock = path.join(os.tmpdir(), `sparring-web-build-${Buffer.from(ROOT).toString("hex").slice(-16)}.lock`);
  for (;;) {
    if (webBuildIsFresh()) return;
    try {
      fs.mkdirSync(lock);
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 15 * 60_000) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed build
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    try {
      if (webBuildIsFresh()) return;
      const result = spawnSync("npm", ["run", "build:web"], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      });
      if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
      return;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface WebServer {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the built dashboard (`next start`) talking to `apiUrl`, on a free port. */
export async function startWeb(apiUrl: string): Promise<WebServer> {
  await ensureWebBuild();
  const port = await freePort();
  let output = "";
  const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [next, "start", "web", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, SPARRING_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const server: WebServer = {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`next start exited early:\n${output}`);
      return (await fetch(`${url}/launch`)).status < 500;
    }, "the dashboard to answer");
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    throw error;
  }
  return server;
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Launches headless Chromium with a fresh, empty profile, as ENVIRONMENT.md prescribes
 * (playwright takes the profile directory as launchPersistentContext's argument).
 */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "sparring-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where tests save screenshots (gitignored). */
export const SCREENSHOTS = path.join(ROOT, "test-results", "web");

/**
 * Stops a platform, killing its API process if it has not exited `graceMs` after SIGTERM,
 * so that a slow or stuck shutdown can never hang a test run.
 */
export async function stopPlatform(platform: Platform, graceMs = 10_000): Promise<void> {
  const timer = setTimeout(() => platform.api.child.kill("SIGKILL"), graceMs);
  try {
    await platform.stop();
  } finally {
    clearTimeout(timer);
  }
}
