/**
 * Talking to the API from tests as any script would: GraphQL over HTTP with fetch, and
 * subscriptions over graphql-ws. Documents are typed from the schema (tests/support/gql).
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** Sends one operation; returns data and errors as the server sent them. */
export async function request<T, V>(
  apiUrl: string,
  document: TypedDocumentNode<T, V>,
  variables?: V,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(apiUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Like request(), but throws on any GraphQL error. */
export async function query<T, V>(apiUrl: string, document: TypedDocumentNode<T, V>, variables?: V): Promise<T> {
  const result = await request(apiUrl, document, variables);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL error: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** Expects the operation to fail; returns the first error. */
export async function expectError<T, V>(apiUrl: string, document: TypedDocumentNode<T, V>, variables?: V) {
  const result = await request(apiUrl, document, variables);
  if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return result.errors[0]!;
}

const connectedClients = new WeakMap<Client, Promise<void>>();

export function wsClient(wsUrl: string, connectionParams?: Record<string, unknown>): Client {
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams,
    on: { connected: () => connected() },
  });
  connectedClients.set(client, ready);
  return client;
}

/**
 * Collects a subscription's events until stop() is called. `started` resolves once the
 * socket is acknowledged and the subscribe message has had time to reach the server
 * (graphql-ws sends no acknowledgement per subscription).
 */
export function collect<T, V>(client: Client, document: TypedDocumentNode<T, V>, variables: V) {
  const events: T[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<T>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (value) => (value.data ? events.push(value.data as T) : errors.push(value.errors)),
      error: (error) => errors.push(error),
      complete: () => {},
    },
  );
  const started = (connectedClients.get(client) ?? Promise.resolve()).then(() => new Promise<void>((r) => setTimeout(r, 300)));
  return { events, errors, started, stop };
}
