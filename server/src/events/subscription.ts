/**
 * Turns bus events into a GraphQL subscription's async iterator: events pass a filter,
 * are resolved (possibly with a database read) strictly in arrival order, and are
 * buffered until the client reads them. Returning the iterator unsubscribes.
 */
import type { EventBus } from "./bus.ts";
import type { LiveEvent } from "./events.ts";

/**
 * Waits before the retries of a failed resolve (the database busy or restarting): about
 * 6 s in all, then the event is skipped for this subscriber. Later events wait meanwhile,
 * so that order is kept.
 */
export const RESOLVE_RETRY_DELAYS_MS = [100, 200, 400, 800, 1600, 3200];

export function subscribe<T>(
  bus: EventBus,
  accept: (event: LiveEvent) => boolean,
  resolve: (event: LiveEvent) => Promise<T | undefined>,
): AsyncIterableIterator<T> {
  const ready: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let chain: Promise<void> = Promise.resolve();
  let done = false;

  const push = (value: T) => {
    if (done) return;
    if (waiting) {
      const wake = waiting;
      waiting = undefined;
      wake({ value, done: false });
    } else ready.push(value);
  };

  const off = bus.on((event) => {
    if (done || !accept(event)) return;
    chain = chain.then(async () => {
      for (let attempt = 0; !done; attempt++) {
        try {
          const value = await resolve(event);
          if (value !== undefined) push(value);
          return;
        } catch {
          const delay = RESOLVE_RETRY_DELAYS_MS[attempt];
          if (delay === undefined) return;
          await new Promise((r) => setTimeout(r, delay));
        }
      }
    });
  });

  const finish = async (): Promise<IteratorResult<T>> => {
    done = true;
    off();
    ready.length = 0;
    waiting?.({ value: undefined, done: true });
    waiting = undefined;
    return { value: undefined, done: true };
  };

  return {
    next: () => {
      if (ready.length > 0) return Promise.resolve({ value: ready.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: finish,
    throw: async (error) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
