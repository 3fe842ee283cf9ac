/**
 * Asking the API who a token belongs to (server side only): validates a token at sign-in
 * and names the signed-in user in the header. Never redirects: callers decide.
 */
import { print } from "graphql";
import { apiUrl } from "../../lib/api-url.ts";
import type { ViewerQuery as ViewerData } from "../../lib/gql/graphql.ts";
import { ViewerQuery } from "./operations.ts";

/** Who the API says the caller is, or why it would not say. */
export type ViewerResult = { ok: true; viewer: ViewerData["viewer"] } | { ok: false; message: string; code: string | undefined };

/** Runs `viewer` with the given Authorization header (none: as an anonymous caller). */
export async function fetchViewer(authorization: string | undefined): Promise<ViewerResult> {
  let body: { data?: ViewerData | null; errors?: { message: string; extensions?: { code?: unknown } }[] };
  try {
    const response = await fetch(apiUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: print(ViewerQuery) }),
      cache: "no-store",
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    return { ok: false, message: `Cannot reach the API at ${apiUrl()}: ${(error as Error).message}`, code: undefined };
  }
  const first = body.errors?.[0];
  if (first)
    return { ok: false, message: first.message, code: typeof first.extensions?.code === "string" ? first.extensions.code : undefined };
  if (!body.data) return { ok: false, message: "The API returned no data", code: undefined };
  return { ok: true, viewer: body.data.viewer };
}
