/**
 * Every limit of the API refuses with a clear error naming it, never a 5xx: query depth
 * and cost (over HTTP and WebSocket), the rate limit per token (429 + Retry-After), input
 * sizes and counts, the body size and the document size. And every document the project
 * ships passes the query limits with realistic variables.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { specifiedRules, validate, type DocumentNode } from "graphql";
import type { Client } from "graphql-ws";
import { MAX_QUERY_DEPTH, MAX_QUERY_TOKENS, queryLimitRules } from "../../server/src/graphql/limits.ts";
import { buildSchema } from "../../server/src/graphql/schema.ts";
import { MAX_SUBSCRIPTIONS_PER_CONNECTION, WS_MESSAGES_PER_S, WS_TOO_MANY_MESSAGES } from "../../server/src/http/limits.ts";
import WebSocket from "ws";
import { MAX_BODY_BYTES } from "../../server/src/http/server.ts";
import * as trainerDocuments from "../../trainer/src/report/generated/graphql.ts";
import * as webDocuments from "../../web/lib/gql/graphql.ts";
import { compareRunsRequest } from "../../web/ui/compare/compare-runs-query.ts";
import * as testDocuments from "../support/gql/graphql.ts";
import * as ops from "../support/documents.ts";
import { query, wsClient } from "../support/graphql.ts";
import { startApi, startPlatform, type Platform } from "../support/platform.ts";

let platform: Platform;
before(async () => {
  platform = await startPlatform();
});
after(() => platform?.stop());

/** Every response body this file saw, to check none carries a stack trace. */
const bodies: string[] = [];

async function post(body: string | object, url = platform.apiUrl, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  bodies.push(text);
  const json = JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: response.status, headers: response.headers, ...json, error: json.errors?.[0] };
}

function deepObject(levels: number): object {
  let value = {};
  for (let i = 1; i < levels; i++) value = { [`level${i}`]: value };
  return value;
}

function nested(levels: number): string {
  let selection = "id";
  for (let i = 0; i < levels; i++) selection = `experiment { runs(first: 1) { nodes { ${selection} } } }`;
  return `{ runs(first: 1) { nodes { ${selection} } } }`;
}

