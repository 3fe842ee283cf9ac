/**
 * The API's error vocabulary. Every refusal a client can cause is a GraphQLError with a
 * code (BAD_USER_INPUT, NOT_FOUND) and, for input, the `field` it is about, so that
 * scripts and the dashboard can show it next to the right control.
 */
import { GraphQLError } from "graphql";

export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: "BAD_USER_INPUT", field } });
}

/**
 * A write to a run that is no longer (or not yet) RUNNING. `extensions.runStatus` lets a
 * trainer tell "the run ended meanwhile" (e.g. canceled between heartbeats) from bad data.
 */
export function runNotRunning(status: string, accepts: string): GraphQLError {
  return new GraphQLError(`runId: run is ${status}, not RUNNING: it accepts no more ${accepts}`, {
    extensions: { code: "BAD_USER_INPUT", field: "runId", runStatus: status },
  });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} ${JSON.stringify(id)} not found`, { extensions: { code: "NOT_FOUND", field: `${what}Id` } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot exist, and must not reach a uuid column. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** Throws NOT_FOUND unless `id` looks like an id; returns it for chaining. */
export function requireUuid(what: string, id: string): string {
  if (!isUuid(id)) throw notFound(what, id);
  return id;
}

/** A checked string: trimmed, non-empty unless allowed, bounded. */
export function checkString(field: string, value: string, opts: { max: number; allowEmpty?: boolean }): string {
  const trimmed = value.trim();
  if (!opts.allowEmpty && trimmed === "") throw badInput(field, "must not be empty");
  if (trimmed.length > opts.max) throw badInput(field, `must be at most ${opts.max} characters (got ${trimmed.length})`);
  // NUL cannot be stored in PostgreSQL text.
  if (trimmed.includes("\u0000")) throw badInput(field, "must not contain NUL characters");
  return trimmed;
}

/** Tags: each non-empty and short, duplicates dropped, order kept. */
export function checkTags(field: string, tags: readonly string[]): string[] {
  if (tags.length > 50) throw badInput(field, `at most 50 tags (got ${tags.length})`);
  const seen = new Set<string>();
  for (const [i, tag] of tags.entries()) seen.add(checkString(`${field}[${i}]`, tag, { max: 64 }));
  return [...seen];
}
