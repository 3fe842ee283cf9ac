/**
 * What the native max-pooling kernels remember between forward and backward, so the
 * gradient passes never re-read the 11 MB a CNN's first convolution writes: MaxPool
 * records each output's winning window position, MaxPoolGrad spreads the pooled
 * gradient with it (without reading the pooled input) and marks its result as made
 * so, and the convolution's filter gradient then works from the pooled gradient and
 * the winners (without reading that mostly-zero result). Records live exactly as long
 * as the tensor data they describe; tensors are immutable, and each record checks the
 * arrays it was made from, so a record can only ever describe the data it is used on.
 */
import type { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";
import type { BufferPool } from "./buffer-pool.ts";

type DataId = Parameters<MathBackendCPU["readSync"]>[0];

/** MaxPool's record of its output y = maxPool(x): each output's winner (255: none). */
export interface PoolWinners {
  x: Float32Array;
  y: Float32Array;
  winners: Uint8Array;
  /** The pooling geometry, as the addon takes it. */
  shape: Int32Array;
}

/** MaxPoolGrad's record of its result dx: the pooled gradient g it spread by winners. */
export interface PooledGradient {
  dx: Float32Array;
  g: Float32Array;
  winners: Uint8Array;
  shape: Int32Array;
}

export class PoolRecords {
  private readonly winners = new Map<DataId, PoolWinners>();
  private readonly gradients = new Map<DataId, PooledGradient>();
  /** Pooled gradients a record still reads: their arrays must not be recycled yet. */
  private readonly holds = new Map<Float32Array, number>();
  /** Held arrays whose tensor is gone: recycled when the last record lets go. */
  private readonly orphans = new Set<Float32Array>();
  /** How many records share each winners array, and released ones by length (fresh ones cost a zero-fill). */
  private readonly winnerUses = new Map<Uint8Array, number>();
  private readonly freeWinners = new Map<number, Uint8Array[]>();

  constructor(private readonly pool: BufferPool) {}

  /** An array for `length` winners, with unspecified contents. */
  takeWinners(length: number): Uint8Array {
    return this.freeWinners.get(length)?.pop() ?? new Uint8Array(length);
  }

  /** Records y's winners (an array from takeWinners). */
  addWinners(y: DataId, record: PoolWinners): void {
    this.winners.set(y, record);
    this.useWinners(record.winners, 1);
  }

  /** The winners behind y, if they were recorded from these very arrays and geometry. */
  winnersOf(y: DataId, yValues: Float32Array, x: Float32Array, shape: Int32Array): PoolWinners | undefined {
    const record = this.winners.get(y);
    return record != null && record.y === yValues && record.x === x && sameShape(record.shape, shape) ? record : undefined;
  }

  addGradient(dx: DataId, record: PooledGradient): void {
    this.holds.set(record.g, (this.holds.get(record.g) ?? 0) + 1);
    this.useWinners(record.winners, 1);
    this.gradients.set(dx, record);
  }

  /** How dx was made, if it was made by winners and is still that array. */
  gradientOf(dx: DataId, dxValues: Float32Array): PooledGradient | undefined {
    const record = this.gradients.get(dx);
    return record?.dx === dxValues ? record : undefined;
  }

  /** Forgets a released tensor's records and recycles its array unless a record still reads it. */
  release(dataId: DataId, values: unknown): void {
    const winners = this.winners.get(dataId);
    if (winners != null) {
      this.winners.delete(dataId);
      this.useWinners(winners.winners, -1);
    }
    const gradient = this.gradients.get(dataId);
    if (gradient != null) {
      this.gradients.delete(dataId);
      this.letGo(gradient.g);
      this.useWinners(gradient.winners, -1);
    }
    if (!(values instanceof Float32Array)) return;
    if (this.holds.has(values)) this.orphans.add(values);
    else this.pool.give(values);
  }

  private useWinners(winners: Uint8Array, change: number): void {
    const uses = (this.winnerUses.get(winners) ?? 0) + change;
    if (uses > 0) {
      this.winnerUses.set(winners, uses);
      return;
    }
    this.winnerUses.delete(winners);
    let free = this.freeWinners.get(winners.length);
    if (free == null) this.freeWinners.set(winners.length, (free = []));
    if (free.length < MAX_FREE_WINNERS) free.push(winners);
  }

  private letGo(g: Float32Array): void {
    const count = (this.holds.get(g) ?? 1) - 1;
    if (count > 0) {
      this.holds.set(g, count);
      return;
    }
    this.holds.delete(g);
    if (this.orphans.delete(g)) this.pool.give(g);
  }
}

/** Released winners arrays kept per length (a step uses two or three of each). */
const MAX_FREE_WINNERS = 4;

function sameShape(a: Int32Array, b: Int32Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
