import type { Resolvers } from "../graphql/generated/resolvers.ts";

export const authResolvers: Resolvers = {
  Query: {
    viewer: (_, __, { auth, authMode }) => ({
      name: auth.name,
      scope: auth.scope === "write" ? "WRITE" : "READ",
      authRequired: authMode === "required",
    }),
  },
};
