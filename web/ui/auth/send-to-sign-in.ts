"use client";
/**
 * Leaving a live page for the sign-in page when the API stops accepting the user's token
 * (revoked, expired, or the cookie was cleared): better than a page that silently stops
 * updating. A full navigation, so the sign-in page renders fresh and comes back here after.
 */
import { signInPath } from "../../lib/next-path.ts";

let leaving = false;

/** Navigates to /sign-in?next=<this page>, once however many requests fail together. */
export function sendToSignIn(): void {
  if (leaving || typeof window === "undefined") return;
  leaving = true;
  window.location.assign(signInPath(`${window.location.pathname}${window.location.search}`));
}
