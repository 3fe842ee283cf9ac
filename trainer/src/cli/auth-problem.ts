/** Telling "the API refused our token" apart from every other failure: it is never retried. */
import { ApiGraphQLError } from "../report/api-error.ts";

/**
 * The API's refusal of the token (UNAUTHENTICATED: missing, wrong or revoked; FORBIDDEN:
 * a read token asked for a change), worded with what to do; undefined for other errors.
 */
export function authProblem(error: unknown): string | undefined {
  if (!(error instanceof ApiGraphQLError)) return undefined;
  if (error.code === "UNAUTHENTICATED") return `the API refused the token: ${error.message} (pass --token or set SPARRING_TOKEN)`;
  if (error.code === "FORBIDDEN") return `the API refused the change: ${error.message} (use a write token)`;
  return undefined;
}
