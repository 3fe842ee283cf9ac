/**
 * The database edge: one Prisma client per process, on the `pg` driver adapter, and the
 * row types that GraphQL resolvers map from (see codegen.ts "mappers").
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";
import type { Experiment, Run, RunImage, Worker } from "./generated/client.ts";

export type { Prisma } from "./generated/client.ts";
export { PrismaClient };
export type ExperimentRow = Experiment;
export type RunRow = Run;
/** An image row without its bytes: listings never load the PNG itself. */
export type RunImageRow = Omit<RunImage, "png">;
export type WorkerRow = Worker;

export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: poolSize,
    // A request waits at most this long for a free connection, then fails clearly
    // instead of hanging (e.g. while PostgreSQL restarts).
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({
    adapter,
    // Prisma's defaults (2 s to start, 5 s to finish) are too tight for a 10,000-point
    // batch on a busy 2-core machine; a transaction cut off by them must not happen.
    transactionOptions: { maxWait: 10_000, timeout: 60_000 },
  });
}
