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

/** Re-decides the thread count at most once per interval, when asked by the heavy kernels. */
export class ThreadPolicy {
  private last: Sample | null;
  private current: number;

  constructor(
    private readonly setThreads: (n: number) => void,
    private readonly cores = availableParallelism(),
    private readonly intervalMs = 1000,
    private readonly readStat: () => string = () => readFileSync("/proc/stat", "utf8"),
    initialOthersCores = loadavg()[0] ?? 0,
  ) {
    // Before any interval has passed, the load average (which we have not yet added
    // to) is the best guess at what the others use.
    this.current = chooseThreads(initialOthersCores, 1, cores);
    setThreads(this.current);
    this.last = this.sample();
  }

  /** The thread count in force. */
  get threads(): number {
    return this.current;
  }

  /** Cheap unless an interval has passed since the last decision. */
  tick(): void {
    if (this.last == null || performance.now() - this.last.wall < this.intervalMs) return;
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
    if (ticks == null) return null;
    const usage = process.cpuUsage();
    return { wall: performance.now(), ownSeconds: (usage.user + usage.system) / 1e6, ...ticks };
  }
}
