/**
 * Recycled Float32Arrays for kernel outputs. A training step allocates the same
 * tensor sizes every time, tens of megabytes of them for the CNN; fresh arrays cost a
 * zero-fill, page faults and garbage collection each. Arrays come back here when
 * their tensor is disposed and go out again, uninitialised, to the next kernel that
 * asks for that size (every native kernel overwrites its whole output).
 */
export class BufferPool {
  private readonly free = new Map<number, Float32Array[]>();
  private readonly mine = new WeakSet<ArrayBufferLike>();
  private freeBytes = 0;

  /** @param maxFreeBytes Arrays beyond this many idle bytes are left to the GC. */
  constructor(private readonly maxFreeBytes = 512 * 1024 * 1024) {}

  /** An array of `length` floats with unspecified contents. */
  take(length: number): Float32Array {
    const reused = this.free.get(length)?.pop();
    if (reused != null) {
      this.freeBytes -= reused.byteLength;
      return reused;
    }
    const fresh = new Float32Array(length);
    this.mine.add(fresh.buffer);
    return fresh;
  }

  /** Whether `values` (or a view into the same memory) came from this pool. */
  owns(values: ArrayBufferView): boolean {
    return this.mine.has(values.buffer);
  }

  /**
   * Never recycles the memory behind `values` again: something else (a view made by
   * a cpu kernel, say) may still read it.
   */
  disown(values: ArrayBufferView): void {
    this.mine.delete(values.buffer);
  }

  /** Takes back an array whose tensor is gone, unless it was disowned meanwhile. */
  give(values: Float32Array): void {
    if (!this.mine.has(values.buffer) || values.byteLength + this.freeBytes > this.maxFreeBytes) return;
    let list = this.free.get(values.length);
    if (list == null) this.free.set(values.length, (list = []));
    list.push(values);
    this.freeBytes += values.byteLength;
  }
}
