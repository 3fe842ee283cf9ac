/**
 * Where the GraphQL API is. Read on the server at request time (never baked into the
 * build), so one build serves any HOST/API_PORT the supervisor picks.
 */

/** The API's HTTP endpoint, from SPARRING_API_URL (default http://127.0.0.1:4000/graphql). */
export function apiUrl(): string {
  return process.env.SPARRING_API_URL ?? "http://127.0.0.1:4000/graphql";
}

/** The graphql-ws endpoint for an HTTP endpoint: same URL, ws(s) scheme. */
export function wsUrlFor(httpUrl: string): string {
  return httpUrl.replace(/^http(s?):/, "ws$1:");
}

/** Resolves a path the API returned (e.g. /images/x.png) against the API's origin. */
export function apiAssetUrl(httpUrl: string, path: string): string {
  return new URL(path, httpUrl).toString();
}
