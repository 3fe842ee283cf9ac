// GraphQL Code Generator: every TypeScript type of the API comes from the server's SDL
// (server/src/**/schema.graphql), never written by hand. `npm run codegen` rewrites the
// generated files; `npm run lint` fails when they are stale.
import type { CodegenConfig } from "@graphql-codegen/cli";

const schema = ["server/src/**/*.graphql"];
const scalars = { DateTime: "Date | string", JSON: "unknown" };

const config: CodegenConfig = {
  schema,
  ignoreNoDocuments: true,
  generates: {
    "server/src/graphql/generated/resolvers.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useTypeImports: true,
        contextType: "../context.ts#Context",
        scalars: { DateTime: "Date", JSON: "unknown" },
        enumsAsTypes: true,
        mappers: {
          Experiment: "../../db/client.ts#ExperimentRow",
          Run: "../../db/client.ts#RunRow",
          RunImage: "../../db/client.ts#RunImageRow",
          Worker: "../../db/client.ts#WorkerRow",
        },
        mapperTypeSuffix: "Model",
        resolverTypeWrapperSignature: "T | Promise<T>",
      },
    },
    "trainer/src/report/generated/": {
      preset: "client",
      documents: ["trainer/src/**/*.ts", "!trainer/src/report/generated/**"],
      config: { useTypeImports: true, enumsAsTypes: true, scalars },
      presetConfig: { fragmentMasking: false },
    },
    "web/lib/gql/": {
      preset: "client",
      documents: ["web/**/*.{ts,tsx}", "!web/lib/gql/**", "!web/.next/**"],
      config: { useTypeImports: true, enumsAsTypes: true, scalars },
      presetConfig: { fragmentMasking: false },
    },
    "tests/support/gql/": {
      preset: "client",
      documents: ["tests/**/*.ts", "bench/**/*.ts", "!tests/support/gql/**"],
      config: { useTypeImports: true, enumsAsTypes: true, scalars },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
