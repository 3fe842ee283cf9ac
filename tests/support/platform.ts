/**
 * A real platform for tests: embedded PostgreSQL in a fresh temporary DATA_DIR, migrated,
 * and API processes started exactly as `npm run api` starts them, on free ports.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "../../server/src/db/embedded.ts";
import { runMigrations } from "../../server/src/db/migrate.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface ApiProcess {
  apiUrl: string;
  wsUrl: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `server/src/main.ts` against a database, like `npm run api`. */
export async function startApi(databaseUrl: string, options: { port?: number; env?: Record<string, string> } = {}): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      API_PORT: String(port),
      SPARRING_SKIP_MIGRATE: "1",
      NODE_ENV: "production",
      ...options.env,
    },
    // The IPC channel ends the API when this process dies without stopping it.
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const api: ApiProcess = {
    apiUrl: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    port,
    child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`API exited early:\n${output}`);
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
    }, "the API to answer /healthz");
  } catch (error) {
    await api.stop("SIGKILL");
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return api;
}

export interface Platform {
  apiUrl: string;
  wsUrl: string;
  databaseUrl: string;
  dataDir: string;
  api: ApiProcess;
  /** Stops the API process only (an outage); startApi() brings it back on the same port. */
  stopApi(signal?: NodeJS.Signals): Promise<void>;
  startApi(): Promise<void>;
  /** A further API process on the same database (another port). */
  startExtraApi(): Promise<ApiProcess>;
  stop(): Promise<void>;
}

export async function startPlatform(options: { runTimeoutS?: number; env?: Record<string, string> } = {}): Promise<Platform> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "sparring-test-"));
  const database = await startEmbeddedPostgres(dataDir, 0);
  await runMigrations(database.url);
  const env = { RUN_TIMEOUT_S: String(options.runTimeoutS ?? 120), ...options.env };
  const extras: ApiProcess[] = [];
  let api: ApiProcess;
  try {
    api = await startApi(database.url, { env });
  } catch (error) {
    // The database must not outlive a start that failed (it would run until reboot).
    await database.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const platform: Platform = {
    apiUrl: api.apiUrl,
    wsUrl: api.wsUrl,
    databaseUrl: database.url,
    dataDir,
    api,
    stopApi: (signal) => api.stop(signal),
    startApi: async () => {
      api = await startApi(database.url, { port: api.port, env });
      platform.api = api;
    },
    startExtraApi: async () => {
      const extra = await startApi(database.url, { env });
      extras.push(extra);
      return extra;
    },
    stop: async () => {
      await Promise.all([api.stop(), ...extras.map((e) => e.stop())]);
      await database.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
  return platform;
}
