import assert from "node:assert/strict";
import { test } from "node:test";
import { toTableRow } from "./run-row.ts";

test("a table row drops the config and keeps its schedule as a label", () => {
  const row = toTableRow({
    id: "1",
    name: "gan",
    status: "RUNNING",
    method: "GAN",
    config: { schedule: { type: "constant", ratio: 4 }, cycles: 20 },
    tags: [],
    createdAt: "2026-01-01T00:00:00Z",
    startedAt: null,
    finishedAt: null,
    summary: {},
    experiment: { id: "e", name: "x" },
  });
  assert.equal(row.schedule, "4:1");
  assert.equal("config" in row, false);
});
