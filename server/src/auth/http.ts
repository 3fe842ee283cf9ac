/**
 * Authentication at the API's edges. Every HTTP request (but /healthz and CORS
 * preflights) passes `authMiddleware`, which puts the caller in `res.locals.auth` or
 * answers 401; every graphql-ws connection passes `wsAuth.onConnect` (close 4401 when
 * refused). Scope is enforced per operation type: `scopePlugin` for Apollo (403 FORBIDDEN
 * before any resolver runs) and `wsAuth.onSubscribe` for operations sent over WebSocket.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { NextFunction, Request, Response } from "express";
import { getOperationAST, GraphQLError, parse, type DocumentNode } from "graphql";
import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import { connectionCredential, requestCredential, type Credential, type RequestHeaders } from "./credentials.ts";
import type { AuthMode } from "./mode.ts";
import { allows, anonymous, scopeFor, type Principal, type Scope } from "./principal.ts";
import type { TokenVerifier } from "./tokens.ts";

/** graphql-ws close code for a refused connection (graphql-ws clients do not retry it). */
export const WS_UNAUTHORIZED = 4401;

export const MISSING_TOKEN = "missing token: send Authorization: Bearer <token>";
export const INVALID_TOKEN = "invalid or revoked token";

/** Why a request is refused; `unavailable` when the token could not be checked at all. */
export type Refusal = { refused: string; unavailable?: boolean };

/** Decides who a credential belongs to, under the platform's AUTH mode. */
export type Authenticate = (credential: Credential, remoteAddress: string | undefined) => Promise<Principal | Refusal>;

/**
 * A presented token is always checked, even with AUTH=off: a wrong token is reported
 * rather than silently ignored. Only AUTH=off lets a request without any token through.
 */
export function createAuthenticator(mode: AuthMode, verifier: TokenVerifier, log: (message: string) => void = () => {}): Authenticate {
  return async (credential, remoteAddress) => {
    if (credential === undefined) return mode === "off" ? anonymous(remoteAddress) : { refused: MISSING_TOKEN };
    if ("problem" in credential) return { refused: credential.problem };
    try {
      return (await verifier.verify(credential.token)) ?? { refused: INVALID_TOKEN };
    } catch (error) {
      log(`could not check a token: ${(error as Error).message}`);
      return { refused: "database unavailable, try again", unavailable: true };
    }
  };
}

function isRefusal(outcome: Principal | Refusal): outcome is Refusal {
  return "refused" in outcome;
}

function headersOf(request: IncomingMessage): RequestHeaders {
  const { authorization, cookie, origin, host } = request.headers;
  return { authorization, cookie, origin, host };
}

/** Express middleware: `res.locals.auth` = the caller, or a GraphQL-shaped 401 (503 when the database is down). */
export function authMiddleware(authenticate: Authenticate) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const outcome = await authenticate(requestCredential(headersOf(req)), req.socket.remoteAddress);
    if (!isRefusal(outcome)) {
      res.locals.auth = outcome;
      return next();
    }
    if (outcome.unavailable) {
      res.status(503).json({ errors: [{ message: outcome.refused, extensions: { code: "SERVICE_UNAVAILABLE" } }] });
      return;
    }
    res.setHeader("WWW-Authenticate", 'Bearer realm="sparring"');
    res.status(401).json({ errors: [{ message: outcome.refused, extensions: { code: "UNAUTHENTICATED" } }] });
  };
}

/** The refusal of an operation the caller's token does not allow. */
export function forbidden(principal: Principal, needed: Scope): GraphQLError {
  const who = principal.name === null ? "this caller" : `token "${principal.name}"`;
  return new GraphQLError(`${who} has ${principal.scope} scope; changing data needs a ${needed} token`, {
    extensions: { code: "FORBIDDEN", http: { status: 403 } },
  });
}

/** Apollo plugin: refuses an operation beyond the caller's scope before it executes. */
export function scopePlugin<C extends { auth: Principal }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!operation) return;
          const needed = scopeFor(operation.operation);
          if (!allows(contextValue.auth, needed)) throw forbidden(contextValue.auth, needed);
        },
      };
    },
  };
}

/** What graphql-ws hands the hooks below (its Context with use/ws's Extra). */
interface WsContext {
  readonly connectionParams?: Readonly<Record<string, unknown>> | undefined;
  readonly extra: { readonly socket: WebSocket; readonly request: IncomingMessage; auth?: Principal };
}

/** graphql-ws hooks: authenticate on connection_init, check scope per operation. */
export function wsAuth(authenticate: Authenticate) {
  return {
    /** Keeps the caller in `ctx.extra.auth`; closes the socket with 4401 and the reason when refused. */
    async onConnect(ctx: WsContext): Promise<boolean> {
      const { request, socket } = ctx.extra;
      const outcome = await authenticate(connectionCredential(ctx.connectionParams, headersOf(request)), request.socket.remoteAddress);
      if (isRefusal(outcome)) {
        // graphql-ws would close with 4403 "Forbidden"; the reason is worth more. Its own
        // close that follows is a no-op on a closing socket.
        socket.close(outcome.unavailable ? 1011 : WS_UNAUTHORIZED, outcome.refused);
        return false;
      }
      ctx.extra.auth = outcome;
      return true;
    },
    /** Mutations sent over the socket need write scope like over HTTP; reads pass. */
    onSubscribe(ctx: WsContext, _id: string, payload: { query: string; operationName?: string | null }): GraphQLError[] | undefined {
      const principal = ctx.extra.auth;
      if (!principal) return [new GraphQLError(MISSING_TOKEN, { extensions: { code: "UNAUTHENTICATED" } })];
      let document: DocumentNode;
      try {
        document = parse(payload.query);
      } catch {
        return undefined; // graphql-ws reports the syntax error itself
      }
      const operation = getOperationAST(document, payload.operationName ?? undefined);
      if (!operation) return undefined;
      const needed = scopeFor(operation.operation);
      return allows(principal, needed) ? undefined : [forbidden(principal, needed)];
    },
  };
}
