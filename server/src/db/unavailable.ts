/**
 * Whether an error means "the database is away" (down, restarting, unreachable, out of
 * connections) rather than a bug. The API answers the former with SERVICE_UNAVAILABLE,
 * which clients retry, and the latter with INTERNAL_SERVER_ERROR. The signal is spread over
 * several layers (node's socket errors, pg's SQLSTATE, the Prisma adapter's error kinds,
 * Prisma's own codes), so every error in the cause chain is looked at.
 */

/** Prisma: cannot reach, timed out, server closed the connection, pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The Prisma pg adapter's kinds for a connection that failed or went away. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Node's socket errors. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTCONN"]);
/**
 * SQLSTATE: class 08 (connection exception), 57P01–57P03 (shutting down, crash shutdown,
 * starting up / not yet accepting connections), 53300 (too many connections).
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
/**
 * What pg and the pool say when a connection dies or cannot be had, without a code, and the
 * event bus's refusal of writes while its listener reconnects (events/bus.ts LISTENER_DOWN).
 */
const MESSAGES =
  /connection terminated|connection ended|timeout exceeded when trying to connect|can't reach database server|event listener is reconnecting/i;

type Layer = { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown };

/** The error and everything it wraps: cause, originalError, Prisma's meta.driverAdapterError, AggregateError's errors. */
function layers(error: unknown): Layer[] {
  const found: Layer[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 20) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null) continue;
    const layer = next as Layer & { cause?: unknown; originalError?: unknown; meta?: { driverAdapterError?: unknown }; errors?: unknown };
    found.push(layer);
    queue.push(layer.cause, layer.originalError, layer.meta?.driverAdapterError);
    if (Array.isArray(layer.errors)) queue.push(...layer.errors);
  }
  return found;
}

/** True when `error` says the database is unavailable for now (worth retrying), not that the request or the code is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return layers(error).some((layer) => {
    const codes = [layer.code, layer.originalCode].filter((c): c is string => typeof c === "string");
    return (
      codes.some((code) => PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code)) ||
      (typeof layer.kind === "string" && ADAPTER_KINDS.has(layer.kind)) ||
      (typeof layer.message === "string" && MESSAGES.test(layer.message))
    );
  });
}
