"use server";
/**
 * Signing in and out. The token is checked against the API before it is kept; it is kept
 * only in an HttpOnly cookie, which the browser then sends to the dashboard and the API.
 */
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeNextPath } from "../../lib/next-path.ts";
import { bearer, isHttpsRequest, TOKEN_COOKIE, tokenCookieOptions } from "../../lib/session-cookie.ts";
import { fetchViewer } from "../../ui/auth/viewer.ts";

/** What the sign-in form shows after a failed attempt. */
export interface SignInState {
  error?: string;
}

async function cookieOptions() {
  return tokenCookieOptions(isHttpsRequest((await headers()).get("x-forwarded-proto")));
}

/** Keeps the token if the API accepts it and goes on to `next`; else says why, keeping nothing. */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const token = String(form.get("token") ?? "").trim();
  if (!token) return { error: "Enter a token." };
  const result = await fetchViewer(bearer(token));
  if (!result.ok) return { error: result.message };
  (await cookies()).set(TOKEN_COOKIE, token, await cookieOptions());
  redirect(safeNextPath(String(form.get("next") ?? "")));
}

/** Forgets the token (the cookie expires at once) and shows the sign-in page. */
export async function signOut(): Promise<never> {
  (await cookies()).set(TOKEN_COOKIE, "", { ...(await cookieOptions()), maxAge: 0 });
  redirect("/sign-in");
}
