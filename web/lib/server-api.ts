/**
 * Reads from the API during server rendering (first paint without a client round trip).
 * One urql client per request (React's cache), so a page and its metadata share results.
 */
import { cacheExchange, createClient, fetchExchange, type AnyVariables, type TypedDocumentNode } from "@urql/core";
import { registerUrql } from "@urql/next/rsc";
import { apiUrl } from "./api-url.ts";

const { getClient } = registerUrql(() =>
  createClient({
    url: apiUrl(),
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: "cache-first",
    preferGetMethod: false,
    fetchOptions: { cache: "no-store" },
  }),
);

/** A GraphQL error the API answered with (its code, e.g. NOT_FOUND or BAD_USER_INPUT). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/**
 * Runs a query on the server.
 * @throws ApiError for GraphQL errors, or Error("Cannot reach the API at …") when it is down.
 */
export async function serverQuery<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const result = await getClient().query(document, variables).toPromise();
  if (result.error?.networkError) throw new Error(`Cannot reach the API at ${apiUrl()}: ${result.error.networkError.message}`);
  const first = result.error?.graphQLErrors[0];
  if (first) throw new ApiError(first.message, typeof first.extensions.code === "string" ? first.extensions.code : undefined);
  if (!result.data) throw new Error("The API returned no data");
  return result.data;
}

/** A load that failed renders as a message in the page instead of Next's opaque production error. */
export type Loaded<T> = { ok: true; data: T } | { ok: false; message: string; code: string | undefined };

/** Settles a server read into data or a readable failure. */
export async function load<T>(promise: Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await promise };
  } catch (error) {
    return {
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      code: error instanceof ApiError ? error.code : undefined,
    };
  }
}
