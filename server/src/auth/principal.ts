/**
 * Who is calling: a token (by its id and name) or, with AUTH=off and no token, an
 * anonymous caller known by its address. Every HTTP request carries one in
 * `res.locals.auth`, every resolver in `context.auth`.
 */

/** What a token may do: `read` (queries, subscriptions, images) or `write` (also mutations). */
export type Scope = "read" | "write";

export interface Principal {
  /** Stable key for per-caller limits: `token:<token id>`, or `ip:<remote address>` when anonymous. */
  key: string;
  /** The token's name; null when anonymous. */
  name: string | null;
  scope: Scope;
}

/** The caller of an AUTH=off platform who sent no token: may do anything, as before tokens. */
export function anonymous(remoteAddress: string | undefined): Principal {
  return { key: `ip:${remoteAddress ?? "unknown"}`, name: null, scope: "write" };
}

/** The scope an operation needs: mutations change data; queries and subscriptions only read. */
export function scopeFor(operation: "query" | "mutation" | "subscription"): Scope {
  return operation === "mutation" ? "write" : "read";
}

/** True when `principal` may do what `needed` allows (write implies read). */
export function allows(principal: Principal, needed: Scope): boolean {
  return needed === "read" || principal.scope === "write";
}
