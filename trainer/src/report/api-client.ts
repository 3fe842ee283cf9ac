/**
 * A minimal typed GraphQL client of the public API: one POST of JSON per operation, with
 * the documents' types generated from the server's schema (trainer/src/report/generated/).
 * It never retries by itself; callers decide with the error's `retryable` flag.
 */
import { print, type DocumentNode } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { ApiGraphQLError, ApiTransportError, parseRetryAfter, type GraphQLErrorEntry } from "./api-error.ts";

export interface ApiClientOptions {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string | undefined;
  /** Per-request timeout; a request that takes longer is a transport failure. */
  timeoutMs?: number;
}

interface GraphQLResponse {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
}

/** Sends GraphQL operations to one API endpoint. */
export class ApiClient {
  readonly url: string;
  private readonly token: string | undefined;
  private readonly timeoutMs: number;
  /** Printing a document is not free and the same few are sent thousands of times. */
  private readonly printed = new WeakMap<DocumentNode, string>();

  constructor(options: ApiClientOptions) {
    this.url = options.url;
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /**
   * Runs one operation and returns its `data`.
   * @throws ApiTransportError when the API could not be reached or answered garbage;
   *   ApiGraphQLError when it answered with `errors`.
   */
  async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.url, {
        method: "POST",
        headers,
        body: JSON.stringify({ query: this.print(document), variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new ApiTransportError(`cannot reach ${this.url}: ${describeCause(error)}`, { cause: error });
    }
    if (response.status >= 500 || response.status === 429) {
      // 429: rate limited (RATE_LIMITED); the caller waits at least Retry-After, then resends.
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      throw new ApiTransportError(`${this.url} answered HTTP ${response.status}`, { retryAfterMs });
    }
    let body: GraphQLResponse;
    try {
      body = JSON.parse(text) as GraphQLResponse;
    } catch (error) {
      if (response.status === 401 || response.status === 403) {
        throw new ApiGraphQLError([{ message: `HTTP ${response.status}: ${text.slice(0, 200)}`, extensions: { code: "UNAUTHENTICATED" } }]);
      }
      throw new ApiTransportError(`${this.url} answered HTTP ${response.status} without JSON`, { cause: error });
    }
    if (body.errors && body.errors.length > 0) throw new ApiGraphQLError(body.errors);
    if (!response.ok || body.data === undefined || body.data === null) {
      throw new ApiTransportError(`${this.url} answered HTTP ${response.status} without data`);
    }
    return body.data as TResult;
  }

  private print(document: DocumentNode): string {
    let source = this.printed.get(document);
    if (source === undefined) {
      source = print(document);
      this.printed.set(document, source);
    }
    return source;
  }
}

/** fetch hides the useful part ("ECONNREFUSED") in `cause`. */
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: string }).code;
    return code ? `${code} (${cause.message})` : cause.message;
  }
  return error.name === "TimeoutError" ? "timed out" : error.message;
}
