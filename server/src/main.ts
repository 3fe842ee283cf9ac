/**
 * One API process (`npm run api`): migrates the database, serves GraphQL over HTTP and
 * WebSocket, and fails runs whose worker was lost. Without DATABASE_URL it starts the
 * embedded PostgreSQL itself; `npm start` passes DATABASE_URL so that it does not.
 */
import { ConfigError, readConfig } from "./config/env.ts";
import { createPrismaClient } from "./db/client.ts";
import { openDatabase } from "./db/database.ts";
import { EventBus } from "./events/bus.ts";
import { startApiServer } from "./http/server.ts";
import { startReaper } from "./workers/service.ts";

const log = (message: string) => console.log(`[api] ${message}`);

/** Runs one shutdown step, giving up on it after a while so that shutdown always ends. */
async function step(what: string, work: () => Promise<unknown>, timeoutMs = 15_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  const outcome = await Promise.race([
    work().then(
      () => "done" as const,
      () => "failed" as const,
    ),
    timeout,
  ]);
  clearTimeout(timer);
  if (outcome !== "done") log(`${what}: ${outcome === "timeout" ? `gave up after ${timeoutMs / 1000} s` : "failed"}`);
}

async function main(): Promise<void> {
  const config = readConfig();
  const database = await openDatabase(config, log, { migrate: process.env.SPARRING_SKIP_MIGRATE !== "1" });
  const prisma = createPrismaClient(database.url);
  const bus = new EventBus(database.url, prisma, log);
  await bus.start();
  const stopReaper = startReaper(prisma, config.runTimeoutS, log);
  const server = await startApiServer(
    { prisma, bus, runTimeoutS: config.runTimeoutS, authMode: config.auth },
    {
      host: config.host,
      port: config.apiPort,
      log,
      authCacheMs: config.authCacheS * 1000,
      rateLimit: { perSecond: config.rateLimitPerS, burst: config.rateLimitBurst },
    },
  );
  console.log(`API listening on ${server.url} (WebSocket subscriptions on the same URL)`);
  console.log(config.auth === "required" ? "AUTH=required: every request needs an API token" : "AUTH=off: requests need no token");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    stopReaper();
    // Each step is bounded: a stuck client connection must not keep the process alive.
    await step("closing HTTP and WebSocket connections", () => server.close());
    await step("closing the event listener", () => bus.close());
    await step("closing database connections", () => prisma.$disconnect());
    await step("stopping the embedded database", () => database.stop());
    process.exit(0);
  };
  // Started by a supervisor or test harness over IPC: stop when it is gone.
  if (process.send) process.on("disconnect", () => void stop("parent gone"));
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`[api] configuration error: ${error.message}`);
  else console.error(`[api] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
