/**
 * Who is signed in, in the header, with the way out. Shown only when a token cookie exists
 * (under AUTH=off nobody signs in and nothing shows); a token the API no longer knows still
 * gets the sign-out button, so the stale cookie can be cleared.
 */
import { signOut } from "../../app/sign-in/actions.ts";
import { requestAuthorization } from "../../lib/server-api.ts";
import { fetchViewer } from "./viewer.ts";

export async function ViewerBadge() {
  const authorization = await requestAuthorization();
  if (!authorization) return null;
  const result = await fetchViewer(authorization);
  const viewer = result.ok ? result.viewer : undefined;
  return (
    <form action={signOut} className="viewer-badge" data-testid="viewer">
      {viewer?.name ? (
        <span>
          <span className="muted">Signed in as</span> <strong>{viewer.name}</strong>{" "}
          <span className="tag" data-scope={viewer.scope}>
            {viewer.scope === "READ" ? "read-only" : "read & write"}
          </span>
        </span>
      ) : null}
      <button type="submit">Sign out</button>
    </form>
  );
}
