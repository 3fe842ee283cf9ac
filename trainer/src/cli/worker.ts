/**
 * `npm run worker -- --api URL [--concurrency N] [--token T] [--id NAME]`: claims QUEUED
 * runs through the API (claimRun; no database access) and trains them, each in its own
 * process (claimed-run.ts), N at a time. Polls every --poll seconds when idle. On SIGINT
 * or SIGTERM it stops claiming, asks its runs to stop (they end FAILED, "worker stopped")
 * and exits 0 once they have.
 */
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { useBackend } from "../compute/backend.ts";
import { ApiClient } from "../report/api-client.ts";
import { isRetryable, retryAfterMs } from "../report/api-error.ts";
import { backoffDelay } from "../report/backoff.ts";
import { claimRun, finishRun, type TrainerRun } from "../report/operations.ts";
import { authProblem } from "./auth-problem.ts";
import { failureMessage } from "./failure-message.ts";
import { Wakeup } from "../report/wakeup.ts";

const HELP = `Usage: npm run worker -- --api URL [options]

Claims queued runs from the Sparring API and trains them.
  --api URL           GraphQL endpoint (default: $SPARRING_API or http://127.0.0.1:4000/graphql)
  --concurrency N     runs trained at the same time, each in its own process (default 1)
  --id NAME           worker id shown on runs (default: HOSTNAME-PID)
  --token T           API token (default: $SPARRING_TOKEN)
  --poll SECONDS      wait between claims when the queue is empty (default 1.5)
  --heartbeat SECONDS heartbeat interval of the runs (default 5)
  --help`;

const CLAIMED_RUN = fileURLToPath(new URL("./claimed-run.ts", import.meta.url));

interface Options {
  api: string;
  token: string | undefined;
  concurrency: number;
  workerId: string;
  pollMs: number;
  heartbeatMs: number;
}

function readOptions(argv: string[]): Options | string {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      api: { type: "string" },
      concurrency: { type: "string" },
      id: { type: "string" },
      token: { type: "string" },
      poll: { type: "string" },
      heartbeat: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return HELP;
  const concurrency = Number(values.concurrency ?? 1);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error(`--concurrency: expected a positive integer, got "${values.concurrency}"`);
  const pollS = Number(values.poll ?? 1.5);
  const heartbeatS = Number(values.heartbeat ?? 5);
  if (!(pollS > 0)) throw new Error(`--poll: expected seconds, got "${values.poll}"`);
  if (!(heartbeatS > 0)) throw new Error(`--heartbeat: expected seconds, got "${values.heartbeat}"`);
  return {
    api: values.api ?? process.env.SPARRING_API ?? "http://127.0.0.1:4000/graphql",
    token: values.token ?? (process.env.SPARRING_TOKEN || undefined),
    concurrency,
    workerId: values.id ?? `${os.hostname()}-${process.pid}`,
    pollMs: pollS * 1000,
    heartbeatMs: heartbeatS * 1000,
  };
}

function say(message: string): void {
  console.log(`[worker] ${message}`);
}

/** Trains one claimed run in a child process, its output prefixed with the run's name. */
function trainInChild(run: TrainerRun, options: Options): { child: ChildProcess; done: Promise<void> } {
  const child = spawn(process.execPath, [...process.execArgv, CLAIMED_RUN], {
    env: {
      ...process.env,
      SPARRING_API: options.api,
      SPARRING_TOKEN: options.token ?? "",
      SPARRING_RUN: JSON.stringify(run),
      SPARRING_HEARTBEAT_MS: String(options.heartbeatMs),
    },
    // The IPC channel closes when the worker dies, however it dies: the child then stops too.
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    // Its own process group: a terminal's Ctrl-C reaches the worker, which stops it in order.
    detached: true,
  });
  const prefix = `[${run.name}] `;
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on("line", (line) => console.log(prefix + line));
  }
  const done = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      if (code === 0) return resolve();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      console.log(`${prefix}the training process ${how}; recording the run as FAILED`);
      finishRun(new ApiClient({ url: options.api, token: options.token }), run.id, "FAILED", `the training process ${how}`)
        .catch((error) => console.log(`${prefix}could not record the failure: ${failureMessage(error)}`))
        .finally(resolve);
    });
    child.once("error", (error) => {
      console.log(`${prefix}could not start the training process: ${error.message}`);
      resolve();
    });
  });
  return { child, done };
}

async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    const read = readOptions(argv);
    if (typeof read === "string") {
      console.log(read);
      return 0;
    }
    options = read;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const backend = await useBackend("auto", { warn: say });
  const client = new ApiClient({ url: options.api, token: options.token });
  const quickClient = new ApiClient({ url: options.api, token: options.token, timeoutMs: 3_000 });
  const hostname = os.hostname();
  const active = new Map<string, { child: ChildProcess; done: Promise<void> }>();
  const wakeup = new Wakeup();
  let stopping = false;

  let firstSignalAt = 0;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // npm, tsx and terminals relay one Ctrl-C or SIGTERM several times: only a later one insists.
      if (Date.now() - firstSignalAt < 1_000) return;
      say(`${signal} again: killing ${active.size} training process(es)`);
      for (const { child } of active.values()) child.kill("SIGKILL");
      const runs = [...active.keys()].map((id) => finishRun(quickClient, id, "FAILED", "worker killed").catch(() => undefined));
      void Promise.all(runs).finally(() => process.exit(130));
      return;
    }
    stopping = true;
    firstSignalAt = Date.now();
    say(`${signal}: no more claims; stopping ${active.size} run(s)`);
    for (const { child } of active.values()) child.kill("SIGTERM");
    wakeup.close();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  say(`${options.workerId} on ${backend}, ${options.concurrency} at a time, claiming from ${options.api}`);
  let failures = 0;
  let refused: string | undefined;
  while (!stopping) {
    if (active.size >= options.concurrency) {
      await Promise.race([...[...active.values()].map((a) => a.done), wakeup.wait()]);
      continue;
    }
    let run: TrainerRun | null;
    try {
      run = await claimRun(client, { workerId: options.workerId, backend, hostname });
      if (failures > 0) say("the API is reachable again");
      failures = 0;
    } catch (error) {
      // A refused token stays refused: retrying forever would hide the problem.
      refused = authProblem(error);
      if (refused) {
        say(`${refused}; stopping`);
        stopping = true;
        for (const { child } of active.values()) child.kill("SIGTERM");
        break;
      }
      if (failures === 0) say(`cannot claim runs: ${failureMessage(error)}${isRetryable(error) ? "; retrying" : ""}`);
      // A 429 says how long to wait (Retry-After); otherwise back off.
      await wakeup.wait(Math.max(options.pollMs, backoffDelay(failures++), retryAfterMs(error)));
      continue;
    }
    if (!run) {
      await wakeup.wait(options.pollMs);
      continue;
    }
    if (stopping) {
      // Claimed as the signal came: hand it back as failed rather than leave it RUNNING.
      await finishRun(client, run.id, "FAILED", "worker stopped").catch(() => undefined);
      break;
    }
    say(`claimed ${run.method} run "${run.name}" (${run.id})`);
    const id = run.id;
    const training = trainInChild(run, options);
    active.set(id, training);
    void training.done.then(() => {
      active.delete(id);
      wakeup.wake();
    });
  }
  await Promise.all([...active.values()].map((a) => a.done));
  say("stopped");
  return refused ? 1 : 0;
}

process.exit(await main(process.argv.slice(2)));
