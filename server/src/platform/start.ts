/**
 * `npm start`: the whole platform on one machine. Embedded PostgreSQL when DATABASE_URL
 * is unset, migrations, the API, the dashboard (built first when needed) and WORKERS
 * local trainer workers, each supervised with prefixed output. Ctrl-C (or SIGTERM)
 * stops every part, the database last.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, readConfig, type PlatformConfig } from "../config/env.ts";
import { openDatabase, type Database } from "../db/database.ts";
import { createPrinter, Supervisor } from "./supervisor.ts";
import { mintWorkerToken, WORKER_TOKEN_NAME } from "./worker-token.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");
const print = createPrinter();
const say = (line: string) => print("sparring", line);

function urlHost(host: string): string {
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return shown.includes(":") ? `[${shown}]` : shown;
}

/** Newest modification time of the dashboard's sources (not its build output). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === ".next" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function dashboardNeedsBuild(webDir: string): boolean {
  const buildId = path.join(webDir, ".next/BUILD_ID");
  return !existsSync(buildId) || statSync(buildId).mtimeMs < newestSource(webDir);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API did not become healthy at ${url}`);
}

async function main(config: PlatformConfig): Promise<void> {
  let database: Database | undefined;
  let shuttingDown = false;
  const supervisor = new Supervisor(print, (name) => void shutdown(`${name} keeps failing`, 1));

  async function shutdown(reason: string, exitCode = 0): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    say(`${reason}: stopping`);
    await supervisor.stopAll();
    await database?.stop().catch(() => {});
    say("stopped");
    process.exit(exitCode);
  }
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    database = await openDatabase(config, (line) => print("postgres", line));
    if (!shuttingDown) await startParts(config, database, supervisor);
  } catch (error) {
    await shutdown(`failed to start: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}

async function startParts(config: PlatformConfig, database: Database, supervisor: Supervisor): Promise<void> {
  const apiUrl = `http://${urlHost(config.host)}:${config.apiPort}/graphql`;
  const env = {
    DATABASE_URL: database.url,
    HOST: config.host,
    AUTH: config.auth,
    API_PORT: String(config.apiPort),
    RUN_TIMEOUT_S: String(config.runTimeoutS),
    SPARRING_SKIP_MIGRATE: "1",
    // graphql-js runs costly development checks on every value unless told otherwise.
    NODE_ENV: process.env.NODE_ENV ?? "production",
  };
  supervisor.start({
    name: "api",
    command: process.execPath,
    args: ["--import", "tsx", "server/src/main.ts"],
    env,
    cwd: ROOT,
    restart: true,
  });
  await waitForHealth(apiUrl.replace(/\/graphql$/, "/healthz"), 60_000);

  const webDir = path.join(ROOT, "web");
  let dashboard: string | undefined;
  if (config.parts.has("web") && existsSync(path.join(webDir, "app"))) {
    let built = !dashboardNeedsBuild(webDir);
    if (!built) {
      say("building the dashboard (first start or changed sources; takes a minute or two)");
      // A broken dashboard build must not take the API and workers down with it.
      built = await supervisor
        .run({
          name: "build",
          command: process.execPath,
          args: [NEXT, "build", "web"],
          env: { NEXT_TELEMETRY_DISABLED: "1" },
          cwd: ROOT,
        })
        .then(
          () => true,
          (error: Error) => (say(`${error.message}: the dashboard is not served`), false),
        );
    }
    if (built) {
      supervisor.start({
        name: "web",
        command: process.execPath,
        args: [NEXT, "start", "web", "-H", config.host, "-p", String(config.webPort)],
        env: {
          ...env,
          SPARRING_API_URL: apiUrl,
          NEXT_TELEMETRY_DISABLED: "1",
          WEB_PORT: String(config.webPort),
        },
        cwd: ROOT,
        restart: true,
      });
      dashboard = `http://${urlHost(config.host)}:${config.webPort}`;
    }
  }

  const workerCli = path.join(ROOT, "trainer/src/cli/worker.ts");
  if (config.parts.has("workers") && existsSync(workerCli) && config.workers > 0) {
    // Only the workers get the token; with AUTH=off they need none (a stale one would be refused).
    const token = config.auth === "required" ? await mintWorkerToken(database.url) : "";
    if (token) say(`local workers use a fresh write token "${WORKER_TOKEN_NAME}" (AUTH=required)`);
    for (let i = 1; i <= config.workers; i++) {
      supervisor.start({
        name: `worker-${i}`,
        command: process.execPath,
        args: ["--import", "tsx", workerCli, "--api", apiUrl, "--id", `local-${i}`],
        env: { SPARRING_TOKEN: token },
        cwd: ROOT,
        restart: true,
      });
    }
  }

  say(`API listening on ${apiUrl} (subscriptions: ${apiUrl.replace(/^http/, "ws")})`);
  if (dashboard) say(`dashboard on ${dashboard}`);
  if (config.auth === "required")
    say("AUTH=required: every request needs a token; make one with: npm run token -- create --name NAME --scope read|write");
  say(
    `${config.parts.has("workers") && existsSync(workerCli) ? config.workers : 0} local worker(s); data in ${config.dataDir}; Ctrl-C stops everything`,
  );
}

let config: PlatformConfig;
try {
  config = readConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`configuration error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
void main(config);
