"use client";
/** The token field; the API's refusal shows next to it, and nothing is kept. */
import { useActionState } from "react";
import { signIn, type SignInState } from "../../app/sign-in/actions.ts";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  return (
    <form action={action} className="panel sign-in" noValidate>
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="sign-in-token">API token</label>
        <input
          id="sign-in-token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          autoFocus
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "sign-in-token-error" : "sign-in-token-hint"}
        />
        {state.error ? (
          <div id="sign-in-token-error" className="field-error" role="alert">
            {state.error}
          </div>
        ) : (
          <div id="sign-in-token-hint" className="muted">
            Make one with <code>npm run token -- create --name NAME --scope read</code> (or <code>write</code> to launch and edit).
          </div>
        )}
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
