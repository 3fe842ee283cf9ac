/**
 * Runs before every page: tells the server components which path is being rendered (they
 * cannot see the URL), so a page the API refuses for want of a token can send the user to
 * /sign-in and bring them back to the same path afterwards.
 */
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "./lib/next-path.ts";

export function proxy(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  const search = new URLSearchParams(request.nextUrl.search);
  search.delete("_rsc"); // Next's cache-busting parameter of client navigations, not part of the page's URL
  const query = search.toString();
  // Always overwritten: a value sent by the client is never trusted (and is re-checked by safeNextPath).
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${query ? `?${query}` : ""}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the bundles, images and icons.
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
