/**
 * A timed wait that another part of the program can cut short: the sender sleeps until
 * new work arrives or its flush interval ends, and everything waiting ends at close().
 */
export class Wakeup {
  private waiters = new Set<{ resolve: () => void; wakeable: boolean; timer: NodeJS.Timeout | undefined }>();
  private isClosed = false;

  get closed(): boolean {
    return this.isClosed;
  }

  /**
   * Waits `ms` milliseconds (forever when undefined), or until wake() unless `ignoreWake`,
   * or until close(). Returns at once once closed.
   */
  wait(ms?: number, ignoreWake = false): Promise<void> {
    if (this.isClosed) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = {
        wakeable: !ignoreWake,
        timer: undefined as NodeJS.Timeout | undefined,
        resolve: () => {
          clearTimeout(waiter.timer);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      if (ms !== undefined) waiter.timer = setTimeout(waiter.resolve, Math.max(0, ms));
      this.waiters.add(waiter);
    });
  }

  /** Ends the waits that accept being woken. */
  wake(): void {
    for (const waiter of [...this.waiters]) if (waiter.wakeable) waiter.resolve();
  }

  /** Ends every wait, now and later. */
  close(): void {
    this.isClosed = true;
    for (const waiter of [...this.waiters]) waiter.resolve();
  }
}
