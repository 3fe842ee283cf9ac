import assert from "node:assert/strict";
import { test } from "node:test";
import { getIntrospectionQuery, parse, specifiedRules, validate } from "graphql";
import { costLimitRule, depthLimitRule, MAX_QUERY_COST, MAX_QUERY_DEPTH, queryLimitRules } from "./limits.ts";
import { buildSchema } from "./schema.ts";

const schema = buildSchema();

/** The figure a rule would refuse at: measured by running it with a limit of 0. */
function figures(source: string, variables?: Record<string, unknown>): { depth: number; cost: number } {
  const document = parse(source);
  const depth = validate(schema, document, [depthLimitRule(0)]);
  const cost = validate(schema, document, [costLimitRule(0, variables)]);
  return {
    depth: (depth[0]?.extensions.depth as number | undefined) ?? 0,
    cost: (cost[0]?.extensions.cost as number | undefined) ?? 0,
  };
}

function refusals(source: string, variables?: Record<string, unknown>) {
  return validate(schema, parse(source), [...specifiedRules, ...queryLimitRules(variables)]);
}

test("depth counts nested fields; introspection and __typename are free", () => {
  assert.equal(figures("{ runTags }").depth, 1);
  assert.equal(figures("{ run(id: 1) { id experiment { name } } }").depth, 3);
  assert.equal(figures("{ __typename run(id: 1) { __typename } }").depth, 1);
  assert.deepEqual(refusals(getIntrospectionQuery()), [], "the standard introspection query passes");
});

test("a query nested deeper than the limit is refused with QUERY_TOO_DEEP naming both figures", () => {
  let selection = "id";
  for (let i = 0; i < 6; i++) selection = `experiment { runs(first: 1) { nodes { ${selection} } } }`;
  const [error, ...rest] = refusals(`{ run(id: 1) { ${selection} } }`);
  assert.equal(rest.length, 0);
  assert.equal(error?.extensions.code, "QUERY_TOO_DEEP");
  assert.match(error!.message, new RegExp(`20 levels of nested fields, the limit is ${MAX_QUERY_DEPTH}`));
});

test("list fields multiply what is under them by their size arguments", () => {
  // 1 (runs) + 1 (totalCount) + 1 (nodes) + 20 rows × 2 fields.
  assert.equal(figures("{ runs(first: 20) { totalCount nodes { id name } } }").cost, 43);
  // Without first: the API's default page of 50.
  assert.equal(figures("{ runs { nodes { id } } }").cost, 52);
  // 3 runs × 2 keys = 6 series × (key + points + 100 × (step + value)).
  const series = `{ metricSeries(runIds: ["a", "b", "c"], keys: ["x", "y"], maxPoints: 100) { key points { step value } } }`;
  assert.equal(figures(series).cost, 1 + 6 * (1 + 1 + 100 * 2));
  // The same through variables.
  const variableSeries = `query($r: [ID!]!, $k: [String!]!, $m: Int) { metricSeries(runIds: $r, keys: $k, maxPoints: $m) { key points { step value } } }`;
  assert.equal(figures(variableSeries, { r: ["a", "b", "c"], k: ["x", "y"], m: 100 }).cost, 1 + 6 * 202);
});

test("fragments count like the fields they stand for, and aliases count each time", () => {
  const inline = figures("{ a: run(id: 1) { id name } b: run(id: 2) { id name } }");
  const spread = figures("{ a: run(id: 1) { ...F } b: run(id: 2) { ...F } } fragment F on Run { id name }");
  assert.equal(inline.cost, 6);
  assert.deepEqual(spread, inline);
});

test("a fragment bomb is measured in linear time and refused", () => {
  // Each level doubles the fields: 2^40 of them if expanded naively.
  const levels = 40;
  const fragments = Array.from(
    { length: levels },
    (_, i) => `fragment F${i} on Run { a: experiment { runs(first: 2) { nodes { ...F${i + 1} } } } }`,
  );
  const source = `{ run(id: 1) { ...F0 } } ${fragments.join(" ")} fragment F${levels} on Run { id }`;
  const started = performance.now();
  const errors = validate(schema, parse(source), [costLimitRule()]);
  assert.ok(performance.now() - started < 500, "measured quickly");
  assert.equal(errors[0]?.extensions.code, "QUERY_TOO_COMPLEX");
});

test("a costly query is refused with QUERY_TOO_COMPLEX, its estimate and the limit; a realistic one passes", () => {
  const compare = `query($r: [ID!]!, $k: [String!]!, $m: Int) { metricSeries(runIds: $r, keys: $k, maxPoints: $m) { runId key count points { step value min max } } }`;
  const runIds = Array.from({ length: 100 }, (_, i) => `run-${i}`);
  assert.deepEqual(refusals(compare, { r: runIds, k: ["a", "b", "c"], m: 1000 }), [], "/compare: 100 runs × 3 keys × 1,000 points");
  const [error] = refusals(compare, { r: runIds, k: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"], m: 4000 });
  assert.equal(error?.extensions.code, "QUERY_TOO_COMPLEX");
  assert.match(error!.message, /estimated at 16,004,001 fields, the limit is 2,000,000/);
  assert.equal(error!.extensions.limit, MAX_QUERY_COST);
});

test("nested lists with no bound of their own count as ASSUMED_LIST_SIZE each", () => {
  const wide = "{ experiments { runs(first: 500) { nodes { images { id url } } } } }";
  const [error] = refusals(wide);
  assert.equal(error?.extensions.code, "QUERY_TOO_COMPLEX");
  assert.deepEqual(refusals("{ experiments { id name runCount } }"), []);
});

test("a variable that was not given falls back to the defaults", () => {
  const source = `query($k: [String!]!, $m: Int) { run(id: 1) { metrics(keys: $k, maxPoints: $m) { points { step } } } }`;
  // 10 keys assumed × (points + 1,000 points × 1 field).
  assert.equal(figures(source).cost, 1 + 1 + 10 * (1 + 1000));
  assert.equal(figures(source, { k: ["a"], m: 5 }).cost, 1 + 1 + 1 * (1 + 5));
});
