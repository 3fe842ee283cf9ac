import assert from "node:assert/strict";
import { test } from "node:test";
import { buildSchema, parse, type ExecutionResult } from "graphql";
import { operationKey, subscribeShared } from "./shared-execution.ts";

/** graphql-js builds results from null-prototype objects. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

/** A schema whose subscription yields the events pushed to it, and counts how often a field is executed. */
function fixture() {
  const schema = buildSchema(
    `type Query { ok: Boolean } type Event { n: Int! label: String! } type Subscription { events(tag: String): Event! }`,
  );
  let executions = 0;
  const sinks = new Set<(event: object) => void>();
  const closed: string[] = [];
  const rootValue = {
    events: ({ tag }: { tag?: string }) => {
      const queue: object[] = [];
      let wake: (() => void) | undefined;
      const sink = (event: object) => (queue.push(event), wake?.());
      sinks.add(sink);
      const iterator: AsyncIterableIterator<object> = {
        async next() {
          while (queue.length === 0) {
            if (!sinks.has(sink)) return { value: undefined, done: true };
            await new Promise<void>((resolve) => (wake = resolve));
          }
          return { value: queue.shift()!, done: false };
        },
        async return() {
          sinks.delete(sink);
          closed.push(tag ?? "");
          wake?.();
          return { value: undefined, done: true };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
      return iterator;
    },
  };
  const Event = schema.getType("Event") as unknown as { getFields(): Record<string, { resolve?: (e: { n: number }) => string }> };
  Event.getFields().label!.resolve = (event) => (executions++, `#${event.n}`);
  const subscribe = async (tag: string) => {
    const result = await subscribeShared({
      schema,
      rootValue,
      document: parse(`subscription($t: String) { events(tag: $t) { n label } }`),
      variableValues: { t: tag },
    });
    return result as AsyncGenerator<ExecutionResult>;
  };
  // The same payload object for every subscription, as the event bus hands out.
  const push = (event: object) => {
    const payload = { events: event };
    for (const sink of sinks) sink(payload);
  };
  return { subscribe, push, executions: () => executions, closed };
}

test("subscriptions with the same operation share one execution per event; other variables execute apart", async () => {
  const f = fixture();
  const [a, b, c] = await Promise.all([f.subscribe("x"), f.subscribe("x"), f.subscribe("y")]);
  const event = { n: 1 };
  f.push(event);
  const results = await Promise.all([a!.next(), b!.next(), c!.next()]);
  for (const result of results) assert.deepEqual(plain(result.value), { data: { events: { n: 1, label: "#1" } } });
  assert.equal(results[0].value, results[1].value, "the same result object for the same operation");
  assert.equal(f.executions(), 2, "one execution for x, one for y");
  f.push({ n: 2 });
  assert.deepEqual(plain((await a!.next()).value), { data: { events: { n: 2, label: "#2" } } });
  await Promise.all([a!.return(undefined), b!.return(undefined), c!.return(undefined)]);
});

test("closing a subscription that waits for its next event closes its source at once", async () => {
  const f = fixture();
  const a = await f.subscribe("x");
  const pending = a.next();
  await a.return(undefined);
  assert.deepEqual(f.closed, ["x"]);
  assert.deepEqual(await pending, { value: undefined, done: true });
});

test("the operation key is the text, operation name and variables", () => {
  const document = parse("subscription { events { n } }");
  assert.equal(operationKey({ document }), operationKey({ document: parse("subscription { events { n } }") }));
  assert.notEqual(operationKey({ document, variableValues: { t: 1 } }), operationKey({ document, variableValues: { t: 2 } }));
  assert.notEqual(operationKey({ document, operationName: "A" }), operationKey({ document }));
});
