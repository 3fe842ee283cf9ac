/**
 * Where a request's token comes from, read from headers alone (pure): the Authorization
 * header (`Bearer <token>`), a graphql-ws connection_init payload, or the dashboard's
 * http-only cookie. A cookie is sent by the browser on its own, so it counts only when the
 * request comes from the API's own host name (any port): another site cannot borrow it.
 */

/** The dashboard's cookie (set by web/, HttpOnly, SameSite=Strict). */
export const TOKEN_COOKIE = "sparring_token";

/** A token found in a request, or the reason the request's credentials are unusable. */
export type Credential = { token: string; via: "bearer" | "cookie" } | { problem: string } | undefined;

export interface RequestHeaders {
  authorization?: string | undefined;
  cookie?: string | undefined;
  origin?: string | undefined;
  host?: string | undefined;
}

/** Reads `Bearer <token>`; a header in any other form is a problem, not "no token". */
export function parseBearer(header: string): Credential {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? { token: match[1]!, via: "bearer" } : { problem: "malformed Authorization header: expected Bearer <token>" };
}

/** The value of cookie `name` in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** Host name of a URL-ish value ("http://a:3000", "a:4000", "[::1]:4000"), lower-case; undefined if unparsable. */
function hostname(value: string, withScheme: boolean): string | undefined {
  try {
    return new URL(withScheme ? value : `http://${value}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * True when a cookie may be trusted on this request: no Origin (not a cross-origin browser
 * request: a top-level navigation, an image, a server-side call) or an Origin whose host
 * name is the Host header's. Ports differ on purpose: the dashboard and the API share a
 * host, not a port.
 */
export function cookieAllowed(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (!host) return false;
  const from = hostname(origin, true);
  return from !== undefined && from === hostname(host, false);
}

/**
 * The credential of an HTTP request or WebSocket upgrade: the Authorization header first,
 * then the cookie (only from the same host name).
 */
export function requestCredential(headers: RequestHeaders): Credential {
  if (headers.authorization !== undefined && headers.authorization.trim() !== "") return parseBearer(headers.authorization);
  const cookie = readCookie(headers.cookie, TOKEN_COOKIE);
  if (cookie === undefined || cookie === "") return undefined;
  if (!cookieAllowed(headers.origin, headers.host)) {
    return { problem: `the ${TOKEN_COOKIE} cookie is not accepted from origin ${headers.origin}: send Authorization: Bearer <token>` };
  }
  return { token: cookie, via: "cookie" };
}

/**
 * The credential of a graphql-ws connection: connection_init's payload
 * (`{ authorization: "Bearer …" }` or `{ token: "…" }`) first, then the upgrade request's.
 */
export function connectionCredential(params: Readonly<Record<string, unknown>> | undefined, upgrade: RequestHeaders): Credential {
  const authorization = params?.authorization ?? params?.Authorization;
  if (typeof authorization === "string" && authorization.trim() !== "") return parseBearer(authorization);
  if (typeof params?.token === "string" && params.token.trim() !== "") return { token: params.token.trim(), via: "bearer" };
  return requestCredential(upgrade);
}