test("every document the project ships passes the query limits", () => {
  const schema = buildSchema();
  const shipped = [webDocuments, trainerDocuments, testDocuments].flatMap((module) =>
    Object.entries(module).filter(([name]) => name.endsWith("Document")),
  );
  assert.ok(shipped.length >= 40, `found ${shipped.length} documents`);
  console.log(`${shipped.length} shipped documents checked`);
  for (const [name, document] of shipped) {
    assert.deepEqual(validate(schema, document as DocumentNode, [...specifiedRules, ...queryLimitRules()]), [], name);
  }
  const runIds = Array.from({ length: 100 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
  const realistic: [string, DocumentNode, Record<string, unknown>][] = [
    ["/compare: 100 runs × 3 keys at 1,000 points", webDocuments.CompareSeriesDocument, { runIds, keys: ["a", "b", "c"], maxPoints: 1000 }],
    [
      "/compare: 4 runs × 10 keys at 4,000 points",
      webDocuments.CompareSeriesDocument,
      { runIds: runIds.slice(0, 4), keys: [..."abcdefghij"], maxPoints: 4000 },
    ],
    ["/runs: 100 rows", webDocuments.RunsPageDocument, { first: 100 }],
    ["/runs/<id>: 10 keys at 4,000 points", webDocuments.RunMetricsDocument, { id: runIds[0], keys: [..."abcdefghij"], maxPoints: 4000 }],
    ["/compare headers: 100 runs", compareRunsRequest(runIds).document, compareRunsRequest(runIds).variables],
  ];
  for (const [what, document, variables] of realistic) {
    assert.deepEqual(validate(schema, document, [...specifiedRules, ...queryLimitRules(variables)]), [], what);
  }
});

test("a needlessly deep query is refused before it runs: 400 QUERY_TOO_DEEP naming the limit", async () => {
  const refused = await post({ query: nested(4) });
  assert.equal(refused.status, 400);
  assert.equal(refused.error?.extensions?.code, "QUERY_TOO_DEEP");
  assert.match(refused.error!.message, new RegExp(`15 levels of nested fields, the limit is ${MAX_QUERY_DEPTH}`));
  assert.equal(refused.data, undefined);
  assert.equal((await post({ query: nested(2) })).status, 200, "9 levels pass");
});

test("a needlessly wide query is refused before it runs: 400 QUERY_TOO_COMPLEX with the estimate", async () => {
  const wide = `query($k: [String!]!) { experiments { runs(first: 500) { nodes { metrics(keys: $k, maxPoints: 1000) { points { step value } } } } } }`;
  const refused = await post({ query: wide, variables: { k: ["a", "b"] } });
  assert.equal(refused.status, 400);
  assert.equal(refused.error?.extensions?.code, "QUERY_TOO_COMPLEX");
  assert.match(refused.error!.message, /estimated at [\d,]+ fields, the limit is 2,000,000/);
  // Aliases count each time: a cheap page asked for 2,500 times over is too wide.
  const aliases = Array.from({ length: 2_500 }, (_, i) => `a${i}: runs(first: 500) { nodes { id name } }`).join(" ");
  assert.equal((await post({ query: `{ ${aliases} }` })).error?.extensions?.code, "QUERY_TOO_COMPLEX");
});

test("a document with too many tokens is refused by the parser, naming the limit", async () => {
  const refused = await post({ query: `{ ${"runTags ".repeat(MAX_QUERY_TOKENS)} }` });
  assert.equal(refused.status, 400);
  assert.equal(refused.error?.extensions?.code, "GRAPHQL_PARSE_FAILED");
  assert.match(refused.error!.message, new RegExp(`${MAX_QUERY_TOKENS} tokens`));
});

test("oversized inputs are refused with BAD_USER_INPUT naming the field and the limit, and store nothing", async () => {
  const refusals: [string, object, RegExp][] = [
    ["name", { query: `mutation($n: String!) { createExperiment(name: $n) { id } }`, variables: { n: "x".repeat(201) } }, /at most 200/],
    [
      "input.config",
      {
        query: `mutation($c: JSON) { launchRun(input: {experimentName: "limits", method: GAN, config: $c}) { id } }`,
        variables: { c: deepObject(11) },
      },
      /nested at most 10 levels/,
    ],
    [
      "input.tags",
      {
        query: `mutation($t: [String!]) { launchRun(input: {experimentName: "limits", method: GAN, tags: $t}) { id } }`,
        variables: { t: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      },
      /at most 50 tags/,
    ],
    ["maxPoints", { query: `{ metricSeries(runIds: [], keys: ["a"], maxPoints: 100001) { key } }` }, /from 1 to 100000/],
    [
      "keys",
      {
        query: `query($k: [String!]!) { metricSeries(runIds: [], keys: $k) { key } }`,
        variables: { k: Array.from({ length: 101 }, (_, i) => `k${i}`) },
      },
      /at most 100 keys/,
    ],
    [
      "runIds",
      {
        query: `query($r: [ID!]!) { metricSeries(runIds: $r, keys: ["a"]) { key } }`,
        variables: { r: Array.from({ length: 1001 }, (_, i) => `r${i}`) },
      },
      /at most 1000 runs/,
    ],
    [
      "filter.search",
      { query: `query($s: String) { runs(filter: {search: $s}) { totalCount } }`, variables: { s: "%".repeat(201) } },
      /at most 200/,
    ],
    ["after", { query: `query($a: String) { runs(after: $a) { totalCount } }`, variables: { a: "x".repeat(1001) } }, /longer than 1000/],
  ];
  for (const [field, body, message] of refusals) {
    const refused = await post(body);
    assert.equal(refused.status, 200, field);
    assert.equal(refused.error?.extensions?.code, "BAD_USER_INPUT", field);
    assert.equal(refused.error?.extensions?.field, field);
    assert.match(refused.error!.message, message, field);
  }
  const { experiments } = await query(platform.apiUrl, ops.Experiments, {});
  assert.ok(!experiments.some((e) => e.name === "limits"), "no refused launch created its experiment");
});

test("too many points in one logMetrics call: refused whole, nothing stored", async () => {
  const { startRun } = await query(platform.apiUrl, ops.StartRun, { input: { experimentName: "limits-points", method: "STANDARD" } });
  const points = Array.from({ length: 10_001 }, (_, step) => ({ key: "loss", step, value: step }));
  const refused = await post({
    query: `mutation($id: ID!, $p: [MetricPointInput!]!) { logMetrics(runId: $id, points: $p) { accepted } }`,
    variables: { id: startRun.id, p: points },
  });
  assert.equal(refused.error?.extensions?.code, "BAD_USER_INPUT");
  assert.match(refused.error!.message, /^points: at most 10000 points per call \(got 10001\)/);
  const { run } = await query(platform.apiUrl, ops.RunMetrics, { id: startRun.id, keys: ["loss"] });
  assert.deepEqual(run!.metrics, [], "nothing stored");
});

test("a body over MAX_BODY_BYTES is refused with 413 PAYLOAD_TOO_LARGE", async () => {
  const refused = await post({ query: "{ runTags }", variables: { pad: "x".repeat(MAX_BODY_BYTES) } });
  assert.equal(refused.status, 413);
  assert.equal(refused.error?.extensions?.code, "PAYLOAD_TOO_LARGE");
  assert.match(refused.error!.message, new RegExp(`larger than ${MAX_BODY_BYTES} bytes`));
});

test("over the rate limit: 429 RATE_LIMITED with Retry-After naming the limit; other callers and /healthz unaffected", async () => {
  const api = await startApi(platform.databaseUrl, { env: { RATE_LIMIT_PER_S: "1", RATE_LIMIT_BURST: "3" } });
  try {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post({ query: "{ runTags }" }, api.apiUrl)).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const limited = await post({ query: "{ runTags }" }, api.apiUrl);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get("retry-after"), "1");
    assert.equal(limited.error?.extensions?.code, "RATE_LIMITED");
    assert.match(limited.error!.message, /at most 1 requests a second per token \(bursts of 3.*retry after 1 s/);
    assert.equal((await fetch(`http://127.0.0.1:${api.port}/healthz`)).status, 200, "/healthz is not limited");
    assert.equal((await post({ query: "{ runTags }" })).status, 200, "another API process keeps its own buckets");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal((await post({ query: "{ runTags }" }, api.apiUrl)).status, 200, "after Retry-After the request goes through");
  } finally {
    await api.stop();
  }
});

/** Subscribes with a raw document; resolves with the first error it gets. */
function firstError(client: Client, source: string): Promise<{ message: string; extensions?: Record<string, unknown> } | "started"> {
  return new Promise((resolve) => {
    // Refusals arrive at once; "started" only after a long wait, i.e. nothing was refused.
    const timer = setTimeout(() => resolve("started"), 15_000);
    client.subscribe(
      { query: source },
      {
        next: (value) => value.errors && (bodies.push(JSON.stringify(value)), clearTimeout(timer), resolve(value.errors[0] as never)),
        error: (errors) => {
          bodies.push(JSON.stringify(errors));
          clearTimeout(timer);
          resolve((Array.isArray(errors) ? errors[0] : { message: String(errors) }) as never);
        },
        complete: () => {},
      },
    );
  });
}

test("over WebSocket: the same query limits, a bound on open subscriptions, and parse errors as errors", async () => {
  const client = wsClient(platform.wsUrl);
  try {
    const tooDeep = await firstError(
      client,
      `subscription { runUpdated { experiment { runs(first: 1) { nodes { ${nested(3).slice(2, -2)} } } } } }`,
    );
    assert.notEqual(tooDeep, "started");
    assert.equal((tooDeep as { extensions?: Record<string, unknown> }).extensions?.code, "QUERY_TOO_DEEP");
    const syntax = await firstError(client, "subscription { runUpdated {");
    assert.equal((syntax as { extensions?: Record<string, unknown> }).extensions?.code, "GRAPHQL_PARSE_FAILED");
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_CONNECTION; i++)
      client.subscribe({ query: "subscription { runUpdated { id } }" }, { next: () => {}, error: () => {}, complete: () => {} });
    const refused = await firstError(client, "subscription { runUpdated { id } }");
    assert.notEqual(refused, "started");
    assert.equal((refused as { extensions?: Record<string, unknown> }).extensions?.code, "RATE_LIMITED");
    assert.match((refused as { message: string }).message, new RegExp(`at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} at once`));
  } finally {
    await client.dispose();
  }
});

test("a WebSocket sending messages faster than the limit is closed with 1008 and a reason naming it", async () => {
  const socket = new WebSocket(platform.wsUrl, "graphql-transport-ws");
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  const closed = new Promise<[number, string]>((resolve) => socket.once("close", (code, reason) => resolve([code, String(reason)])));
  socket.send(JSON.stringify({ type: "connection_init" }));
  for (let i = 0; i < 4 * WS_MESSAGES_PER_S; i++) socket.send(JSON.stringify({ type: "ping" }));
  const [code, reason] = await closed;
  assert.equal(code, WS_TOO_MANY_MESSAGES);
  assert.equal(reason, `too many messages: at most ${WS_MESSAGES_PER_S} a second`);
});

test("no error response carries a stack trace (the platform runs with NODE_ENV=production)", async () => {
  const base = `http://127.0.0.1:${platform.api.port}`;
  // Errors of every kind not provoked above.
  await post("{ not json");
  await post({ query: "{ nope }" });
  await post({ query: "{ run(id: " });
  await post({ query: `mutation { finishRun(runId: "00000000-0000-4000-8000-000000000000", status: SUCCEEDED) { id } }` });
  await post({ query: `{ runs(first: -1) { totalCount } }` });
  await post({ query: `query($x: Int) { runs(first: $x) { totalCount } }`, variables: { x: "many" } });
  await post([{ query: "{ runTags }" }]);
  for (const path of ["/images/not-an-id.png", "/images/%E0%A4%A.png", "/nothing-here", "/graphql"]) {
    const response = await fetch(base + path);
    assert.ok(response.status >= 400 && response.status < 500, `${path}: ${response.status}`);
    bodies.push(await response.text());
  }
  assert.ok(bodies.length >= 20, `${bodies.length} error bodies checked`);
  for (const body of bodies) {
    assert.doesNotMatch(body, /stacktrace|\n\s+at |\bat [\w.<>]+ \(/, body.slice(0, 300));
  }
});
