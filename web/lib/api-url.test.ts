import assert from "node:assert/strict";
import { test } from "node:test";
import { apiAssetUrl, wsUrlFor } from "./api-url.ts";

test("the ws endpoint keeps host, port and path, switching the scheme", () => {
  assert.equal(wsUrlFor("http://127.0.0.1:4100/graphql"), "ws://127.0.0.1:4100/graphql");
  assert.equal(wsUrlFor("https://example.org/graphql"), "wss://example.org/graphql");
});

test("image paths resolve against the API origin, data URLs stay as they are", () => {
  assert.equal(apiAssetUrl("http://127.0.0.1:4100/graphql", "/images/a.png"), "http://127.0.0.1:4100/images/a.png");
  assert.equal(apiAssetUrl("http://h:1/graphql", "data:image/png;base64,AA=="), "data:image/png;base64,AA==");
});
