/**
 * Processes as the operating system sees them, for fault tests that crash things the way
 * a machine does: every process of a tree killed at once with SIGKILL, nothing warned.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Every descendant of `pid` (children, grandchildren…), whatever process group they are in. */
export function descendants(pid: number): number[] {
  const table = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of table) {
      if (ppid !== parent) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

/** True while `pid` exists (a zombie still counts until its parent reaps it). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * SIGKILLs `pid` and every descendant in one go. The tree is read first: once a parent
 * dies its children are re-parented and could no longer be found from it. Returns the
 * pids that were signalled.
 */
export function killTree(pid: number): number[] {
  const pids = [pid, ...descendants(pid)];
  for (const p of pids) {
    try {
      process.kill(p, "SIGKILL");
    } catch {
      // already gone
    }
  }
  return pids;
}

/** The postmaster's pid from DATA_DIR/postgres/postmaster.pid, if the file is there. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Waits until none of `pids` exists any more; throws naming the survivors after `timeoutMs`. */
export async function waitForExit(pids: readonly number[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const living = pids.filter(alive);
    if (living.length === 0) return;
    if (Date.now() > deadline) throw new Error(`processes still running after ${timeoutMs} ms: ${living.join(", ")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
