/**
 * What every resolver receives: the process's Prisma client and event bus, and
 * per-request loaders that batch the lookups a list of runs would otherwise make one by
 * one (experiments, summaries).
 */
import type { PrismaClient } from "../db/client.ts";
import type { EventBus } from "../events/bus.ts";
import { createExperimentLoader } from "../experiments/service.ts";
import { createSeriesLoader } from "../metrics/service.ts";

export interface Services {
  prisma: PrismaClient;
  bus: EventBus;
  runTimeoutS: number;
}

export interface Context extends Services {
  loaders: {
    experiment: ReturnType<typeof createExperimentLoader>;
    series: ReturnType<typeof createSeriesLoader>;
  };
}

export function createContext(services: Services): Context {
  return {
    ...services,
    loaders: {
      experiment: createExperimentLoader(services.prisma),
      series: createSeriesLoader(services.prisma),
    },
  };
}
