/**
 * The runs listing: filters, search, sorting (also by a metric's last value) and keyset
 * pagination. A cursor is the sort value and id of the last row, so a page costs one
 * index range scan however deep it is, and rows inserted meanwhile never shift pages.
 */
import { Prisma as P } from "../db/generated/client.ts";
import type { PrismaClient, RunRow } from "../db/client.ts";
import { badInput, checkString, checkTags, isUuid, isWellFormed } from "../graphql/errors.ts";
import type { RunFilter, RunOrder } from "../graphql/generated/resolvers.ts";

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 500;
/** Characters of a search term. */
export const MAX_SEARCH = 200;
/** Characters of a cursor (this API's are about 100). */
export const MAX_CURSOR = 1_000;
/** Entries of a status or method filter (each value once is enough). */
export const MAX_FILTER_VALUES = 20;

export interface RunPage {
  nodes: RunRow[];
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

interface Cursor {
  v: string | number | null;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(after: string): Cursor {
  if (after.length > MAX_CURSOR) throw badInput("after", `not a cursor returned by this API (longer than ${MAX_CURSOR} characters)`);
  try {
    const cursor = JSON.parse(Buffer.from(after, "base64url").toString()) as Cursor;
    if (typeof cursor.id === "string" && isUuid(cursor.id) && ["string", "number", "object"].includes(typeof cursor.v)) return cursor;
  } catch {
    // fall through
  }
  throw badInput("after", "not a cursor returned by this API");
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const STATUSES: readonly unknown[] = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELED"];

/**
 * The SQL expression sorted on, how a cursor value is cast back into it, and which values
 * a cursor of this order can hold (a forged or mismatched cursor is refused, not cast).
 */
function sortExpression(order: RunOrder | null | undefined): {
  expr: P.Sql;
  cast: (v: string | number) => P.Sql;
  valid: (v: unknown) => boolean;
  metricKey?: string;
} {
  switch (order?.field ?? "CREATED_AT") {
    case "CREATED_AT":
      return {
        expr: P.sql`r.created_at`,
        cast: (v) => P.sql`${String(v)}::timestamptz`,
        valid: (v) => typeof v === "string" && ISO_TIME.test(v),
      };
    case "NAME":
      return {
        expr: P.sql`r.name`,
        cast: (v) => P.sql`${String(v)}::text`,
        valid: (v) => typeof v === "string" && isWellFormed(v) && !v.includes("\u0000"),
      };
    case "STATUS":
      return { expr: P.sql`r.status`, cast: (v) => P.sql`${String(v)}::"RunStatus"`, valid: (v) => STATUSES.includes(v) };
    case "METRIC": {
      if (!order?.metricKey) throw badInput("orderBy.metricKey", "is required when sorting by METRIC");
      const metricKey = checkString("orderBy.metricKey", order.metricKey, { max: 200 });
      return { expr: P.sql`ms.last_value`, cast: (v) => P.sql`${Number(v)}::float8`, valid: (v) => Number.isFinite(v), metricKey };
    }
    default:
      throw badInput("orderBy.field", "unknown field");
  }
}

function filterConditions(filter: RunFilter | null | undefined): P.Sql[] {
  const where: P.Sql[] = [];
  if (!filter) return where;
  if (filter.experimentId != null) {
    // An id that cannot exist matches nothing rather than failing the query.
    where.push(isUuid(filter.experimentId) ? P.sql`r.experiment_id = ${filter.experimentId}::uuid` : P.sql`false`);
  }
  for (const name of ["status", "method"] as const) {
    const values = filter[name];
    if (values && values.length > MAX_FILTER_VALUES)
      throw badInput(`filter.${name}`, `at most ${MAX_FILTER_VALUES} values (got ${values.length})`);
  }
  if (filter.status && filter.status.length > 0) {
    where.push(P.sql`r.status::text = ANY(${[...filter.status]}::text[])`);
  }
  if (filter.method && filter.method.length > 0) {
    where.push(P.sql`r.method::text = ANY(${[...filter.method]}::text[])`);
  }
  if (filter.tags && filter.tags.length > 0) {
    where.push(P.sql`r.tags @> ${checkTags("filter.tags", filter.tags)}::text[]`);
  }
  if (filter.search != null && filter.search.trim() !== "") {
    const term = checkString("filter.search", filter.search, { max: MAX_SEARCH });
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(P.sql`(r.name ILIKE ${pattern} OR coalesce(r.notes, '') ILIKE ${pattern} OR array_to_string(r.tags, ' ') ILIKE ${pattern})`);
  }
  return where;
}

export async function listRuns(
  prisma: PrismaClient,
  args: { filter?: RunFilter | null; orderBy?: RunOrder | null; first?: number | null; after?: string | null },
): Promise<RunPage> {
  const first = args.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
    throw badInput("first", `must be between 0 and ${MAX_PAGE} (got ${first})`);
  }
  const { expr, cast, valid, metricKey } = sortExpression(args.orderBy);
  const descending = args.orderBy ? args.orderBy.direction === "DESC" : true; // newest first by default
  const join = metricKey ? P.sql`LEFT JOIN metric_series ms ON ms.run_id = r.id AND ms.key = ${metricKey}` : P.empty;
  const filters = filterConditions(args.filter);
  const where = filters.length > 0 ? P.sql`WHERE ${P.join(filters, " AND ")}` : P.empty;

  const conditions = [...filters];
  if (args.after) {
    const cursor = decodeCursor(args.after);
    if (cursor.v !== null && !valid(cursor.v)) throw badInput("after", "not a cursor of this order (sort by the order it was made with)");
    const beyond = descending ? P.sql`<` : P.sql`>`;
    // NULLs (runs without the metric) always sort last, in both directions.
    conditions.push(
      cursor.v === null
        ? P.sql`(${expr} IS NULL AND r.id ${beyond} ${cursor.id}::uuid)`
        : P.sql`(${expr} ${beyond} ${cast(cursor.v)} OR (${expr} = ${cast(cursor.v)} AND r.id ${beyond} ${cursor.id}::uuid) OR ${expr} IS NULL)`,
    );
  }
  const pageWhere = conditions.length > 0 ? P.sql`WHERE ${P.join(conditions, " AND ")}` : P.empty;
  const direction = descending ? P.sql`DESC` : P.sql`ASC`;

  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<{ id: string; sort_value: string | number | Date | null }[]>`
      SELECT r.id, ${expr} AS sort_value FROM runs r ${join} ${pageWhere}
      ORDER BY ${expr} ${direction} NULLS LAST, r.id ${direction}
      LIMIT ${first + 1}`,
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM runs r ${where}`,
  ]);
  const page = rows.slice(0, first);
  const runs = page.length > 0 ? await prisma.run.findMany({ where: { id: { in: page.map((r) => r.id) } } }) : [];
  const byId = new Map(runs.map((run) => [run.id, run]));
  const last = page[page.length - 1];
  const lastValue = last?.sort_value;
  return {
    nodes: page.map((r) => byId.get(r.id)).filter((run): run is RunRow => run !== undefined),
    totalCount: counted[0]?.n ?? 0,
    pageInfo: {
      endCursor: last ? encodeCursor({ v: lastValue instanceof Date ? lastValue.toISOString() : (lastValue ?? null), id: last.id }) : null,
      hasNextPage: rows.length > first,
    },
  };
}
