import assert from "node:assert/strict";
import { test } from "node:test";
import { apiAssetUrl, browserApiUrlFor, wsUrlFor } from "./api-url.ts";

test("the ws endpoint keeps host, port and path, switching the scheme", () => {
  assert.equal(wsUrlFor("http://127.0.0.1:4100/graphql"), "ws://127.0.0.1:4100/graphql");
  assert.equal(wsUrlFor("https://example.org/graphql"), "wss://example.org/graphql");
});

test("image paths resolve against the API origin, data URLs stay as they are", () => {
  assert.equal(apiAssetUrl("http://127.0.0.1:4100/graphql", "/images/a.png"), "http://127.0.0.1:4100/images/a.png");
  assert.equal(apiAssetUrl("http://h:1/graphql", "data:image/png;base64,AA=="), "data:image/png;base64,AA==");
});

test("an API beside the dashboard is reached on the host name the browser used for the dashboard", () => {
  const local = "http://127.0.0.1:4000/graphql";
  assert.equal(browserApiUrlFor(local, "127.0.0.1:3000"), local);
  assert.equal(browserApiUrlFor(local, "localhost:3000"), "http://localhost:4000/graphql");
  assert.equal(browserApiUrlFor(local, "lab-box.example:3000"), "http://lab-box.example:4000/graphql");
  assert.equal(browserApiUrlFor("http://0.0.0.0:4000/graphql", "10.0.0.5:3000"), "http://10.0.0.5:4000/graphql");
  assert.equal(browserApiUrlFor(local, "[::1]:3000"), "http://[::1]:4000/graphql");
});

test("an API on another machine, or an unknown dashboard host, keeps the configured URL", () => {
  assert.equal(browserApiUrlFor("https://api.example/graphql", "dash.example"), "https://api.example/graphql");
  assert.equal(browserApiUrlFor("http://127.0.0.1:4000/graphql", undefined), "http://127.0.0.1:4000/graphql");
  assert.equal(browserApiUrlFor("http://127.0.0.1:4000/graphql", "bad host"), "http://127.0.0.1:4000/graphql");
});
