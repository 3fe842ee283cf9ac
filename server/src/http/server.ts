/**
 * The API process's HTTP edge: Apollo Server on POST /graphql, graphql-ws subscriptions on
 * the same path, GET /healthz, and GET /images/<id>.png. Stateless: any number of these
 * can serve one PostgreSQL. Everything but /healthz passes authentication (server/src/auth).
 */
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { authMiddleware, createAuthenticator, scopePlugin, wsAuth } from "../auth/http.ts";
import type { Principal } from "../auth/principal.ts";
import { TokenVerifier } from "../auth/tokens.ts";
import { migrationStatus } from "../db/migrate.ts";
import { isDatabaseUnavailable } from "../db/unavailable.ts";
import { subscribeShared } from "../events/shared-execution.ts";
import { createContext, type Context, type Services } from "../graphql/context.ts";
import { buildSchema } from "../graphql/schema.ts";
import { readImage } from "../images/service.ts";
import { MAX_QUERY_TOKENS } from "../graphql/limits.ts";
import { limitMessageRate, queryLimitsPlugin, rateLimitMiddleware, subscriptionLimits } from "./limits.ts";
import type { RateLimit } from "./rate-limit.ts";

/** Largest request body accepted (a full logMetrics batch or a 4 MiB PNG fits easily). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface ApiServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "QUERY_TOO_DEEP",
  "QUERY_TOO_COMPLEX",
  "RATE_LIMITED",
]);

/** Client mistakes pass through; anything else becomes an opaque INTERNAL_SERVER_ERROR. */
function formatError(formatted: GraphQLFormattedError, error: unknown, log: (m: string) => void): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === "string" && CLIENT_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const message = original instanceof Error ? original.message : String(original);
  const unavailable = isDatabaseUnavailable(original) || /connect|ECONNREFUSED|terminat|Connection|timeout|57P0/i.test(message);
  log(`internal error: ${message}`);
  return {
    message: unavailable ? "database unavailable, try again" : "internal server error",
    path: formatted.path,
    extensions: { code: unavailable ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR" },
  };
}

export async function startApiServer(
  services: Services,
  options: { host: string; port: number; log?: (message: string) => void; authCacheMs?: number; rateLimit?: RateLimit },
): Promise<ApiServer> {
  const log = options.log ?? (() => {});
  const schema = buildSchema();
  const verifier = new TokenVerifier(services.prisma, { cacheMs: options.authCacheMs ?? 5_000, log });
  const authenticate = createAuthenticator(services.authMode, verifier, log);
  const ws = wsAuth(authenticate);
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql", maxPayload: MAX_BODY_BYTES });
  wsServer.on("connection", (socket) => limitMessageRate(socket));
  const wsLimits = subscriptionLimits(schema);
  const wsCleanup = useServer<Record<string, unknown>, { auth: Principal }>(
    {
      schema,
      // One execution per event and operation, shared by every subscriber (20 dashboards cost one).
      subscribe: subscribeShared,
      onConnect: (ctx) => ws.onConnect(ctx),
      onSubscribe: (ctx, id, payload) => ws.onSubscribe(ctx, id, payload) ?? wsLimits(ctx, id, payload),
      // onConnect has set auth before any operation is accepted.
      context: (ctx) => createContext(services, ctx.extra.auth!) as Context & Record<PropertyKey, unknown>,
      onError: (_ctx, _id, _payload, errors) => {
        for (const e of errors) log(`subscription error: ${e.message}`);
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    formatError: (formatted, error) => formatError(formatted, error, log),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Cache hints are unused here, and the plugin adds work to every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      scopePlugin<Context>(),
      queryLimitsPlugin<Context>(),
    ],
  });
  await apollo.start();

  // Browsers may cache the preflight for 10 minutes (the dashboard calls from another port).
  // The Origin is reflected with credentials so the dashboard's token cookie works; which
  // origins a cookie counts from is decided by authentication (same host name only).
  app.use(cors({ origin: true, credentials: true, maxAge: 600 }));
  app.get("/healthz", async (_req, res) => {
    try {
      const status = await migrationStatus(services.prisma);
      res.status(status.ok ? 200 : 503).json(status);
    } catch (error) {
      res.status(503).json({ ok: false, database: "unreachable", error: (error as Error).message });
    }
  });
  app.use(authMiddleware(authenticate));
  app.get("/images/:file", async (req, res) => {
    const id = req.params.file.replace(/\.png$/, "");
    try {
      const png = await readImage(services.prisma, id);
      if (!png) {
        res.status(404).type("text/plain").send("image not found");
        return;
      }
      // Images never change once stored; behind a token, only the browser may keep them.
      res.setHeader("Cache-Control", `${services.authMode === "required" ? "private" : "public"}, max-age=31536000, immutable`);
      res.type("image/png").send(Buffer.from(png));
    } catch {
      res.status(503).type("text/plain").send("database unavailable");
    }
  });
  // After authentication (res.locals.auth is the caller), before the body is read.
  if (options.rateLimit) app.use("/graphql", rateLimitMiddleware(options.rateLimit));
  app.use(
    "/graphql",
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware(apollo, { context: async ({ res }) => createContext(services, res.locals.auth as Principal) }),
  );
  // Body-parser errors (malformed JSON, too large) as JSON with a clear message, not HTML.
  app.use(
    (error: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
      const message =
        error.type === "entity.too.large"
          ? `request body larger than ${MAX_BODY_BYTES} bytes`
          : error.type === "entity.parse.failed"
            ? "request body is not valid JSON"
            : status === 500
              ? "internal server error"
              : error.message;
      if (status === 500) log(`http error: ${error.message}`);
      res.status(status).json({
        errors: [
          {
            message,
            extensions: { code: status === 413 ? "PAYLOAD_TOO_LARGE" : status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" },
          },
        ],
      });
    },
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    // Stop accepting, close idle keep-alive sockets at once, give in-flight requests 3 s.
    close: async () => {
      await wsCleanup.dispose();
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      const force = setTimeout(() => httpServer.closeAllConnections(), 3000);
      await closed;
      clearTimeout(force);
      await apollo.stop();
    },
  };
}
