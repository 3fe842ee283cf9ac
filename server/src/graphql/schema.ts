/**
 * The executable schema: every domain's SDL (server/src/<domain>/schema.graphql) merged,
 * with the domain resolvers. The SDL files are the single source of the API's types.
 */
import { mergeResolvers, mergeTypeDefs } from "@graphql-tools/merge";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { GraphQLSchema } from "graphql";
import { authResolvers } from "../auth/resolvers.ts";
import { experimentResolvers } from "../experiments/resolvers.ts";
import { imageResolvers } from "../images/resolvers.ts";
import { metricResolvers } from "../metrics/resolvers.ts";
import { runResolvers } from "../runs/resolvers.ts";
import { workerResolvers } from "../workers/resolvers.ts";
import type { Resolvers } from "./generated/resolvers.ts";
import { DateTimeScalar, JSONScalar } from "./scalars.ts";

const SERVER_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** All SDL documents of the server, in a stable order. */
export function loadTypeDefs(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "generated") walk(full);
      else if (entry.name.endsWith(".graphql")) files.push(full);
    }
  };
  walk(SERVER_SRC);
  return files.map((file) => readFileSync(file, "utf8"));
}

export function buildSchema(): GraphQLSchema {
  const resolvers = mergeResolvers([
    { DateTime: DateTimeScalar, JSON: JSONScalar } as Resolvers,
    experimentResolvers,
    runResolvers,
    metricResolvers,
    imageResolvers,
    workerResolvers,
    authResolvers,
  ]);
  return makeExecutableSchema({ typeDefs: mergeTypeDefs(loadTypeDefs()), resolvers });
}
