/**
 * Live events across API processes, through PostgreSQL LISTEN/NOTIFY. Services publish
 * inside their transaction (`pg_notify` is delivered at commit, in commit order, and not
 * at all on rollback); every API process LISTENs on one connection and fans events out
 * to its own subscribers. NOTIFY payloads are limited to 8,000 bytes: larger events are
 * stored in event_payloads and only their id is sent.
 */
import pg from "pg";
import type { Prisma, PrismaClient } from "../db/client.ts";
import type { LiveEvent } from "./events.ts";

export const CHANNEL = "sparring_events";
/** Safely below PostgreSQL's 8,000-byte NOTIFY limit. */
const INLINE_LIMIT = 7000;

type Tx = Prisma.TransactionClient | PrismaClient;

/**
 * Buses of this process whose LISTEN connection is down. A NOTIFY committed meanwhile would
 * never reach their subscribers, so writes that publish are refused (and rolled back) until
 * the listener is back: clients retry them, and no live subscriber of this process misses
 * an event that a write through this process committed.
 */
const deafBuses = new Set<EventBus>();

/** The refusal of a write while the listener reconnects; the API answers it SERVICE_UNAVAILABLE (db/unavailable.ts). */
export const LISTENER_DOWN = "the event listener is reconnecting to the database";

/** Sends events as part of `tx`: subscribers everywhere see them once `tx` commits. */
export async function publish(tx: Tx, ...events: LiveEvent[]): Promise<void> {
  if (deafBuses.size > 0) throw new Error(LISTENER_DOWN);
  const payloads: string[] = [];
  for (const event of events) {
    const text = JSON.stringify(event);
    if (Buffer.byteLength(text) <= INLINE_LIMIT) {
      payloads.push(text);
      continue;
    }
    const rows = await tx.$queryRaw<{ id: bigint }[]>`
      INSERT INTO event_payloads (payload) VALUES (${text}::jsonb) RETURNING id`;
    payloads.push(JSON.stringify({ ref: String(rows[0]!.id) }));
  }
  // One statement for all: notifications keep their order within a transaction.
  await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, payload) FROM unnest(${payloads}::text[]) WITH ORDINALITY AS p(payload, n) ORDER BY n`;
}

type Listener = (event: LiveEvent) => void;

/**
 * One process's LISTEN connection. It reconnects by itself when PostgreSQL restarts;
 * `onReconnect` listeners learn that events may have been missed meanwhile.
 */
export class EventBus {
  private client: pg.Client | undefined;
  private readonly listeners = new Set<Listener>();
  private readonly reconnectListeners = new Set<() => void>();
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly prisma: PrismaClient,
    private readonly log: (message: string) => void = () => {},
  ) {}

  async start(): Promise<void> {
    await this.connect();
    // Large payloads are only needed while their notification is in flight.
    this.pruneTimer = setInterval(() => {
      this.prisma.$executeRaw`DELETE FROM event_payloads WHERE created_at < now() - interval '10 minutes'`.catch(() => {});
    }, 60_000);
    this.pruneTimer.unref();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on("notification", (message) => {
      if (message.channel === CHANNEL && message.payload) void this.deliver(message.payload);
    });
    client.on("error", (error) => this.connectionLost(client, error.message));
    client.on("end", () => this.connectionLost(client, "connection ended"));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      client.on("error", () => {});
      await client.end().catch(() => {});
      throw error;
    }
    this.client = client;
    deafBuses.delete(this);
  }

  private connectionLost(client: pg.Client, reason: string): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    deafBuses.add(this);
    this.log(`event listener lost its connection (${reason}); reconnecting`);
    client.removeAllListeners("end");
    client.end().catch(() => {});
    void this.reconnect();
  }

  /**
   * Retries until connected, at least once a second: writes through this process wait for
   * it (see deafBuses); events committed meanwhile through other processes are missed.
   */
  private async reconnect(): Promise<void> {
    for (let delay = 250; !this.closed; delay = Math.min(delay * 2, 1000)) {
      await new Promise((resolve) => {
        this.retryTimer = setTimeout(resolve, delay);
      });
      if (this.closed) return;
      try {
        await this.connect();
      } catch {
        continue;
      }
      this.log("event listener reconnected");
      for (const listener of this.reconnectListeners) listener();
      return;
    }
  }

  private async deliver(payload: string): Promise<void> {
    let event: LiveEvent;
    try {
      const parsed = JSON.parse(payload) as LiveEvent | { ref: string };
      if ("ref" in parsed) {
        const rows = await this.prisma.$queryRaw<{ payload: LiveEvent }[]>`
          SELECT payload FROM event_payloads WHERE id = ${BigInt(parsed.ref)}`;
        if (!rows[0]) return;
        event = rows[0].payload;
      } else {
        event = parsed;
      }
    } catch (error) {
      this.log(`dropped an unreadable event: ${(error as Error).message}`);
      return;
    }
    for (const listener of this.listeners) listener(event);
  }

  /** Calls `listener` for every event from any process until the returned function is called. */
  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    deafBuses.delete(this);
    clearTimeout(this.retryTimer);
    clearInterval(this.pruneTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
