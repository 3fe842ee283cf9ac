/**
 * Reads from the API during server rendering (first paint without a client round trip).
 * One urql client per request (React's cache), so a page and its metadata share results.
 * The signed-in user's token (the sparring_token cookie) goes along as a bearer token; when
 * the API wants a (new) token, the page redirects to the sign-in page and comes back after.
 */
import { cacheExchange, createClient, fetchExchange, type AnyVariables, type TypedDocumentNode } from "@urql/core";
import { registerUrql } from "@urql/next/rsc";
import { cookies, headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { apiUrl, browserApiUrlFor } from "./api-url.ts";
import { UNAUTHENTICATED } from "./auth-errors.ts";
import { REQUEST_PATH_HEADER, signInPath } from "./next-path.ts";
import { bearer, TOKEN_COOKIE } from "./session-cookie.ts";

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

/** The API URL for this request's browser (see browserApiUrlFor): the one pages hand to client code. */
export async function browserApiUrl(): Promise<string> {
  return browserApiUrlFor(apiUrl(), (await headers()).get("host"));
}

/** The Authorization header of this request's user, if signed in. */
export async function requestAuthorization(): Promise<string | undefined> {
  return bearer((await cookies()).get(TOKEN_COOKIE)?.value);
}

/**
 * Runs a query on the server as the signed-in user (anonymously when there is no cookie).
 * Sends the browser to /sign-in (and back here afterwards) when the API says UNAUTHENTICATED.
 * @throws ApiError for other GraphQL errors, or Error("Cannot reach the API at …") when it is down.
 */
export async function serverQuery<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const authorization = await requestAuthorization();
  const fetchOptions: RequestInit = { cache: "no-store", headers: authorization ? { authorization } : {} };
  const result = await getClient().query(document, variables, { fetchOptions }).toPromise();
  if (result.error?.networkError) throw new Error(`Cannot reach the API at ${apiUrl()}: ${result.error.networkError.message}`);
  const first = result.error?.graphQLErrors[0];
  const code = typeof first?.extensions.code === "string" ? first.extensions.code : undefined;
  if (code === UNAUTHENTICATED) redirect(signInPath((await headers()).get(REQUEST_PATH_HEADER)));
  if (first) throw new ApiError(first.message, code);
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
    unstable_rethrow(error); // a redirect to the sign-in page is not a failed load
    return {
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      code: error instanceof ApiError ? error.code : undefined,
    };
  }
}
