/**
 * `npm start` (server/src/platform/start.ts) as a child of a test, in its own process
 * group so that a test can crash the whole platform at once, as a power cut would:
 * supervisor, guards, API and the embedded PostgreSQL it spawned.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { alive, killTree, postmasterPid, waitForExit } from "./process-tree.ts";
import { ROOT, waitFor } from "./platform.ts";

export interface NpmStart {
  child: ChildProcess;
  apiUrl: string;
  /** Everything printed so far. */
  output(): string;
  /** SIGKILLs every process of the platform, the database included; resolves once all are gone. */
  crash(): Promise<{ killed: number[]; postgresSurvivedGroupKill: boolean }>;
  /** Ctrl-C: the orderly stop. Falls back to crash() when it takes too long. */
  stop(): Promise<void>;
}

/** Starts `npm start` with `env` (DATA_DIR, API_PORT… are the caller's) and waits until it is ready. */
export async function startNpmStart(env: Record<string, string>, timeoutMs = 120_000): Promise<NpmStart> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/platform/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, SPARRING_PARTS: "api", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: one kill(-pgid) reaches everything it started in that group.
    detached: true,
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const dataDir = env.DATA_DIR!;
  const platform: NpmStart = {
    child,
    apiUrl: `http://127.0.0.1:${env.API_PORT}/graphql`,
    output: () => output,
    async crash() {
      const postgres = postmasterPid(dataDir);
      // The tree first (a guard's child may sit in another group), then the whole group.
      const killed = killTree(child.pid!);
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // the group is already empty
      }
      // A real crash takes the database down too: if the postmaster escaped the group
      // kill, it goes the same way (its backends follow when they see it gone).
      const postgresSurvivedGroupKill = postgres !== undefined && alive(postgres) && !killed.includes(postgres);
      if (postgres !== undefined && alive(postgres)) process.kill(postgres, "SIGKILL");
      await waitForExit([...killed, ...(postgres ? [postgres] : [])]);
      await exited;
      return { killed, postgresSurvivedGroupKill };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGINT");
      let timer: NodeJS.Timeout | undefined;
      const done = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 30_000)))]);
      clearTimeout(timer);
      if (!done) await platform.crash();
    },
  };
  // A test process that dies without its teardown must not leave a platform behind.
  const orphanGuard = () => platform.crash();
  process.once("exit", orphanGuard);
  void exited.then(() => process.removeListener("exit", orphanGuard));
  try {
    await waitFor(async () => output.includes("Ctrl-C stops everything") || child.exitCode !== null, "npm start to be ready", timeoutMs);
    if (child.exitCode !== null) throw new Error(`npm start exited early (code ${child.exitCode})`);
  } catch (error) {
    await platform.crash();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return platform;
}
