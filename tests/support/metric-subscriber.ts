/**
 * A live subscriber to metricsAppended, connected the way the dashboard connects
 * (graphql-ws, lazy, retrying for ever: see web/ui/shell/api-provider.tsx), that counts
 * every (run, key, step) it receives so that tests can say "each exactly once".
 * Counts live in typed arrays: a load test has millions of deliveries.
 */
import { print } from "graphql";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import * as ops from "./documents.ts";

export interface MetricSubscriber {
  client: Client;
  /** How often (run, key, step) was delivered. */
  times(runId: string, key: string, step: number): number;
  /** Steps from..to (inclusive) of (run, key) not delivered exactly once. */
  notOnce(runId: string, key: string, from: number, to: number): number;
  /** Deliveries in all. */
  received(): number;
  /** (run, key, step) delivered more than once. */
  repeats(): number;
  /** Values that differ from `expectValue`'s. */
  wrongValues(): number;
  /** Socket (re)connections so far, and errors the subscriptions reported. */
  connections(): number;
  errors: unknown[];
  /** Resolves once the socket is acknowledged and the subscribe messages have had time to arrive. */
  started: Promise<void>;
  close(): Promise<void>;
}

export function subscribeMetrics(
  wsUrl: string,
  runIds: readonly string[],
  expectValue?: (key: string, step: number) => number,
): MetricSubscriber {
  let connections = 0;
  let markConnected!: () => void;
  const connected = new Promise<void>((resolve) => (markConnected = resolve));
  // The dashboard's settings: reconnect for ever, open on first use.
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: Infinity,
    lazy: true,
    on: {
      connected: () => {
        connections++;
        markConnected();
      },
    },
  });
  const counts = new Map<string, Uint8Array>();
  let received = 0;
  let repeats = 0;
  let wrong = 0;
  const errors: unknown[] = [];
  const count = (runId: string, key: string, step: number) => {
    const id = `${runId}\u0000${key}`;
    let array = counts.get(id);
    if (!array || array.length <= step) {
      const grown = new Uint8Array(Math.max(1024, 2 ** Math.ceil(Math.log2(step + 1))));
      if (array) grown.set(array);
      counts.set(id, (array = grown));
    }
    if (array[step]! > 0) repeats++;
    array[step] = Math.min(255, array[step]! + 1);
    received++;
  };
  const query = print(ops.MetricsAppended);
  const unsubscribers = runIds.map((runId) =>
    client.subscribe<{ metricsAppended: { runId: string; points: { key: string; step: number; value: number }[] } }>(
      { query, variables: { runId } },
      {
        next: ({ data, errors: failed }) => {
          if (failed) errors.push(failed);
          for (const point of data?.metricsAppended.points ?? []) {
            count(runId, point.key, point.step);
            if (expectValue && expectValue(point.key, point.step) !== point.value) wrong++;
          }
        },
        error: (error) => errors.push(error),
        complete: () => {},
      },
    ),
  );
  return {
    client,
    times: (runId, key, step) => counts.get(`${runId}\u0000${key}`)?.[step] ?? 0,
    notOnce: (runId, key, from, to) => {
      const array = counts.get(`${runId}\u0000${key}`);
      let wrong = 0;
      for (let step = from; step <= to; step++) if ((array?.[step] ?? 0) !== 1) wrong++;
      return wrong;
    },
    received: () => received,
    repeats: () => repeats,
    wrongValues: () => wrong,
    connections: () => connections,
    errors,
    // graphql-ws acknowledges the socket, not each subscription: give them a moment.
    started: connected.then(() => new Promise<void>((r) => setTimeout(r, 500))),
    close: async () => {
      for (const stop of unsubscribers) stop();
      await client.dispose();
    },
  };
}
