import type { Resolvers } from "../graphql/generated/resolvers.ts";
import { listRuns } from "../runs/list.ts";
import { countRuns, createExperiment, getExperiment, listExperiments } from "./service.ts";

export const experimentResolvers: Resolvers = {
  Query: {
    experiments: (_, __, { prisma }) => listExperiments(prisma),
    experiment: (_, { id }, { prisma }) => getExperiment(prisma, id),
  },
  Mutation: {
    createExperiment: (_, { name, description }, { prisma }) => createExperiment(prisma, name, description),
  },
  Experiment: {
    runs: (experiment, { first, after }, { prisma }) => listRuns(prisma, { filter: { experimentId: experiment.id }, first, after }),
    runCount: (experiment, _, { prisma }) => countRuns(prisma, experiment.id),
  },
};
