import type { Resolvers } from "../graphql/generated/resolvers.ts";
import { sharedLoads } from "../events/shared-load.ts";
import { subscribe } from "../events/subscription.ts";
import { listRuns } from "./list.ts";
import * as runs from "./service.ts";

/** Every subscriber of a run event gets the run from one read. */
const updatedRun = sharedLoads<Awaited<ReturnType<typeof runs.getRun>>>();

export const runResolvers: Resolvers = {
  Query: {
    runs: (_, args, { prisma }) => listRuns(prisma, args),
    run: (_, { id }, { prisma }) => runs.getRun(prisma, id),
    runTags: (_, __, { prisma }) => runs.listTags(prisma),
  },
  Mutation: {
    launchRun: (_, { input }, { prisma }) => runs.launchRun(prisma, input),
    startRun: (_, { input }, { prisma }) => runs.startRun(prisma, input),
    launchRuns: (_, { inputs }, { prisma }) => runs.launchRuns(prisma, inputs),
    finishRun: (_, { runId, status, error }, { prisma }) => runs.finishRun(prisma, runId, status, error),
    cancelRun: (_, { runId }, { prisma }) => runs.cancelRun(prisma, runId),
    setRunTags: (_, { runId, tags }, { prisma }) => runs.setRunTags(prisma, runId, tags),
    setRunNotes: (_, { runId, notes }, { prisma }) => runs.setRunNotes(prisma, runId, notes),
  },
  Subscription: {
    runUpdated: {
      subscribe: (_, { runId }, { prisma, bus }) =>
        subscribe(
          bus,
          (event) => event.type === "run" && (runId == null || event.runId === runId),
          async (event) => (await updatedRun(event, () => runs.getRun(prisma, event.runId))) ?? undefined,
        ),
      resolve: (run: Awaited<ReturnType<typeof runs.requireRun>>) => run,
    },
  },
  Run: {
    experiment: async (run, _, { loaders }) => (await loaders.experiment.load(run.experimentId))!,
    worker: (run) => run.workerId,
  },
};
