/**
 * Authentication against a real platform with AUTH=required: tokens made by the real
 * `token` CLI, every way a request can carry one (bearer, cookie, connection_init), what
 * each scope may do, and what every refusal looks like. AUTH_CACHE_S=0 makes revocation
 * immediate here (in production it takes effect within AUTH_CACHE_S seconds).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { after, before, test } from "node:test";
import pg from "pg";
import WebSocket from "ws";
import * as ops from "../support/documents.ts";
import { createToken as createTokenRow, revokeToken, TokenVerifier } from "../../server/src/auth/tokens.ts";
import { createPrismaClient } from "../../server/src/db/client.ts";
import { request } from "../support/graphql.ts";
import { ROOT, startApi, startPlatform, type Platform } from "../support/platform.ts";
import { testPng } from "../support/png.ts";
import { pollUntil, startTrainerTool, stopPlatform, TINY_CONFIG } from "../trainer/trainer-process.ts";

const TOKEN_SHAPE = /^spt_[A-Za-z0-9_-]{43}$/;
const ORIGIN = "http://127.0.0.1:3000"; // the dashboard: same host name, another port

let platform: Platform;
let writeToken: string;
let readToken: string;

/** Runs `npm run token -- …` as an administrator would, on the platform's running database. */
function tokenCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: platform.dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/auth/cli.ts", ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function createToken(name: string, scope: string): Promise<string> {
  const result = await tokenCli(["create", "--name", name, "--scope", scope]);
  assert.equal(result.code, 0, result.stderr);
  const token = result.stdout.trimEnd().split("\n").at(-1)!;
  assert.match(token, TOKEN_SHAPE, "the token is the last line");
  return token;
}

/** One GraphQL POST with the given headers; status and body as the server sent them. */
async function post(query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}) {
  const response = await fetch(platform.apiUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return { status: response.status, body, headers: response.headers };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const cookie = (token: string, origin = ORIGIN) => ({ cookie: `theme=dark; sparring_token=${token}`, origin });
const VIEWER = "{ viewer { name scope authRequired } }";
const CREATE_EXPERIMENT = "mutation($name: String!) { createExperiment(name: $name) { id name } }";

/** Opens a graphql-ws socket, sends connection_init, and reports how the server answered. */
function wsConnect(payload: Record<string, unknown> | undefined, headers: Record<string, string> = {}) {
  const socket = new WebSocket(platform.wsUrl, "graphql-transport-ws", { headers });
  const messages: { type: string; id?: string; payload?: unknown }[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const acked = new Promise<boolean>((resolve) => {
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { type: string; id?: string; payload?: unknown };
      messages.push(message);
      if (message.type === "connection_ack") resolve(true);
    });
    void closed.then(() => resolve(false));
  });
  socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload })));
  return { socket, messages, closed, acked };
}

before(async () => {
  platform = await startPlatform({ env: { AUTH: "required", AUTH_CACHE_S: "0" } });
  [writeToken, readToken] = await Promise.all([createToken("writer", "write"), createToken("reader", "read")]);
});
after(async () => {
  await stopPlatform(platform);
});

test("without a token every request is refused with 401 UNAUTHENTICATED and no data; /healthz stays open", async () => {
  const missing = await post(VIEWER);
  assert.equal(missing.status, 401);
  assert.equal(missing.body.data, undefined);
  assert.deepEqual(missing.body.errors, [
    { message: "missing token: send Authorization: Bearer <token>", extensions: { code: "UNAUTHENTICATED" } },
  ]);
  assert.match(missing.headers.get("www-authenticate") ?? "", /^Bearer/);

  for (const headers of [bearer("spt_" + "A".repeat(43)), bearer("not-a-token"), { authorization: "Basic dXNlcjpwYXNz" }]) {
    const wrong = await post(CREATE_EXPERIMENT, headers, { name: "never" });
    assert.equal(wrong.status, 401, JSON.stringify(headers));
    assert.equal(wrong.body.data, undefined);
    assert.equal(wrong.body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    assert.match(wrong.body.errors![0]!.message, /invalid or revoked token|expected Bearer <token>/);
  }
  assert.equal((await fetch(platform.apiUrl.replace(/graphql$/, "healthz"))).status, 200);
  const experiments = await post("{ experiments { name } }", bearer(readToken));
  assert.deepEqual(experiments.body.data, { experiments: [] }, "nothing was written by the refused mutation");
});

test("a read token reads but cannot change anything (403 FORBIDDEN, nothing written); a write token can", async () => {
  const viewer = await post(VIEWER, bearer(readToken));
  assert.equal(viewer.status, 200);
  assert.deepEqual(viewer.body.data, { viewer: { name: "reader", scope: "READ", authRequired: true } });

  const refused = await post(CREATE_EXPERIMENT, bearer(readToken), { name: "by-reader" });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.data, undefined);
  assert.equal(refused.body.errors?.[0]?.extensions?.code, "FORBIDDEN");
  assert.match(refused.body.errors![0]!.message, /token "reader" has read scope; changing data needs a write token/);

  const created = await post(CREATE_EXPERIMENT, bearer(writeToken), { name: "by-writer" });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  assert.equal((created.body.data as { createExperiment: { name: string } }).createExperiment.name, "by-writer");
  const list = await post("{ experiments { name } }", bearer(readToken));
  assert.deepEqual(list.body.data, { experiments: [{ name: "by-writer" }] }, "only the write token's experiment exists");
  assert.deepEqual((await post(VIEWER, bearer(writeToken))).body.data, { viewer: { name: "writer", scope: "WRITE", authRequired: true } });
});

