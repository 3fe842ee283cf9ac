import type { Resolvers } from "../graphql/generated/resolvers.ts";
import { sharedLoads } from "../events/shared-load.ts";
import { subscribe } from "../events/subscription.ts";
import { isUuid, notFound } from "../graphql/errors.ts";
import { loadLoggedPoints, logMetrics, readSeries, type LoggedPoint } from "./service.ts";

/**
 * Every subscriber of a run gets the batch of one metrics event from one read, as one
 * object, so that its execution can be shared too (events/shared-execution.ts).
 */
const loggedBatch = sharedLoads<{ runId: string; points: LoggedPoint[] }>();

export const metricResolvers: Resolvers = {
  Query: {
    metricSeries: (_, args, { prisma }) => readSeries(prisma, args),
  },
  Mutation: {
    logMetrics: (_, { runId, points }, { prisma }) => logMetrics(prisma, runId, points),
  },
  Subscription: {
    metricsAppended: {
      subscribe: (_, { runId }, { prisma, bus }) => {
        if (!isUuid(runId)) throw notFound("run", runId);
        return subscribe(
          bus,
          (event) => event.type === "metrics" && event.runId === runId,
          async (event) =>
            event.type === "metrics"
              ? await loggedBatch(event, async () => ({ runId, points: await loadLoggedPoints(prisma, runId, event.keys) }))
              : undefined,
        );
      },
      resolve: (batch: { runId: string; points: { key: string; step: number; value: number }[] }) => batch,
    },
  },
  Run: {
    metricKeys: async (run, _, { loaders }) => (await loaders.series.load(run.id)).map((s) => s.key),
    summary: async (run, _, { loaders }) => Object.fromEntries((await loaders.series.load(run.id)).map((s) => [s.key, s.lastValue])),
    metrics: (run, args, { prisma }) => readSeries(prisma, { ...args, runIds: [run.id] }),
  },
};
