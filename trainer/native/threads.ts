/**
 * How many OpenMP threads the native kernels use, adapted to how busy the machine is.
 *
 * Every parallel region — each oneDNN primitive, each large elementwise loop — ends
 * when its slowest thread does. While other processes keep the cores busy, a second
 * thread of ours waits for a core at every region, and training ran about 3× slower
 * on two threads than on one (docs/BENCHMARKS.md, "Native backend"). So: all cores
 * while the rest of the machine leaves them free, one thread while other processes
 * use more than about half a core. Setting OMP_NUM_THREADS turns the adaptation off.
 */
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";

/** Others' use, in cores, above which we drop to one thread, and below which we go back. */
const CROWDED = 0.6;
const FREE = 0.3;

/**
 * The thread count for the next interval, given how many cores other processes used in
 * the last one; hysteresis keeps it from flapping around a single threshold.
 */
export function chooseThreads(othersCores: number, current: number, cores: number): number {
  if (cores <= 1 || othersCores > CROWDED) return 1;
  if (othersCores < FREE) return cores;
  return current;
}

/** Busy and total CPU time of the whole machine, in clock ticks, from /proc/stat. */
export function machineTicks(stat: string): { busy: number; total: number } | null {
  const fields = /^cpu\s+(.*)$/m.exec(stat)?.[1]?.trim().split(/\s+/).map(Number);
  if (fields == null || fields.length < 4 || fields.some(Number.isNaN)) return null;
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3]! + (fields[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

interface Sample {
  wall: number;
  ownSeconds: number;
  busy: number;
  total: number;
}

/** Where the policy reads the machine and itself; tests replace these. */
export interface ThreadPolicyOptions {
  cores?: number;
  intervalMs?: number;
  /** The contents of /proc/stat. */
  readStat?: () => string;
  /** CPU seconds this process has used so far (all its threads). */
  ownSeconds?: () => number;
  /** Milliseconds on a monotonic clock. */
  now?: () => number;
  /** What the others use before the first interval: the load average by default. */
  initialOthersCores?: number;
}

/** Re-decides the thread count at most once per interval, when asked by the heavy kernels. */
export class ThreadPolicy {
  private last: Sample | null;
  private current: number;
  private readonly cores: number;
  private readonly intervalMs: number;
  private readonly readStat: () => string;
  private readonly ownSeconds: () => number;
  private readonly now: () => number;

  constructor(
    private readonly setThreads: (n: number) => void,
    options: ThreadPolicyOptions = {},
  ) {
    this.cores = options.cores ?? availableParallelism();
    this.intervalMs = options.intervalMs ?? 1000;
    this.readStat = options.readStat ?? (() => readFileSync("/proc/stat", "utf8"));
    this.ownSeconds = options.ownSeconds ?? (() => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1e6;
    });
    this.now = options.now ?? (() => performance.now());
    // Before any interval has passed, the load average (which we have not yet added
    // to) is the best guess at what the others use.
    this.current = chooseThreads(options.initialOthersCores ?? loadavg()[0] ?? 0, 1, this.cores);
    setThreads(this.current);
    this.last = this.sample();
  }

  /** The thread count in force. */
  get threads(): number {
    return this.current;
  }

  /** Cheap unless an interval has passed since the last decision. */
  tick(): void {
    if (this.last == null || this.now() - this.last.wall < this.intervalMs) return;
    const now = this.sample();
    if (now == null) return;
    const wall = (now.wall - this.last.wall) / 1000;
    const busyCores = ((now.busy - this.last.busy) / Math.max(now.total - this.last.total, 1)) * this.cores;
    const ownCores = (now.ownSeconds - this.last.ownSeconds) / wall;
    this.last = now;
    const next = chooseThreads(busyCores - ownCores, this.current, this.cores);
    if (next !== this.current) {
      this.current = next;
      this.setThreads(next);
    }
  }

  private sample(): Sample | null {
    let ticks: { busy: number; total: number } | null;
    try {
      ticks = machineTicks(this.readStat());
    } catch {
      ticks = null;
    }
    return ticks == null ? null : { wall: this.now(), ownSeconds: this.ownSeconds(), ...ticks };
  }
}