test("the dashboard's cookie works on HTTP from the same host name, with credentialed CORS; from another site it does not", async () => {
  const ok = await post(VIEWER, cookie(readToken));
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.body.data, { viewer: { name: "reader", scope: "READ", authRequired: true } });
  assert.equal(ok.headers.get("access-control-allow-origin"), ORIGIN);
  assert.equal(ok.headers.get("access-control-allow-credentials"), "true");

  const preflight = await fetch(platform.apiUrl, {
    method: "OPTIONS",
    headers: { origin: ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
  });
  assert.equal(preflight.status, 204, "a preflight needs no token");
  assert.equal(preflight.headers.get("access-control-allow-origin"), ORIGIN);

  const crossSite = await post(VIEWER, cookie(writeToken, "http://evil.example"));
  assert.equal(crossSite.status, 401);
  assert.match(crossSite.body.errors![0]!.message, /sparring_token cookie is not accepted from origin http:\/\/evil\.example/);
  const readCookieWrite = await post(CREATE_EXPERIMENT, cookie(readToken), { name: "by-cookie" });
  assert.equal(readCookieWrite.status, 403, "a cookie's token keeps its scope");
});

test("images need a read token, by bearer or cookie", async () => {
  const { data } = await request(
    platform.apiUrl,
    ops.StartRun,
    { input: { experimentName: "img", method: "STANDARD" } },
    bearer(writeToken),
  );
  const png = testPng(4, 4).toString("base64");
  const logged = await request(
    platform.apiUrl,
    ops.LogImage,
    { runId: data!.startRun.id, step: 1, kind: "k", pngBase64: png },
    bearer(writeToken),
  );
  const url = new URL(logged.data!.logImage.url, platform.apiUrl);
  const anonymous = await fetch(url);
  assert.equal(anonymous.status, 401);
  assert.equal(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code, "UNAUTHENTICATED");
  for (const headers of [bearer(readToken), { cookie: `sparring_token=${readToken}` }]) {
    const image = await fetch(url, { headers });
    assert.equal(image.status, 200);
    assert.equal(image.headers.get("content-type"), "image/png");
    assert.match(image.headers.get("cache-control") ?? "", /^private/, "shared caches must not keep a protected image");
  }
});

test("WebSocket: no token or a bad one closes the socket with 4401; a cross-site cookie is refused", async () => {
  const none = wsConnect(undefined);
  assert.deepEqual(await none.closed, { code: 4401, reason: "missing token: send Authorization: Bearer <token>" });
  const wrong = wsConnect({ authorization: "Bearer spt_" + "B".repeat(43) });
  assert.deepEqual(await wrong.closed, { code: 4401, reason: "invalid or revoked token" });
  const crossSite = wsConnect({}, { cookie: `sparring_token=${writeToken}`, origin: "http://evil.example" });
  const { code, reason } = await crossSite.closed;
  assert.equal(code, 4401);
  assert.match(reason, /cookie is not accepted from origin/);
  assert.equal(await none.acked, false);
});

