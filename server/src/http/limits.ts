/**
 * The API's limits at its edges: the rate limit per caller on POST /graphql, the query
 * depth and cost limits for Apollo, and the same limits plus per-connection bounds for
 * graphql-ws. Every refusal is a GraphQL-shaped error whose code and message name the limit.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { NextFunction, Request, Response } from "express";
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from "graphql";
import type { WebSocket } from "ws";
import { MAX_QUERY_TOKENS, queryLimitRules } from "../graphql/limits.ts";
import { RateLimiter, retryAfterSeconds, type RateLimit } from "./rate-limit.ts";

/** Operations one WebSocket connection may have open at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 100;
/** Messages a second one WebSocket connection may send (after a burst of twice that). */
export const WS_MESSAGES_PER_S = 50;
/** Close code for a connection that sent messages too fast: WebSocket's "policy violation" (4429 is graphql-ws's own). */
export const WS_TOO_MANY_MESSAGES = 1008;

/** Express middleware: one token per request from the caller's bucket, else 429 with Retry-After. */
export function rateLimitMiddleware(limit: RateLimit, now: () => number = Date.now) {
  const limiter = new RateLimiter(limit);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!limiter.enabled) return next();
    // The caller authentication found, else the client's address.
    const key = (res.locals.auth as { key?: string } | undefined)?.key ?? `ip:${req.ip}`;
    const decision = limiter.take(key, now());
    if (decision.allowed) return next();
    const seconds = retryAfterSeconds(decision.retryAfterMs);
    res.setHeader("Retry-After", String(seconds));
    res.status(429).json({
      errors: [
        {
          message:
            `rate limit exceeded: at most ${limit.perSecond} requests a second per token ` +
            `(bursts of ${limit.burst}, RATE_LIMIT_PER_S / RATE_LIMIT_BURST); retry after ${seconds} s`,
          extensions: { code: "RATE_LIMITED", perSecond: limit.perSecond, burst: limit.burst, retryAfterS: seconds },
        },
      ],
    });
  };
}

/**
 * Apollo plugin: the depth and cost rules, once the operation is known and with its
 * variables. Not Apollo's validationRules: those are cached per document text and never
 * see the variables that size a list (`keys: $keys`).
 */
export function queryLimitsPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const [error] = validate(schema, document, queryLimitRules(request.variables));
          if (error) throw error;
        },
      };
    },
  };
}

/** The part of graphql-ws's context these hooks read. */
interface WsContext {
  readonly subscriptions: Readonly<Record<string, unknown>>;
}

/** A GraphQL-shaped refusal with a code, as graphql-ws sends it in an `error` message. */
function refusal(message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/**
 * graphql-ws onSubscribe: bounds the operations a connection has open, then parses (with
 * the token limit), validates and applies the query limits as Apollo does over HTTP.
 * Returns the refusals, or the arguments to execute with.
 */
export function subscriptionLimits(schema: GraphQLSchema) {
  return (
    ctx: WsContext,
    _id: string,
    payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  ): GraphQLError[] | ExecutionArgs => {
    // graphql-ws has already registered this one.
    const open = Object.keys(ctx.subscriptions).length;
    if (open > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
      return [
        refusal(
          `too many operations on this connection: at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} at once; complete some first`,
          "RATE_LIMITED",
          { limit: MAX_SUBSCRIPTIONS_PER_CONNECTION },
        ),
      ];
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: MAX_QUERY_TOKENS });
    } catch (error) {
      return [refusal(error instanceof Error ? error.message : String(error), "GRAPHQL_PARSE_FAILED")];
    }
    const errors = validate(schema, document, [...specifiedRules, ...queryLimitRules(payload.variables)]);
    if (errors.length > 0) {
      return errors.map((e) => (e.extensions.code ? e : refusal(e.message, "GRAPHQL_VALIDATION_FAILED")));
    }
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
  };
}

/**
 * Closes a WebSocket that sends more than WS_MESSAGES_PER_S messages a second (bursts of
 * twice that) with code 1008 and a reason naming the limit.
 */
export function limitMessageRate(socket: WebSocket, now: () => number = Date.now): void {
  const limiter = new RateLimiter({ perSecond: WS_MESSAGES_PER_S, burst: 2 * WS_MESSAGES_PER_S });
  socket.on("message", () => {
    if (limiter.take("socket", now()).allowed) return;
    socket.close(WS_TOO_MANY_MESSAGES, `too many messages: at most ${WS_MESSAGES_PER_S} a second`);
  });
}
