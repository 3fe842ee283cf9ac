/**
 * The two ways a call to the API can fail, kept apart because they call for opposite
 * reactions: a transport failure (API down, connection reset, 5xx, timeout) may succeed
 * when tried again; a GraphQL error (BAD_USER_INPUT, validation) will fail the same way.
 */

/** The request may not have reached the API, or its answer was lost: retrying is the fix. */
export class ApiTransportError extends Error {
  readonly retryable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ApiTransportError";
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
const RETRYABLE_CODES = new Set(["INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE"]);

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

/** True when trying the same request again may succeed. */
export function isRetryable(error: unknown): boolean {
  return (error instanceof ApiTransportError || error instanceof ApiGraphQLError) && error.retryable;
}