test("WebSocket: a token in connection_init, or the same-site cookie, receives live events; a read token cannot mutate over it", async () => {
  const { data } = await request(
    platform.apiUrl,
    ops.LaunchRun,
    { input: { experimentName: "ws", method: "STANDARD" } },
    bearer(writeToken),
  );
  const runId = data!.launchRun.id;
  const subscribe = (client: ReturnType<typeof wsConnect>, id: string) =>
    client.socket.send(
      JSON.stringify({
        id,
        type: "subscribe",
        payload: { query: "subscription($id: ID!) { runUpdated(runId: $id) { id notes } }", variables: { id: runId } },
      }),
    );
  const byInit = wsConnect({ authorization: `Bearer ${readToken}` });
  const byToken = wsConnect({ token: readToken });
  const byCookie = wsConnect({}, { cookie: `sparring_token=${readToken}`, origin: ORIGIN });
  const clients = [byInit, byToken, byCookie];
  try {
    for (const client of clients) assert.equal(await client.acked, true);
    clients.forEach((client, i) => subscribe(client, `s${i}`));
    await new Promise((r) => setTimeout(r, 300));
    await request(platform.apiUrl, ops.SetRunNotes, { runId, notes: "live" }, bearer(writeToken));
    for (const client of clients) {
      await pollUntil(
        async () => client.messages.filter((m) => m.type === "next").length,
        (n) => n > 0,
        "a runUpdated event",
        10_000,
      );
      const event = client.messages.find((m) => m.type === "next")!.payload as { data: { runUpdated: { notes: string } } };
      assert.equal(event.data.runUpdated.notes, "live");
    }

    byInit.socket.send(
      JSON.stringify({ id: "m1", type: "subscribe", payload: { query: CREATE_EXPERIMENT, variables: { name: "over-ws" } } }),
    );
    const error = await pollUntil(
      async () => byInit.messages.find((m) => m.type === "error" && m.id === "m1"),
      (m) => m !== undefined,
      "the mutation's refusal",
      10_000,
    );
    const [refusal] = error!.payload as { message: string; extensions: { code: string } }[];
    assert.equal(refusal!.extensions.code, "FORBIDDEN");
    const list = await post("{ experiments { name } }", bearer(readToken));
    assert.ok(!(list.body.data as { experiments: { name: string }[] }).experiments.some((e) => e.name === "over-ws"));
  } finally {
    for (const client of clients) client.socket.close();
  }
});

test("the token CLI lists without secrets, revokes (refused at once), and refuses unknown names and bad scopes", async () => {
  const temporary = await createToken("temporary", "write");
  assert.equal((await post(VIEWER, bearer(temporary))).status, 200);

  const duplicate = await tokenCli(["create", "--name", "temporary", "--scope", "read"]);
  assert.equal(duplicate.code, 1);
  assert.match(duplicate.stderr, /a token named "temporary" already exists/);
  const badScope = await tokenCli(["create", "--name", "x", "--scope", "admin"]);
  assert.notEqual(badScope.code, 0);
  assert.match(badScope.stderr, /--scope: expected read or write, got "admin"/);

  const list = await tokenCli(["list"]);
  assert.equal(list.code, 0, list.stderr);
  const lines = list.stdout.trim().split("\n");
  assert.match(lines[0]!, /^NAME\s+SCOPE\s+CREATED\s+LAST USED$/);
  const row = (name: string) => lines.find((l) => l.startsWith(`${name} `))?.split(/\s+/);
  assert.equal(row("writer")?.[1], "write");
  assert.equal(row("reader")?.[1], "read");
  assert.match(row("temporary")?.[3] ?? "", /^\d{4}-\d\d-\d\dT/, "last use is recorded");
  for (const secret of [writeToken, readToken, temporary, createHash("sha256").update(writeToken).digest("hex")]) {
    assert.ok(!list.stdout.includes(secret), "list shows neither tokens nor hashes");
  }

  const revoked = await tokenCli(["revoke", "--name", "temporary"]);
  assert.equal(revoked.code, 0, revoked.stderr);
  const after = await post(VIEWER, bearer(temporary));
  assert.equal(after.status, 401);
  assert.equal(after.body.errors?.[0]?.message, "invalid or revoked token");
  const unknown = await tokenCli(["revoke", "--name", "temporary"]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /no token named "temporary"/);
});

test("the database holds only each token's SHA-256, never the token", async () => {
  const client = new pg.Client({ connectionString: platform.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, unknown>>("SELECT * FROM api_tokens WHERE name = 'writer'");
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.hash, createHash("sha256").update(writeToken).digest("hex"));
    assert.ok(!JSON.stringify(rows).includes(writeToken));
  } finally {
    await client.end();
  }
});

