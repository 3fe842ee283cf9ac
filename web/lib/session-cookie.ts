/**
 * The cookie that carries the dashboard user's API token. The browser sends it to the API
 * by itself (same host, any port: images, fetches with credentials, the WebSocket upgrade),
 * and the Next server forwards it as a bearer token; page scripts never see it (HttpOnly).
 */

/** The cookie's name, agreed with the API (it reads the same cookie). */
export const TOKEN_COOKIE = "sparring_token";

/** How long a sign-in lasts: 30 days (revoking the token ends it sooner). */
export const TOKEN_MAX_AGE_S = 30 * 24 * 60 * 60;

/** The attributes the token cookie is set with. */
export interface TokenCookieOptions {
  httpOnly: true;
  sameSite: "strict";
  path: "/";
  secure: boolean;
  maxAge: number;
}

/**
 * The token cookie's attributes: HttpOnly (no script can read it), SameSite=Strict (no other
 * site can make the browser send it), the whole site, Secure when the dashboard is served over
 * https (a Secure cookie would be dropped on plain http://127.0.0.1).
 */
export function tokenCookieOptions(https: boolean): TokenCookieOptions {
  return { httpOnly: true, sameSite: "strict", path: "/", secure: https, maxAge: TOKEN_MAX_AGE_S };
}

/**
 * True when the request reached the dashboard over https, from the X-Forwarded-Proto header
 * (Next sets it from the socket unless a proxy in front already did; the first hop counts).
 */
export function isHttpsRequest(forwardedProto: string | null | undefined): boolean {
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** The Authorization header value for a token, or undefined when there is none. */
export function bearer(token: string | undefined): string | undefined {
  const trimmed = token?.trim();
  return trimmed ? `Bearer ${trimmed}` : undefined;
}

/**
 * True when the browser will send the dashboard's cookie to the API: cookies go to the host
 * name they were set for, whatever the port, so the dashboard (its Host header) and the API
 * (its URL) must share a host name — http://localhost:3000 with an API at 127.0.0.1 does not.
 */
export function cookieReachesApi(dashboardHost: string | null | undefined, apiHttpUrl: string): boolean {
  if (!dashboardHost) return true; // unknown: do not cry wolf
  try {
    return new URL(`http://${dashboardHost}`).hostname.toLowerCase() === new URL(apiHttpUrl).hostname.toLowerCase();
  } catch {
    return true;
  }
}
