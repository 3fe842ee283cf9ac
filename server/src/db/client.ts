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
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  return new PrismaClient({ adapter });
}
