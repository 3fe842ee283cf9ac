/**
 * The trainer's command-line tools as child processes of a test, started exactly as
 * `npm run worker` / `npm run train` start them, with their output kept for assertions.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as ops from "../support/documents.ts";
import { query } from "../support/graphql.ts";
import { ROOT, type Platform } from "../support/platform.ts";

export interface TrainerProcess {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Waits until the output matches `pattern`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Sends a signal (default SIGTERM) and waits for the exit; SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

/** Tools still running: killed when the test process exits, so that none outlives its test. */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Starts `trainer/src/cli/<tool>.ts` with `args`. */
export function startTrainerTool(tool: "worker" | "train" | "study", args: string[], env: Record<string, string> = {}): TrainerProcess {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", `trainer/src/cli/${tool}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return {
    child,
    output: () => output,
    exited,
    async waitForOutput(pattern, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (child.exitCode !== null) throw new Error(`${tool} exited (${child.exitCode}) before printing ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} from ${tool}:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop(signal = "SIGTERM", graceMs = 30_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Polls `read` until `done` holds for its value; returns that value. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls run `id` through the API at `api` until it has ended (neither QUEUED nor RUNNING); returns it. */
export function runEnded(api: string, id: string, what = "the run to end", timeoutMs?: number) {
  return pollUntil(
    async () => (await query(api, ops.RunById, { id })).run!,
    (r) => r.status !== "QUEUED" && r.status !== "RUNNING",
    what,
    timeoutMs,
  );
}

/** A config that trains in seconds: the end-to-end tests' standard. */
export const TINY_CONFIG = { classifier: "mlp", trainSize: 256, testSize: 128, cycles: 2, unitSteps: 3, pretrainSteps: 3 } as const;

/**
 * Stops a test platform. The API is killed first: an API process with open subscriptions
 * or keep-alive sockets can take long to drain, and a test's teardown must not hang.
 */
export async function stopPlatform(platform: Platform | undefined): Promise<void> {
  if (!platform) return;
  platform.api.child.kill("SIGKILL");
  await platform.stop();
}
