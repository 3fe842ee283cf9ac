/**
 * Supervises the platform's processes: starts each through the guard, prefixes its
 * output, restarts it when it crashes (a few times), and stops all of them on request.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";

const GUARD = path.join(path.dirname(fileURLToPath(import.meta.url)), "guard.ts");
const COLORS = [36, 35, 33, 32, 34, 31];
const MAX_RESTARTS = 5;

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd: string;
  /** Restart when it exits on its own (servers, workers); not for one-shot builds. */
  restart: boolean;
}

export type Printer = (name: string, line: string) => void;

export function createPrinter(useColor = process.stdout.isTTY ?? false): Printer {
  const colors = new Map<string, number>();
  const width = 8;
  return (name, line) => {
    if (!colors.has(name)) colors.set(name, COLORS[colors.size % COLORS.length]!);
    const label = `[${name}]`.padEnd(width + 2);
    process.stdout.write(useColor ? `\x1b[${colors.get(name)}m${label}\x1b[0m ${line}\n` : `${label} ${line}\n`);
  };
}

export class Supervisor {
  private readonly running = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(
    private readonly print: Printer,
    private readonly onGiveUp: (name: string) => void,
  ) {}

  /** Starts a long-running process; resolves once it is spawned. */
  start(spec: ProcessSpec, restarts = 0): ChildProcess {
    const child = spawn(process.execPath, ["--import", "tsx", GUARD, "--", spec.command, ...spec.args], {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env, ...(process.stdout.isTTY ? { FORCE_COLOR: "1" } : { NO_COLOR: "1" }) },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    this.running.set(spec.name, child);
    for (const stream of [child.stdout!, child.stderr!]) {
      readline.createInterface({ input: stream }).on("line", (line) => this.print(spec.name, line));
    }
    const started = Date.now();
    child.on("exit", (code, signal) => {
      if (this.running.get(spec.name) === child) this.running.delete(spec.name);
      if (this.stopping || !spec.restart) return;
      const reason = signal ? `signal ${signal}` : `code ${code}`;
      // A process that ran for a minute starts a fresh restart budget.
      const budget = Date.now() - started > 60_000 ? 0 : restarts + 1;
      if (budget > MAX_RESTARTS) {
        this.print(spec.name, `exited (${reason}) ${MAX_RESTARTS} times in a row; giving up`);
        this.onGiveUp(spec.name);
        return;
      }
      this.print(spec.name, `exited (${reason}); restarting in 1 s`);
      setTimeout(() => !this.stopping && this.start(spec, budget), 1000);
    });
    return child;
  }

  /** Runs a one-shot command to completion (e.g. a build); rejects on failure. */
  run(spec: Omit<ProcessSpec, "restart">): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = this.start({ ...spec, restart: false });
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${spec.name} failed (exit ${code})`))));
    });
  }

  /** Stops every process: SIGTERM, then SIGKILL after the grace period. */
  async stopAll(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    const children = [...this.running.values()];
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
            child.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill("SIGTERM");
          }),
      ),
    );
  }
}
