/**
 * Subscriptions for graphql-ws (its `subscribe` option), executing each event once per
 * operation for the whole process. graphql-js executes every event for every subscription
 * on its own: 20 dashboards following a run re-ran the same execution of a 1,000-point
 * batch 20 times, and that execution (not the database, not the socket) was where a busy
 * API spent its time. Here subscriptions that sent the same operation (text, operation
 * name, variables) share the result of executing the same event.
 *
 * Sharing is sound because no field's value depends on who asks: the context carries
 * per-request loaders that batch but never cache, and the caller's principal, which
 * decides whether an operation may run at all, not what it returns. A field that one day
 * answers differently per caller must make its callers' keys differ (see operationKey).
 */
import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from "graphql";

/** Results by event (the object the subscription's iterator yielded), then by operation. */
const executions = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

/** What makes two subscriptions' executions of one event identical. Pure. */
export function operationKey(args: Pick<ExecutionArgs, "document" | "operationName" | "variableValues">): string | undefined {
  const text = args.document.loc?.source.body;
  if (text === undefined) return undefined;
  return JSON.stringify([text, args.operationName ?? null, args.variableValues ?? null]);
}

/** Executes `payload` for the operation `key` once; every later caller gets the same result. */
function executeOnce(payload: unknown, key: string | undefined, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
  if (key === undefined || typeof payload !== "object" || payload === null) return run();
  let byOperation = executions.get(payload);
  if (!byOperation) executions.set(payload, (byOperation = new Map()));
  let result = byOperation.get(key);
  if (!result) byOperation.set(key, (result = run()));
  return result;
}

/**
 * graphql-js's `subscribe` with shared executions. Returns the errors when the operation
 * cannot start (bad arguments, unknown run), else the stream of results. Closing the
 * stream closes the source at once, even while it waits for its next event.
 */
export async function subscribeShared(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const source = stream[Symbol.asyncIterator]();
  const key = operationKey(args);
  const close = async (): Promise<IteratorReturnResult<undefined>> => {
    await source.return?.();
    return { value: undefined, done: true };
  };
  const results: AsyncGenerator<ExecutionResult> = {
    async next() {
      const event = await source.next();
      if (event.done) return { value: undefined, done: true };
      const payload: unknown = event.value;
      return { value: await executeOnce(payload, key, () => Promise.resolve(execute({ ...args, rootValue: payload }))), done: false };
    },
    return: close,
    async throw(error) {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return results;
}
