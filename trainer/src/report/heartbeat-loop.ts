/**
 * A run's heartbeat: tells the API every `intervalMs` that the run is alive, and reports
 * once when the answer says it no longer is (canceled, or failed as lost). Transport
 * failures are skipped silently: the next beat tries again.
 */
import type { ApiClient } from "./api-client.ts";
import { isRetryable } from "./api-error.ts";
import { heartbeat, type RunStatus } from "./operations.ts";
import { Wakeup } from "./wakeup.ts";

export class HeartbeatLoop {
  private readonly wakeup = new Wakeup();
  private loop: Promise<void> | undefined;

  constructor(
    private readonly client: ApiClient,
    private readonly runId: string,
    private readonly intervalMs: number,
    /** Called once with the status, when the run is no longer RUNNING; the loop then ends. */
    private readonly onEnded: (status: RunStatus) => void,
    private readonly log: (message: string) => void,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Beats now instead of at the end of the period (e.g. after a refusal that hints at a cancel). */
  beatNow(): void {
    this.wakeup.wake();
  }

  /** Ends the loop and waits for a beat in flight. */
  async stop(): Promise<void> {
    this.wakeup.close();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.wakeup.closed) {
      await this.wakeup.wait(this.intervalMs);
      if (this.wakeup.closed) return;
      try {
        const status = await heartbeat(this.client, this.runId);
        if (status !== "RUNNING") {
          this.wakeup.close();
          this.onEnded(status);
        }
      } catch (error) {
        // Transport trouble is the sender's to report; a refusal is worth a line.
        if (!isRetryable(error)) this.log(`heartbeat refused: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
