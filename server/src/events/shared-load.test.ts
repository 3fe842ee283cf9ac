import assert from "node:assert/strict";
import { test } from "node:test";
import type { LiveEvent } from "./events.ts";
import { sharedLoads } from "./shared-load.ts";

test("subscriptions share one load per event; another event loads again", async () => {
  const load = sharedLoads<number>();
  const event: LiveEvent = { type: "run", runId: "a" };
  let reads = 0;
  const read = async () => ++reads;
  assert.deepEqual(await Promise.all([load(event, read), load(event, read), load(event, read)]), [1, 1, 1]);
  assert.equal(await load({ type: "run", runId: "a" }, read), 2, "an equal but distinct event is another event");
});

test("a failed load is forgotten, so that the next caller reads again", async () => {
  const load = sharedLoads<string>();
  const event: LiveEvent = { type: "run", runId: "a" };
  await assert.rejects(
    load(event, async () => {
      throw new Error("database unavailable");
    }),
    /database unavailable/,
  );
  assert.equal(await load(event, async () => "read again"), "read again");
});
