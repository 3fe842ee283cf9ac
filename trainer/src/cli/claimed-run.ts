/**
 * One claimed run, trained in its own process by `worker` (so that runs train in parallel
 * on several cores and a crash or leak in one cannot take the worker down). The worker
 * passes the run in SPARRING_RUN (JSON) and the API in SPARRING_API / SPARRING_TOKEN.
 * SIGTERM or SIGINT ends the run FAILED with "worker stopped". Exit 0 once the run's end
 * is recorded on the API, 1 otherwise (the worker then records the failure itself).
 */
import { ApiClient } from "../report/api-client.ts";
import type { TrainerRun } from "../report/operations.ts";
import { executeRun } from "./execute-run.ts";

async function main(): Promise<number> {
  const api = process.env.SPARRING_API;
  const runJson = process.env.SPARRING_RUN;
  if (!api || !runJson) {
    console.error("claimed-run is started by the worker (SPARRING_API and SPARRING_RUN are missing)");
    return 2;
  }
  const run = JSON.parse(runJson) as TrainerRun;
  const heartbeatMs = Number(process.env.SPARRING_HEARTBEAT_MS) || undefined;
  const client = new ApiClient({ url: api, token: process.env.SPARRING_TOKEN || undefined });
  const result = await executeRun({
    client,
    run,
    out: process.stdout,
    tty: false,
    heartbeatMs,
    onReporter: (reporter) => {
      const stop = () => reporter.requestStop("worker stopped");
      process.on("SIGTERM", stop);
      process.on("SIGINT", stop);
      // The worker is gone (killed): do not train on unsupervised.
      process.on("disconnect", () => reporter.requestStop("worker lost"));
      process.channel?.unref();
    },
  });
  return result.recorded ? 0 : 1;
}

process.exit(await main());
