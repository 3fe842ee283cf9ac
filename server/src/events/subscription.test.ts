import assert from "node:assert/strict";
import { test } from "node:test";
import type { EventBus } from "./bus.ts";
import type { LiveEvent } from "./events.ts";
import { subscribe } from "./subscription.ts";

/** The one thing subscribe() needs of a bus: listeners. */
function fakeBus() {
  const listeners = new Set<(event: LiveEvent) => void>();
  const bus = { on: (listener: (event: LiveEvent) => void) => (listeners.add(listener), () => listeners.delete(listener)) };
  return { bus: bus as unknown as EventBus, emit: (event: LiveEvent) => listeners.forEach((l) => l(event)), listeners };
}

test("a resolve that fails for a while (database restarting) is retried: the event arrives once, still in order", async () => {
  const { bus, emit } = fakeBus();
  let failures = 2;
  const iterator = subscribe(
    bus,
    () => true,
    async (event) => {
      if (event.runId === "first" && failures-- > 0) throw new Error("database unavailable");
      return event.runId;
    },
  );
  emit({ type: "run", runId: "first" });
  emit({ type: "run", runId: "second" });
  assert.deepEqual(await iterator.next(), { value: "first", done: false });
  assert.deepEqual(await iterator.next(), { value: "second", done: false });
  await iterator.return!();
});

test("returning the iterator unsubscribes and ends a pending next()", async () => {
  const { bus, listeners } = fakeBus();
  const iterator = subscribe(
    bus,
    () => true,
    async (event) => event.runId,
  );
  const pending = iterator.next();
  await iterator.return!();
  assert.equal(listeners.size, 0);
  assert.deepEqual(await pending, { value: undefined, done: true });
});
