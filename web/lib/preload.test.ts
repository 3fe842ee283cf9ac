import assert from "node:assert/strict";
import { test } from "node:test";
import vm from "node:vm";
import { preloadScript, takePreloaded } from "./preload.ts";

test("the script posts the query once and leaves the JSON answer under its key", async () => {
  const calls: { url: string; init: { method: string; credentials: string; headers: Record<string, string>; body: string } }[] = [];
  const window: Record<string, unknown> = {};
  const fetch = (url: string, init: (typeof calls)[number]["init"]) => {
    calls.push({ url, init });
    return Promise.resolve({ json: () => Promise.resolve({ data: { ok: true } }) });
  };
  const request = { key: "k1", url: "http://api/graphql", query: "query Q($a: Int) { x }", variables: { a: 1, text: "</script><b>" } };
  vm.runInNewContext(preloadScript(request), { window, fetch });
  assert.equal(calls.length, 1);
  assert.equal(calls[0]!.init.method, "POST");
  assert.equal(calls[0]!.init.credentials, "include", "the token cookie must reach the API under AUTH=required");
  assert.deepEqual(JSON.parse(calls[0]!.init.body), { query: request.query, variables: request.variables });
  const answer = await (window.__sparringPreload as Record<string, Promise<unknown>>).k1;
  assert.deepEqual(answer, { data: { ok: true } });
});

test("the script never closes its own <script> tag", () => {
  const source = preloadScript({ key: "k", url: "u", query: "q", variables: { evil: "</script>" } });
  assert.equal(source.includes("</"), false);
});

test("outside a browser there is nothing to take", () => {
  assert.equal(takePreloaded("k"), undefined);
});
