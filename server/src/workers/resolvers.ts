import type { Resolvers } from "../graphql/generated/resolvers.ts";
import { claimRun, heartbeat, listWorkers, workerRuns } from "./service.ts";

export const workerResolvers: Resolvers = {
  Query: {
    workers: (_, __, { prisma }) => listWorkers(prisma),
  },
  Mutation: {
    claimRun: (_, args, { prisma }) => claimRun(prisma, args),
    heartbeat: (_, { runId }, { prisma }) => heartbeat(prisma, runId),
  },
  Worker: {
    runs: (worker, _, { prisma }) => workerRuns(prisma, worker.id),
  },
};
