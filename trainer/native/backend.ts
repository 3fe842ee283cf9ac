/**
 * The "native" tfjs backend: tfjs's pure-JavaScript `cpu` backend (so every kernel
 * exists and every tensor is a plain typed array in `data`) with the kernels that
 * dominate training replaced by the addon's, which work on those same arrays. Native
 * kernels take their output arrays from a BufferPool; the overrides below keep that
 * recycling invisible from outside.
 */
import type * as tf from "@tensorflow/tfjs";
import { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";
import type { NativeAddon } from "./addon.ts";
import { BufferPool } from "./buffer-pool.ts";
import { PoolRecords } from "./pool-records.ts";

type DataId = Parameters<MathBackendCPU["readSync"]>[0];

export class NativeBackend extends MathBackendCPU {
  readonly pool = new BufferPool();
  readonly poolRecords = new PoolRecords(this.pool);

  constructor(readonly addon: NativeAddon) {
    super();
    // MathBackendCPU greets its first Node.js user with advice to install tfjs-node;
    // on this backend that advice is wrong.
    (this as unknown as { firstUse: boolean }).firstUse = false;
  }

  /** Readers get a copy of recycled memory, so what they hold never changes under them. */
  override readSync(dataId: DataId): tf.backend_util.BackendValues {
    const values = super.readSync(dataId);
    return values instanceof Float32Array && this.pool.owns(values) ? values.slice() : values;
  }

  override async read(dataId: DataId): Promise<tf.backend_util.BackendValues> {
    return this.readSync(dataId);
  }

  /** Returns a disposed tensor's array to the pool (through its pooling records). */
  override disposeData(dataId: DataId, force = false): boolean {
    const values = this.data.get(dataId)?.values;
    const released = super.disposeData(dataId, force);
    if (released && !this.data.has(dataId)) this.poolRecords.release(dataId, values);
    return released;
  }

  /**
   * Called with every cpu-kernel result: a cpu kernel may return a view into its
   * input's memory (Slice does), and such memory must then never be recycled.
   */
  keepViewsSafe(inputs: tf.NamedTensorInfoMap, outputs: tf.TensorInfo | tf.TensorInfo[]): void {
    for (const out of Array.isArray(outputs) ? outputs : [outputs]) {
      // A result that is an input (Reshape, Identity) shares its reference count instead.
      if (Object.values(inputs).some((t) => t?.dataId === out.dataId)) continue;
      const values = this.data.get(out.dataId)?.values;
      if (ArrayBuffer.isView(values) && this.pool.owns(values)) this.pool.disown(values);
    }
  }
}

/**
 * The Float32Array behind a float32 tensor, or null when the tensor is of another
 * dtype or not stored as one array (then the kernel falls back to the cpu one).
 */
export function floatValues(backend: NativeBackend, t: tf.TensorInfo): Float32Array | null {
  if (t.dtype !== "float32") return null;
  const values = backend.data.get(t.dataId)?.values;
  return values instanceof Float32Array ? values : null;
}

/** Registers `values` as a new float32 tensor of `shape` on the backend (no copy). */
export function floatOutput(backend: NativeBackend, shape: number[], values: Float32Array): tf.TensorInfo {
  return backend.makeTensorInfo(shape, "float32", values);
}
