/**
 * Junk and hostile input against a real platform, property-based (fast-check): every
 * mutation and query argument gets wrong types, huge and odd strings (NUL, lone
 * surrogates, SQL and template injections), non-finite and out-of-range numbers, deeply
 * nested JSON; raw bodies are random JSON or not JSON at all. Whatever comes in:
 * - no HTTP 5xx, and every error carries a client code;
 * - no partial write: a refused call changes nothing (runs, points, images counted);
 * - the API stays healthy (/healthz 200 at the end, the process alive).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import pg from "pg";
import * as ops from "../support/documents.ts";
import { query } from "../support/graphql.ts";
import { testPng } from "../support/png.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PAYLOAD_TOO_LARGE",
  "QUERY_TOO_DEEP",
  "QUERY_TOO_COMPLEX",
]);
/** Cases per property: enough to hit every shape several times, quick enough for the suite. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

let platform: Platform;
let db: pg.Client;
let runId: string;
let cases = 0;
let requests = 0;

before(async () => {
  // The rate limit is tested in tests/api/limits.test.ts; here it would only slow the fuzzing.
  platform = await startPlatform({ runTimeoutS: 3600, env: { RATE_LIMIT_PER_S: "0" } });
  db = new pg.Client({ connectionString: platform.databaseUrl });
  await db.connect();
  const { startRun } = await query(platform.apiUrl, ops.StartRun, { input: { experimentName: "fuzz", method: "GAN" } });
  runId = startRun.id;
  await query(platform.apiUrl, ops.LogMetrics, { runId, points: [{ key: "loss", step: 0, value: 1 }] });
});

after(async () => {
  console.log(`fuzz: ${cases} generated cases, ${requests} requests, no 5xx`);
  await db?.end();
  await platform?.stop();
});

type Answer = { status: number; data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };

/** Sends a raw body; asserts the answer is no 5xx and every error has a client code. */
async function send(body: string, contentType = "application/json"): Promise<Answer> {
  requests++;
  const response = await fetch(platform.apiUrl, { method: "POST", headers: { "content-type": contentType }, body });
  const text = await response.text();
  assert.ok(response.status < 500, `HTTP ${response.status} for ${body.slice(0, 200)}: ${text.slice(0, 300)}`);
  let answer: Answer;
  try {
    answer = { status: response.status, ...(JSON.parse(text) as object) };
  } catch {
    assert.fail(`not JSON (HTTP ${response.status}) for ${body.slice(0, 200)}: ${text.slice(0, 200)}`);
  }
  for (const error of answer.errors ?? []) {
    assert.ok(CLIENT_CODES.has(error.extensions?.code ?? ""), `code ${error.extensions?.code}: ${error.message.slice(0, 300)}`);
  }
  return answer;
}

function gql(source: string, variables?: unknown): Promise<Answer> {
  cases++;
  return send(JSON.stringify({ query: source, variables }));
}

// ---- arbitraries ----------------------------------------------------------------------

const HOSTILE = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF\uD800",
  "' OR '1'='1",
  "'; DROP TABLE runs; --",
  "\\'; SELECT pg_sleep(5); --",
  "1; UPDATE runs SET status='FAILED'",
  "%",
  "_%\\",
  "${process.exit()}",
  "{{7*7}}",
  "<script>alert(1)</script>",
  "../../../etc/passwd",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "00000000-0000-0000-0000-000000000000",
  "x".repeat(100_001),
  "🏳️‍🌈".repeat(1000),
];

/** Any UTF-16 code units, lone surrogates included. */
const utf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes));
const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  utf16,
);
const oddNumber = fc.oneof(
  fc.integer(),
  fc.double(), // NaN and ±Infinity become null in JSON
  fc.constantFrom(-1, 0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_VALUE, -Number.MIN_VALUE, 1e-320, 0.5),
);
/**
 * JSON nested `depth` levels, built only when sent (toJSON): fast-check prints a failing
 * case recursively, and would overflow its stack on the value itself.
 */
