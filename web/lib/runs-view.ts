/**
 * The state of the runs table as it lives in the URL (so views can be shared, bookmarked
 * and survive reloads): filters, search, sort, metric columns, page size and cursors.
 * Parsing is forgiving: anything unknown falls back to the default.
 */
import { DEFAULT_METRIC_COLUMNS, RUN_STATUSES, TRAINING_METHODS } from "./domain.ts";
import type { RunFilter, RunOrder, RunOrderField, RunStatus, SortDirection, TrainingMethod } from "./gql/graphql.ts";

export const PAGE_SIZES = [25, 50, 100, 200, 500] as const;
export const DEFAULT_PAGE_SIZE = 100;
/** The first page's entry in the `back` stack (cursors are base64url, never "-"). */
const FIRST_PAGE = "-";

export interface RunsView {
  experimentId: string | undefined;
  status: RunStatus[];
  method: TrainingMethod[];
  tags: string[];
  search: string;
  sort: { field: RunOrderField; metricKey: string | undefined; direction: SortDirection };
  /** Metric keys shown as columns (their latest value). */
  columns: string[];
  pageSize: number;
  /** Cursor of the current page (undefined = first page). */
  after: string | undefined;
  /** Cursors of the pages before this one, oldest first ("" for the first page). */
  back: string[];
}

/** Search params as Next.js hands them to a page, or a URLSearchParams. */
export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function all(params: RawParams, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function one(params: RawParams, name: string): string | undefined {
  return all(params, name)[0];
}

function pick<T extends string>(values: string[], allowed: readonly T[]): T[] {
  return [...new Set(values.flatMap((v) => v.split(",")).filter((v): v is T => (allowed as readonly string[]).includes(v)))];
}

/** The default view: newest runs first, clean and FGSM accuracy columns. */
export function defaultRunsView(): RunsView {
  return {
    experimentId: undefined,
    status: [],
    method: [],
    tags: [],
    search: "",
    sort: { field: "CREATED_AT", metricKey: undefined, direction: "DESC" },
    columns: [...DEFAULT_METRIC_COLUMNS],
    pageSize: DEFAULT_PAGE_SIZE,
    after: undefined,
    back: [],
  };
}

/** Reads a view from search params. */
export function parseRunsView(params: RawParams): RunsView {
  const view = defaultRunsView();
  view.experimentId = one(params, "experiment") || undefined;
  view.status = pick(all(params, "status"), RUN_STATUSES);
  view.method = pick(all(params, "method"), TRAINING_METHODS);
  view.tags = [...new Set(all(params, "tag").filter((t) => t !== ""))];
  view.search = (one(params, "q") ?? "").slice(0, 200);
  const sort = one(params, "sort");
  if (sort?.startsWith("metric:") && sort.length > 7) view.sort = { field: "METRIC", metricKey: sort.slice(7), direction: "DESC" };
  else if (sort === "name") view.sort = { field: "NAME", metricKey: undefined, direction: "ASC" };
  else if (sort === "status") view.sort = { field: "STATUS", metricKey: undefined, direction: "ASC" };
  const dir = one(params, "dir");
  if (dir === "asc" || dir === "desc") view.sort.direction = dir === "asc" ? "ASC" : "DESC";
  const cols = all(params, "col");
  if (cols.length > 0) view.columns = [...new Set(cols.filter((c) => c !== ""))];
  const size = Number(one(params, "size"));
  if ((PAGE_SIZES as readonly number[]).includes(size)) view.pageSize = size;
  view.after = one(params, "after") || undefined;
  view.back = view.after ? all(params, "back").map((c) => (c === FIRST_PAGE ? "" : c)) : [];
  return view;
}

function defaultDirection(field: RunOrderField): SortDirection {
  return field === "NAME" || field === "STATUS" ? "ASC" : "DESC";
}

/** Writes a view as search params, leaving out what equals the default. */
export function runsViewToParams(view: RunsView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.experimentId) params.set("experiment", view.experimentId);
  for (const s of view.status) params.append("status", s);
  for (const m of view.method) params.append("method", m);
  for (const t of view.tags) params.append("tag", t);
  if (view.search) params.set("q", view.search);
  const { field, metricKey, direction } = view.sort;
  if (field === "METRIC" && metricKey) params.set("sort", `metric:${metricKey}`);
  else if (field === "NAME") params.set("sort", "name");
  else if (field === "STATUS") params.set("sort", "status");
  const effectiveField = field === "METRIC" && !metricKey ? "CREATED_AT" : field;
  if (direction !== defaultDirection(effectiveField)) params.set("dir", direction.toLowerCase());
  const sameColumns =
    view.columns.length === DEFAULT_METRIC_COLUMNS.length && view.columns.every((c, i) => c === DEFAULT_METRIC_COLUMNS[i]);
  if (!sameColumns) {
    if (view.columns.length === 0) params.append("col", "");
    for (const c of view.columns) params.append("col", c);
  }
  if (view.pageSize !== DEFAULT_PAGE_SIZE) params.set("size", String(view.pageSize));
  if (view.after) {
    params.set("after", view.after);
    for (const c of view.back) params.append("back", c === "" ? FIRST_PAGE : c);
  }
  return params;
}

/** The same view on its first page (any change of filter or sort starts over). */
export function firstPage(view: RunsView): RunsView {
  return { ...view, after: undefined, back: [] };
}

/** The view of the next page, given the current page's end cursor. */
export function nextPage(view: RunsView, endCursor: string): RunsView {
  return { ...view, after: endCursor, back: [...view.back, view.after ?? ""] };
}

/** The view of the previous page (the first page stays the first). */
export function previousPage(view: RunsView): RunsView {
  if (!view.after) return view;
  const back = view.back.slice(0, -1);
  const previous = view.back[view.back.length - 1];
  return { ...view, after: previous || undefined, back: previous ? back : [] };
}

/** Sorting by a column: a new column sorts in its natural direction, the same one flips. */
export function sortBy(view: RunsView, field: RunOrderField, metricKey?: string): RunsView {
  const same = view.sort.field === field && view.sort.metricKey === metricKey;
  const direction = same ? (view.sort.direction === "ASC" ? "DESC" : "ASC") : defaultDirection(field);
  return firstPage({ ...view, sort: { field, metricKey, direction } });
}

/** The API filter of a view (undefined when nothing filters). */
export function toRunFilter(view: RunsView): RunFilter | undefined {
  const filter: RunFilter = {};
  if (view.experimentId) filter.experimentId = view.experimentId;
  if (view.status.length) filter.status = view.status;
  if (view.method.length) filter.method = view.method;
  if (view.tags.length) filter.tags = view.tags;
  if (view.search.trim()) filter.search = view.search.trim();
  return Object.keys(filter).length ? filter : undefined;
}

/** The API order of a view. */
export function toRunOrder(view: RunsView): RunOrder {
  const { field, metricKey, direction } = view.sort;
  return field === "METRIC" && metricKey
    ? { field, metricKey, direction }
    : { field: field === "METRIC" ? "CREATED_AT" : field, direction };
}
