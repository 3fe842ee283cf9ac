/**
 * What every resolver receives: the process's Prisma client and event bus, the caller
 * (`auth`), and per-request loaders that batch the lookups a list of runs would otherwise
 * make one by one (experiments, summaries).
 */
import type { AuthMode } from "../auth/mode.ts";
import type { Principal } from "../auth/principal.ts";
import type { PrismaClient } from "../db/client.ts";
import type { EventBus } from "../events/bus.ts";
import { createExperimentLoader } from "../experiments/service.ts";
import { createSeriesLoader } from "../metrics/service.ts";

export interface Services {
  prisma: PrismaClient;
  bus: EventBus;
  runTimeoutS: number;
  /** AUTH: whether every request needs a token. */
  authMode: AuthMode;
}

export interface Context extends Services {
  /** Who sent the request (a token, or anonymous with AUTH=off). */
  auth: Principal;
  loaders: {
    experiment: ReturnType<typeof createExperimentLoader>;
    series: ReturnType<typeof createSeriesLoader>;
  };
}

export function createContext(services: Services, auth: Principal): Context {
  return {
    ...services,
    auth,
    loaders: {
      experiment: createExperimentLoader(services.prisma),
      series: createSeriesLoader(services.prisma),
    },
  };
}
