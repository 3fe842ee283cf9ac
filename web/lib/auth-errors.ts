/**
 * Recognising the API's authentication refusals, wherever they surface: a GraphQL error's
 * extensions.code (HTTP and subscriptions), an HTTP status when the body said nothing.
 */

/** Missing, unknown or revoked token: the user has to sign in (again). */
export const UNAUTHENTICATED = "UNAUTHENTICATED";
/** A read-only token asked for a change. */
export const FORBIDDEN = "FORBIDDEN";

/** The shape of urql's CombinedError that matters here (kept structural so it is testable). */
export interface ErrorLike {
  graphQLErrors?: readonly { extensions?: Readonly<Record<string, unknown>> }[];
  response?: { status?: number } | undefined;
}

/** True when the API refused for want of a valid token. */
export function isUnauthenticated(error: ErrorLike | undefined | null): boolean {
  if (!error) return false;
  if (error.graphQLErrors?.some((e) => e.extensions?.code === UNAUTHENTICATED)) return true;
  return error.response?.status === 401;
}
