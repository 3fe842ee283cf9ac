import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_NEXT, safeNextPath, signInPath } from "./next-path.ts";

test("a local path comes back as it was, query and hash included", () => {
  assert.equal(safeNextPath("/runs"), "/runs");
  assert.equal(safeNextPath("/runs?q=gan&status=FAILED"), "/runs?q=gan&status=FAILED");
  assert.equal(safeNextPath("/compare?runs=a,b#table"), "/compare?runs=a,b#table");
  assert.equal(safeNextPath(["/launch", "/runs"]), "/launch");
});

test("anything that could leave the dashboard falls back to the runs table", () => {
  for (const raw of [
    undefined,
    null,
    "",
    "runs",
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "/\tevil",
    "javascript:alert(1)",
    "/%0a//evil",
  ]) {
    const next = safeNextPath(raw);
    assert.ok(next === DEFAULT_NEXT || next.startsWith("/%"), `${String(raw)} → ${next}`);
    assert.equal(new URL(next, "http://dash.test").origin, "http://dash.test");
  }
  assert.equal(safeNextPath("https://evil.example/"), DEFAULT_NEXT);
  assert.equal(safeNextPath("//evil.example/x"), DEFAULT_NEXT);
  assert.equal(safeNextPath("/\\evil.example"), DEFAULT_NEXT);
});

test("the sign-in page never sends back to itself", () => {
  assert.equal(safeNextPath("/sign-in?next=/sign-in"), DEFAULT_NEXT);
});

test("the sign-in URL carries the path to come back to, encoded", () => {
  assert.equal(signInPath("/runs?q=a b&x=1"), "/sign-in?next=%2Fruns%3Fq%3Da%2520b%26x%3D1");
  assert.equal(signInPath("//evil.example"), "/sign-in?next=%2Fruns");
});
