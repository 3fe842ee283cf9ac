/**
 * /sign-in?next=PATH: takes an API token, checks it with the API and keeps it in an HttpOnly
 * cookie, then goes back to PATH. Pages the API refuses without a token send users here.
 * Someone who lands here while their token is still good is told so — and, when the
 * browser cannot pass the cookie on to the API (another host name), why pages bounced.
 */
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { safeNextPath } from "../../lib/next-path.ts";
import { browserApiUrl, requestAuthorization } from "../../lib/server-api.ts";
import { cookieReachesApi } from "../../lib/session-cookie.ts";
import { SignInForm } from "../../ui/auth/sign-in-form.tsx";
import { fetchViewer } from "../../ui/auth/viewer.ts";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next);
  const authorization = await requestAuthorization();
  const [anonymous, current] = await Promise.all([fetchViewer(undefined), authorization ? fetchViewer(authorization) : undefined]);
  const signedIn = current?.ok && current.viewer.name ? current.viewer : undefined;
  const browserApi = await browserApiUrl();
  const reachable = cookieReachesApi((await headers()).get("host"), browserApi);
  return (
    <>
      <h1>Sign in</h1>
      {anonymous.ok && !anonymous.viewer.authRequired ? (
        <div className="state" style={{ marginBottom: 12 }}>
          This platform does not ask for a token: <Link href={next}>go on without one</Link>.
        </div>
      ) : null}
      {signedIn && !reachable ? (
        <div className="state error" role="alert" style={{ marginBottom: 12 }}>
          You are signed in as <strong>{signedIn.name}</strong>, but the browser does not send the token to the API at{" "}
          <code>{browserApi}</code>: a cookie only goes to the host name it was set for. Open the dashboard on the host name{" "}
          <code>{new URL(browserApi).hostname}</code>.
        </div>
      ) : signedIn ? (
        <div className="state" style={{ marginBottom: 12 }}>
          You are signed in as <strong>{signedIn.name}</strong>: <Link href={next}>go on</Link>, or sign in with another token.
        </div>
      ) : null}
      <SignInForm next={next} />
    </>
  );
}
