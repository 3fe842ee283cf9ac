/**
 * Where to go after signing in. The `next` parameter comes from a URL anyone can craft, so
 * only a path on this dashboard is accepted: never another origin (no open redirect).
 */

/** Where a sign-in goes when `next` is missing or refused. */
export const DEFAULT_NEXT = "/runs";

/** Request header the proxy sets to the path being rendered (server components cannot see the URL). */
export const REQUEST_PATH_HEADER = "x-sparring-path";

/**
 * `raw` when it is a local path ("/runs?q=a"), else DEFAULT_NEXT. Refused: absolute and
 * protocol-relative URLs ("//evil", "/\\evil" — browsers read a backslash as a slash),
 * control characters, and the sign-in page itself (no loop).
 */
export function safeNextPath(raw: string | string[] | null | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith("/") || value.length > 2000) return DEFAULT_NEXT;
  if ([...value].some((c) => c <= "\u001f" || c === "\u007f" || c === "\\")) return DEFAULT_NEXT;
  if (value.startsWith("//")) return DEFAULT_NEXT;
  // The URL parser has the last word: the path must stay on this origin.
  const base = "http://dashboard.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return DEFAULT_NEXT;
  }
  if (url.origin !== base) return DEFAULT_NEXT;
  if (url.pathname === "/sign-in" || url.pathname.startsWith("/sign-in/")) return DEFAULT_NEXT;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's URL that comes back to `next` afterwards. */
export function signInPath(next: string | null | undefined): string {
  return `/sign-in?next=${encodeURIComponent(safeNextPath(next))}`;
}
