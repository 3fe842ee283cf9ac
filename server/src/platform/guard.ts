/**
 * Runs one command for the supervisor and ties its life to the supervisor's: when the
 * supervisor goes away without cleaning up (kill -9), the IPC channel closes and the
 * guard stops its command, so no part of the platform is left running unsupervised.
 *
 * Usage (by the supervisor only): node guard.ts -- COMMAND [ARGS...]
 */
import { spawn } from "node:child_process";

const separator = process.argv.indexOf("--");
const [command, ...args] = process.argv.slice(separator + 1);
if (separator < 0 || !command) {
  console.error("guard: usage: guard.ts -- COMMAND [ARGS...]");
  process.exit(2);
}

const child = spawn(command, args, { stdio: "inherit", env: process.env });
let stopping = false;

function stop(): void {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  // A command that ignores SIGTERM is killed after a grace period.
  setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
}

process.on("SIGINT", stop);
process.on("SIGTERM", stop);
process.on("disconnect", stop);
child.on("error", (error) => {
  console.error(`guard: cannot start ${command}: ${error.message}`);
  process.exit(127);
});
child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 128 + 15 : 1);
  process.disconnect?.();
});