class DeepJson {
  constructor(readonly depth: number) {}
  toJSON(): unknown {
    let value: unknown = 1;
    for (let i = 0; i < this.depth; i++) value = i % 2 ? [value] : { k: value };
    return value;
  }
  [fc.toStringMethod](): string {
    return `DeepJson(${this.depth})`;
  }
}
const deepJson = fc.integer({ min: 1, max: 2_000 }).map((depth) => new DeepJson(depth));
/** A value for any argument slot: of the right type by chance only. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: oddNumber },
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  deepJson,
  fc.array(hostileString, { maxLength: 5 }),
);
/** A cursor as this API makes them (base64url JSON of a sort value and an id), forged. */
const forgedCursor = fc
  .record({
    v: fc.oneof(
      anyValue,
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    ),
    id: fc.uuid(),
  })
  .map((cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url"));
const runIdLike = fc.oneof(fc.uuid(), hostileString, fc.constant(undefined)).map((v) => v);
const method = fc.oneof(fc.constantFrom("STANDARD", "FGSM", "GAN"), anyValue);
const launchInput = fc.record(
  {
    experimentName: fc.oneof(fc.constant("fuzz"), anyValue),
    experimentId: anyValue,
    name: anyValue,
    method,
    config: fc.oneof(
      anyValue,
      fc.record({ cycles: oddNumber, trainSize: oddNumber, schedule: anyValue, classifier: anyValue }, { requiredKeys: [] }),
    ),
    tags: fc.oneof(fc.array(hostileString, { maxLength: 60 }), anyValue),
  },
  { requiredKeys: ["method"] },
);
const point = fc.record(
  { key: fc.oneof(fc.constant("loss"), hostileString), step: oddNumber, value: oddNumber, wallTime: anyValue },
  { requiredKeys: ["key", "step", "value"] },
);

// ---- what is stored -------------------------------------------------------------------

type Counts = Record<"experiments" | "runs" | "points" | "images" | "workers", number>;

/** Rows in every table a mutation writes, read straight from PostgreSQL. */
async function counts(): Promise<Counts> {
  const { rows } = await db.query<Counts>(
    `SELECT (SELECT count(*)::int FROM experiments) AS experiments, (SELECT count(*)::int FROM runs) AS runs,
       (SELECT count(*)::int FROM metric_points) AS points, (SELECT count(*)::int FROM run_images) AS images,
       (SELECT count(*)::int FROM workers) AS workers`,
  );
  return rows[0]!;
}

// ---- properties -----------------------------------------------------------------------

test("mutations with hostile arguments: no 5xx, only client errors, a refused call writes nothing", async () => {
  const mutations: [string, fc.Arbitrary<Record<string, unknown>>][] = [
    ["mutation($input: LaunchRunInput!) { launchRun(input: $input) { id } }", fc.record({ input: fc.oneof(launchInput, anyValue) })],
    ["mutation($input: LaunchRunInput!) { startRun(input: $input) { id } }", fc.record({ input: launchInput })],
    [
      "mutation($inputs: [LaunchRunInput!]!) { launchRuns(inputs: $inputs) { id } }",
      fc.record({ inputs: fc.array(launchInput, { maxLength: 4 }) }),
    ],
    ["mutation($n: String!, $d: String) { createExperiment(name: $n, description: $d) { id } }", fc.record({ n: anyValue, d: anyValue })],
    [
      "mutation($w: String!, $b: String, $h: String) { claimRun(workerId: $w, backend: $b, hostname: $h) { id } }",
      fc.record({ w: anyValue, b: anyValue, h: anyValue }),
    ],
    ["mutation($id: ID!) { heartbeat(runId: $id) { id status } }", fc.record({ id: runIdLike })],
    [
      "mutation($id: ID!, $s: RunStatus!, $e: String) { finishRun(runId: $id, status: $s, error: $e) { id } }",
      fc.record({ id: runIdLike, s: anyValue, e: anyValue }),
    ],
    ["mutation($id: ID!) { cancelRun(runId: $id) { id } }", fc.record({ id: runIdLike })],
    [
      "mutation($id: ID!, $t: [String!]!) { setRunTags(runId: $id, tags: $t) { id } }",
      fc.record({ id: fc.oneof(fc.constant("RUN"), runIdLike), t: fc.oneof(fc.array(hostileString, { maxLength: 60 }), anyValue) }),
    ],
    [
      "mutation($id: ID!, $n: String!) { setRunNotes(runId: $id, notes: $n) { id } }",
      fc.record({ id: fc.oneof(fc.constant("RUN"), runIdLike), n: anyValue }),
    ],
  ];
  for (const [source, variables] of mutations) {
    await fc.assert(
      fc.asyncProperty(variables, async (vars) => {
        // "RUN" stands for the fuzzed run: annotations may change it, nothing else may.
        const resolved = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, v === "RUN" ? runId : v]));
        const before = await counts();
        const answer = await gql(source, resolved);
        if (answer.errors) assert.deepEqual(await counts(), before, `a refused ${source.slice(9, 40)} wrote nothing`);
      }),
      { numRuns: RUNS },
    );
  }
});

test("logMetrics with one hostile point among good ones: refused whole, or stored whole", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(point, { maxLength: 5 }), point, fc.nat(), async (good, hostile, at) => {
      const base = good.length + (await counts()).points;
      const points = good.map((p, i) => ({ key: "fuzz", step: base + i, value: 0.5 }));
      points.splice(at % (points.length + 1), 0, hostile as never);
      const before = await counts();
      const answer = await gql(
        `mutation($id: ID!, $p: [MetricPointInput!]!) { logMetrics(runId: $id, points: $p) { accepted duplicates } }`,
        {
          id: runId,
          p: points,
        },
      );
      const now = await counts();
      if (answer.errors) assert.equal(now.points, before.points, "a refused batch stores nothing");
      else {
        const result = answer.data!.logMetrics as { accepted: number; duplicates: number };
        assert.equal(result.accepted + result.duplicates, points.length);
        assert.equal(now.points, before.points + result.accepted, "an accepted batch stores exactly what it says");
      }
    }),
    { numRuns: RUNS * 2 },
  );
});

