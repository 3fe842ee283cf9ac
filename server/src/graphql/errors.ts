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

/** A client's value quoted in a message, shortened: a hostile one may be megabytes long. */
export function quote(value: string, max = 100): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} ${quote(id)} not found`, { extensions: { code: "NOT_FOUND", field: `${what}Id` } });
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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** False for text with an unpaired UTF-16 surrogate, which is no Unicode text at all (and breaks the database driver). */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** A checked string: trimmed, non-empty unless allowed, bounded, valid Unicode. */
export function checkString(field: string, value: string, opts: { max: number; allowEmpty?: boolean }): string {
  const trimmed = value.trim();
  if (!opts.allowEmpty && trimmed === "") throw badInput(field, "must not be empty");
  if (trimmed.length > opts.max) throw badInput(field, `must be at most ${opts.max} characters (got ${trimmed.length})`);
  // NUL cannot be stored in PostgreSQL text.
  if (trimmed.includes("\u0000")) throw badInput(field, "must not contain NUL characters");
  if (!isWellFormed(trimmed)) throw badInput(field, "must be valid Unicode (it has an unpaired surrogate)");
  return trimmed;
}

/** Tags a run may carry (and a filter may name). */
export const MAX_TAGS = 50;
/** Characters of one tag. */
export const MAX_TAG_LENGTH = 64;

/** Tags: each non-empty and short, duplicates dropped, order kept. */
export function checkTags(field: string, tags: readonly string[]): string[] {
  if (tags.length > MAX_TAGS) throw badInput(field, `at most ${MAX_TAGS} tags (got ${tags.length})`);
  const seen = new Set<string>();
  for (const [i, tag] of tags.entries()) seen.add(checkString(`${field}[${i}]`, tag, { max: MAX_TAG_LENGTH }));
  return [...seen];
}

/**
 * Bounds a JSON value's size (characters of its JSON text, roughly) and nesting, walking it
 * without recursion: a hostile value may be nested far deeper than the stack allows.
 */
export function checkJsonSize(field: string, value: unknown, opts: { maxChars: number; maxDepth: number }): void {
  let chars = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item !== null && typeof item === "object") {
      if (depth > opts.maxDepth) throw badInput(field, `must be nested at most ${opts.maxDepth} levels deep`);
      const entries = Array.isArray(item) ? item.map((v) => ["", v] as const) : Object.entries(item);
      chars += 2;
      for (const [key, child] of entries) {
        chars += key.length + 4;
        if (!isWellFormed(key) || key.includes("\u0000")) throw badInput(field, "keys must be valid Unicode without NUL characters");
        stack.push([child, depth + 1]);
      }
    } else {
      chars += typeof item === "string" ? item.length + 2 : String(item).length;
      if (typeof item === "string" && (!isWellFormed(item) || item.includes("\u0000"))) {
        throw badInput(field, "strings must be valid Unicode without NUL characters");
      }
    }
    if (chars > opts.maxChars) throw badInput(field, `must be at most ${opts.maxChars} characters of JSON`);
  }
}
