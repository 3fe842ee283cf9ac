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

/** This machine, as an API URL may name it (loopback, or the any-address the API listens on). */
function isLocalHostname(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === "localhost" || h === "[::1]" || h === "0.0.0.0" || h === "[::]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * The API URL for the browser of a dashboard reached at `dashboardHost` (its Host header).
 * When the API runs beside the dashboard (its URL names this machine: 127.0.0.1, localhost,
 * 0.0.0.0), the browser is sent to the API on the host name it used for the dashboard: a
 * browser elsewhere cannot reach "127.0.0.1", and the token cookie only goes to the host
 * name it was set for (localhost ≠ 127.0.0.1). An API elsewhere keeps its URL.
 */
export function browserApiUrlFor(serverUrl: string, dashboardHost: string | null | undefined): string {
  if (!dashboardHost) return serverUrl;
  let api: URL;
  let page: URL;
  try {
    api = new URL(serverUrl);
    page = new URL(`http://${dashboardHost}`);
  } catch {
    return serverUrl;
  }
  if (!isLocalHostname(api.hostname) || page.hostname === api.hostname) return serverUrl;
  api.hostname = page.hostname;
  return api.toString();
}
