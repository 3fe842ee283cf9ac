"use client";
/**
 * The browser's connection to the API: one urql client per page load, HTTP for queries
 * and mutations, graphql-ws for subscriptions (the API's URL arrives as a prop from the
 * server, so nothing about the deployment is compiled in). Under AUTH=required the
 * HttpOnly token cookie authenticates both: fetches include credentials, and the browser
 * sends the cookie with the WebSocket upgrade by itself. A refusal for want of a valid
 * token sends the user to the sign-in page.
 */
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { cacheExchange, Client, fetchExchange, mapExchange, Provider, subscriptionExchange } from "urql";
import { wsUrlFor } from "../../lib/api-url.ts";
import { isUnauthenticated } from "../../lib/auth-errors.ts";
import { sendToSignIn } from "../auth/send-to-sign-in.ts";

const ApiUrlContext = createContext<string>("");

/** The API's HTTP endpoint, for resolving image paths and the like. */
export function useApiUrl(): string {
  return useContext(ApiUrlContext);
}

/** The API closes a graphql-ws connection it refuses for want of a valid token with 4401 (never retried). */
const WS_UNAUTHORIZED = 4401;

function makeClient(url: string): Client {
  let ws: WsClient | undefined;
  // The socket opens at the first subscription only, and only in the browser.
  const socket = (): WsClient =>
    (ws ??= createWsClient({
      url: wsUrlFor(url),
      retryAttempts: Infinity,
      lazy: true,
      on: {
        closed: (event) => {
          if ((event as { code?: number } | undefined)?.code === WS_UNAUTHORIZED) sendToSignIn();
        },
      },
    }));
  return new Client({
    url,
    // The token cookie goes to the API's port too (same host, same site).
    fetchOptions: { credentials: "include" },
    // Live views patch their own state from subscriptions; a document cache would only
    // serve stale lists after mutations.
    requestPolicy: "network-only",
    // POST always: the API's CSRF protection refuses simple GET requests.
    preferGetMethod: false,
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) sendToSignIn();
        },
      }),
      fetchExchange,
      subscriptionExchange({
        enableAllOperations: false,
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              const unsubscribe = socket().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}

/** Provides the urql client (and the API URL) to every client component below it. */
export function ApiProvider({ url, children }: { url: string; children: ReactNode }) {
  const client = useMemo(() => makeClient(url), [url]);
  return (
    <ApiUrlContext.Provider value={url}>
      <Provider value={client}>{children}</Provider>
    </ApiUrlContext.Provider>
  );
}
