import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  defaultRunsView,
  nextPage,
  parseRunsView,
  previousPage,
  runsViewToParams,
  sortBy,
  toRunFilter,
  toRunOrder,
  type RunsView,
} from "./runs-view.ts";

test("an empty URL is the default view, and the default view writes an empty URL", () => {
  assert.deepEqual(parseRunsView(new URLSearchParams()), defaultRunsView());
  assert.equal(runsViewToParams(defaultRunsView()).toString(), "");
  assert.equal(toRunFilter(defaultRunsView()), undefined);
  assert.deepEqual(toRunOrder(defaultRunsView()), { field: "CREATED_AT", direction: "DESC" });
});

test("filters, search and sort read from the URL as Next.js passes it", () => {
  const view = parseRunsView({
    status: ["RUNNING", "BOGUS"],
    method: "GAN,FGSM",
    tag: ["paper", "paper"],
    q: " gan ",
    sort: "metric:fgsm_accuracy",
    dir: "asc",
  });
  assert.deepEqual(view.status, ["RUNNING"]);
  assert.deepEqual(view.method, ["GAN", "FGSM"]);
  assert.deepEqual(view.tags, ["paper"]);
  assert.deepEqual(toRunFilter(view), { status: ["RUNNING"], method: ["GAN", "FGSM"], tags: ["paper"], search: "gan" });
  assert.deepEqual(toRunOrder(view), { field: "METRIC", metricKey: "fgsm_accuracy", direction: "ASC" });
});

test("paging forward and back returns to the same cursors, and the first page has none", () => {
  const first = defaultRunsView();
  const second = nextPage(first, "c1");
  const third = nextPage(second, "c2");
  assert.equal(third.after, "c2");
  assert.deepEqual(previousPage(third), second);
  assert.deepEqual(previousPage(second), first);
  const reparsed = parseRunsView(runsViewToParams(third));
  assert.deepEqual(reparsed, third);
});

test("sorting by a new column starts at its natural direction; again flips it; both reset paging", () => {
  const paged = nextPage(defaultRunsView(), "c1");
  const byName = sortBy(paged, "NAME");
  assert.deepEqual(byName.sort, { field: "NAME", metricKey: undefined, direction: "ASC" });
  assert.equal(byName.after, undefined);
  assert.equal(sortBy(byName, "NAME").sort.direction, "DESC");
  assert.equal(sortBy(byName, "METRIC", "clean_accuracy").sort.direction, "DESC");
});

test("no metric columns survives the round trip", () => {
  const view = { ...defaultRunsView(), columns: [] };
  assert.deepEqual(parseRunsView(runsViewToParams(view)).columns, []);
});

test("any view survives writing to the URL and reading back", () => {
  const text = fc.string({ minLength: 1, maxLength: 12 });
  const arbitraryView: fc.Arbitrary<RunsView> = fc.record({
    experimentId: fc.option(fc.uuid(), { nil: undefined }),
    status: fc.uniqueArray(fc.constantFrom("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELED" as const)),
    method: fc.uniqueArray(fc.constantFrom("STANDARD", "FGSM", "GAN" as const)),
    tags: fc.uniqueArray(text),
    search: fc.string({ maxLength: 20 }),
    sort: fc.oneof(
      fc.record({
        field: fc.constantFrom("CREATED_AT", "NAME", "STATUS" as const),
        metricKey: fc.constant(undefined),
        direction: fc.constantFrom("ASC", "DESC" as const),
      }),
      fc.record({ field: fc.constant("METRIC" as const), metricKey: text, direction: fc.constantFrom("ASC", "DESC" as const) }),
    ),
    columns: fc.uniqueArray(text),
    pageSize: fc.constantFrom(25, 50, 100, 200, 500),
    after: fc.constant(undefined),
    back: fc.constant([]),
  });
  fc.assert(
    fc.property(
      arbitraryView,
      fc.array(
        fc.base64String({ minLength: 4, maxLength: 12 }).map((s) => s.replace(/[+/=]/g, "x")),
        { maxLength: 3 },
      ),
      (view, cursors) => {
        let paged = view;
        for (const c of cursors) paged = nextPage(paged, c);
        return JSON.stringify(parseRunsView(runsViewToParams(paged))) === JSON.stringify(paged);
      },
    ),
  );
});