test("logImage with hostile bytes and arguments: no 5xx; a refused image is not stored", async () => {
  const png = Buffer.from(testPng(4, 4)).toString("base64");
  const pngBase64 = fc.oneof(
    fc.constant(png),
    anyValue,
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString("base64")),
    // A real PNG signature and IHDR with absurd sizes.
    fc.tuple(fc.nat(), fc.nat()).map(([w, h]) => {
      const bytes = Buffer.from(testPng(4, 4));
      bytes.writeUInt32BE(w, 16);
      bytes.writeUInt32BE(h, 20);
      return bytes.toString("base64");
    }),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.record({ s: fc.oneof(fc.nat(), anyValue), k: fc.oneof(fc.constant("fuzz"), anyValue), b: pngBase64, c: anyValue }),
      async (vars) => {
        const before = await counts();
        const answer = await gql(
          `mutation($id: ID!, $s: Int!, $k: String!, $b: String!, $c: String) { logImage(runId: $id, step: $s, kind: $k, pngBase64: $b, caption: $c) { id } }`,
          {
            id: runId,
            ...vars,
          },
        );
        if (answer.errors) assert.equal((await counts()).images, before.images, "a refused image is not stored");
      },
    ),
    { numRuns: RUNS },
  );
});

test("queries with hostile arguments: no 5xx, only client errors", async () => {
  const queries: [string, fc.Arbitrary<Record<string, unknown>>][] = [
    [
      "query($f: RunFilter, $o: RunOrder, $n: Int, $a: String) { runs(filter: $f, orderBy: $o, first: $n, after: $a) { totalCount nodes { id } } }",
      fc.record({
        f: fc.oneof(
          anyValue,
          fc.record({ search: anyValue, tags: anyValue, status: anyValue, method: anyValue, experimentId: anyValue }, { requiredKeys: [] }),
        ),
        o: fc.oneof(
          anyValue,
          fc.record({
            field: fc.constantFrom("CREATED_AT", "NAME", "STATUS", "METRIC"),
            metricKey: anyValue,
            direction: fc.constantFrom("ASC", "DESC"),
          }),
        ),
        n: anyValue,
        a: fc.oneof(anyValue, forgedCursor),
      }),
    ],
    [
      "query($r: [ID!]!, $k: [String!]!, $m: Int, $from: Int, $to: Int) { metricSeries(runIds: $r, keys: $k, maxPoints: $m, fromStep: $from, toStep: $to) { key count } }",
      fc.record({
        r: fc.oneof(fc.constant(["RUN"]), anyValue),
        k: fc.oneof(fc.constant(["loss", "fuzz"]), anyValue),
        m: anyValue,
        from: anyValue,
        to: anyValue,
      }),
    ],
    [
      "query($id: ID!, $k: [String!]!, $m: Int, $kind: String) { run(id: $id) { metrics(keys: $k, maxPoints: $m) { count } images(kind: $kind) { id } } }",
      fc.record({ id: fc.oneof(fc.constant("RUN"), runIdLike), k: anyValue, m: anyValue, kind: anyValue }),
    ],
    ["query($id: ID!) { experiment(id: $id) { id runs(first: 1) { totalCount } } }", fc.record({ id: runIdLike })],
  ];
  for (const [source, variables] of queries) {
    await fc.assert(
      fc.asyncProperty(variables, async (vars) => {
        const resolved = JSON.parse(JSON.stringify(vars).replaceAll('"RUN"', JSON.stringify(runId))) as unknown;
        await gql(source, resolved);
      }),
      { numRuns: RUNS },
    );
  }
});

test("raw bodies: random JSON, malformed JSON, random documents and literals, odd content types", async () => {
  const bodies = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.record({ query: anyValue, variables: anyValue, operationName: anyValue }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.constantFrom(
      "{",
      '{"query": "{ runTags }"',
      "[]",
      "null",
      '{"query": null}',
      "\u0000",
      '{"query":"{ runTags }"}'.repeat(3),
      "[".repeat(100_000),
    ),
    // Documents with a hostile literal where a value goes.
    hostileString.map((s) => JSON.stringify({ query: `{ runs(filter: {search: ${JSON.stringify(s)}}) { totalCount } }` })),
    hostileString.map((s) => JSON.stringify({ query: `mutation { createExperiment(name: ${JSON.stringify(s)}) { id } }` })),
    // Random operation text.
    fc.string({ maxLength: 80 }).map((s) => JSON.stringify({ query: s })),
  );
  const contentType = fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "text/plain",
    "application/x-www-form-urlencoded",
  );
  await fc.assert(
    fc.asyncProperty(bodies, contentType, async (body, type) => {
      cases++;
      await send(body, type);
    }),
    { numRuns: RUNS * 3 },
  );
});

test("after all of it the API is healthy and answers as before", async () => {
  const health = await fetch(`http://127.0.0.1:${platform.api.port}/healthz`);
  assert.equal(health.status, 200);
  assert.equal(platform.api.child.exitCode, null, "the API process is alive");
  const { run } = await query(platform.apiUrl, ops.RunById, { id: runId });
  assert.ok(run, "the fuzzed run is still readable");
  assert.doesNotMatch(platform.api.output(), /internal error|http error/, "nothing reached the internal error path");
});