test("with AUTH=off a request without a token may do anything, as before tokens; a token that is sent is still checked", async () => {
  const open = await startApi(platform.databaseUrl, { env: { AUTH: "off" } });
  const send = (query: string, headers: Record<string, string> = {}) =>
    fetch(open.apiUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  try {
    const anonymous = await send(VIEWER);
    assert.deepEqual(await anonymous.json(), { data: { viewer: { name: null, scope: "WRITE", authRequired: false } } });
    const created = await send('mutation { createExperiment(name: "anonymous") { name } }');
    assert.deepEqual(await created.json(), { data: { createExperiment: { name: "anonymous" } } });
    assert.deepEqual(await (await send(VIEWER, bearer(readToken))).json(), {
      data: { viewer: { name: "reader", scope: "READ", authRequired: false } },
    });
    const wrong = await send(VIEWER, bearer("spt_" + "C".repeat(43)));
    assert.equal(wrong.status, 401, "a wrong token is reported, not ignored");
  } finally {
    await open.stop("SIGKILL");
  }
});

test("a verified token is trusted for the cache interval, then checked again; last use is written at most once a minute", async () => {
  const prisma = createPrismaClient(platform.databaseUrl, 2);
  const t0 = Date.parse("2030-01-01T00:00:00Z");
  let now = t0;
  const verifier = new TokenVerifier(prisma, { cacheMs: 5_000, now: () => now });
  const lastUsed = async () => (await prisma.apiToken.findUniqueOrThrow({ where: { name: "cached" } })).lastUsedAt?.getTime();
  try {
    const { token } = await createTokenRow(prisma, { name: "cached", scope: "read" });
    const principal = await verifier.verify(token);
    assert.equal(principal?.name, "cached");
    assert.equal(principal?.scope, "read");
    assert.match(principal!.key, /^token:[0-9a-f-]{36}$/);
    await pollUntil(lastUsed, (t) => t === t0, "last_used_at to be written", 10_000);
    now = t0 + 30_000;
    assert.ok(await verifier.verify(token));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await lastUsed(), t0, "not written again within a minute");
    now = t0 + 61_000;
    assert.ok(await verifier.verify(token));
    await pollUntil(lastUsed, (t) => t === t0 + 61_000, "last_used_at to be written a minute later", 10_000);

    await revokeToken(prisma, "cached");
    now += 1_000;
    assert.ok(await verifier.verify(token), "still trusted within the cache interval");
    now += 5_000;
    assert.equal(await verifier.verify(token), null, "refused once the interval has passed");
    assert.equal(await verifier.verify("spt_not-even-the-right-shape"), null);

    // npm start's local-workers token: replaced at each start, the previous one stops working.
    const first = await createTokenRow(prisma, { name: "replaced", scope: "write", replace: true });
    const second = await createTokenRow(prisma, { name: "replaced", scope: "write", replace: true });
    now += 10_000;
    assert.equal(await verifier.verify(first.token), null);
    assert.equal((await verifier.verify(second.token))?.name, "replaced");
  } finally {
    await prisma.$disconnect();
  }
});

test("a worker with a write token trains a run to SUCCEEDED; without one it exits 1 naming the problem", async () => {
  const { data } = await request(
    platform.apiUrl,
    ops.LaunchRun,
    { input: { experimentName: "auth-e2e", method: "STANDARD", config: TINY_CONFIG } },
    bearer(writeToken),
  );
  // Both at once (the tokenless one cannot claim anything): the machine's time goes to training.
  const refused = startTrainerTool("worker", ["--api", platform.apiUrl, "--poll", "0.3"], { SPARRING_TOKEN: "" });
  const worker = startTrainerTool("worker", ["--api", platform.apiUrl, "--token", writeToken, "--poll", "0.3", "--id", "auth-worker"]);
  try {
    assert.equal(await refused.exited, 1, "a refused token is not retried forever");
    assert.match(
      refused.output(),
      /the API refused the token: missing token: send Authorization: Bearer <token> \(pass --token or set SPARRING_TOKEN\)/,
    );
    assert.doesNotMatch(refused.output(), /\n\s+at /, "no stack trace");

    const run = await pollUntil(
      async () => (await request(platform.apiUrl, ops.RunById, { id: data!.launchRun.id }, bearer(readToken))).data!.run!,
      (r) => r.status !== "QUEUED" && r.status !== "RUNNING",
      "the run to end",
      180_000,
    );
    assert.equal(run.status, "SUCCEEDED", `${run.error}\n${worker.output()}`);
    assert.equal(run.worker, "auth-worker");
    assert.ok(run.metricKeys.includes("clean_accuracy"), "metrics were delivered with the token");
  } finally {
    await refused.stop("SIGKILL");
    assert.equal(await worker.stop("SIGTERM"), 0);
  }
});
