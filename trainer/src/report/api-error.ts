/**
 * The two ways a call to the API can fail, kept apart because they call for opposite
 * reactions: a transport failure (API down, connection reset, 5xx, timeout) may succeed
 * when tried again; a GraphQL error (BAD_USER_INPUT, validation) will fail the same way.
 */

/** The request may not have reached the API, or its answer was lost: retrying is the fix. */
export class ApiTransportError extends Error {
  readonly retryable = true;
  /** How long the API asked us to wait (429 Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options?: { cause?: unknown; retryAfterMs?: number | undefined }) {
    super(message, options);
    this.name = "ApiTransportError";
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * Codes that say the server itself is unwell rather than the request wrong: a database
 * restarting behind the API surfaces as INTERNAL_SERVER_ERROR, which is worth retrying.
 */
const RETRYABLE_CODES = new Set(["INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE", "RATE_LIMITED"]);

/** The API answered and refused the operation. */
export class ApiGraphQLError extends Error {
  readonly retryable: boolean;
  /** The first error's `extensions.code`, e.g. "BAD_USER_INPUT". */
  readonly code: string | undefined;
  constructor(readonly errors: readonly GraphQLErrorEntry[]) {
    super(errors.map((e) => e.message).join("; ") || "GraphQL error");
    this.name = "ApiGraphQLError";
    this.code = errors[0]?.extensions?.code;
    this.retryable = errors.length > 0 && errors.every((e) => RETRYABLE_CODES.has(e.extensions?.code ?? ""));
  }
}

export type ApiError = ApiTransportError | ApiGraphQLError;

/** The wait the API asked for before a retry (rate limited), else 0. */
export function retryAfterMs(error: unknown): number {
  return error instanceof ApiTransportError ? (error.retryAfterMs ?? 0) : 0;
}

/**
 * A Retry-After header's wait in ms: delay-seconds or an HTTP date; undefined when absent
 * or unreadable. Capped at 10 minutes so a bad header cannot park a trainer for good.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : Date.parse(header) - now;
  return Number.isFinite(seconds) ? Math.min(Math.max(0, seconds), 600_000) : undefined;
}

/** True when trying the same request again may succeed. */
export function isRetryable(error: unknown): boolean {
  return (error instanceof ApiTransportError || error instanceof ApiGraphQLError) && error.retryable;
}
