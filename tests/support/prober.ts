/**
 * Asks the API a cheap question over and over and times every answer, so that a fault
 * test can show what clients saw while something behind the API was down: quick errors
 * (good) or requests hanging until the client gives up (bad).
 */
import type { Attempt } from "./metric-writer.ts";

export interface Prober {
  attempts: Attempt[];
  stop(): Promise<void>;
}

/** Sends `{ experiments { id } }` every `everyMs`, one at a time, each with a `timeoutMs` limit. */
export function startProber(apiUrl: string, everyMs = 200, timeoutMs = 30_000): Prober {
  const attempts: Attempt[] = [];
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      const at = Date.now();
      let outcome = "transport";
      try {
        const response = await fetch(apiUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ experiments { id } }" }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
        outcome = body.errors?.length ? (body.errors[0]!.extensions?.code ?? "error") : "ok";
      } catch {
        outcome = "transport";
      }
      attempts.push({ at, ms: Date.now() - at, outcome });
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    attempts,
    stop: async () => {
      stopping = true;
      await loop;
    },
  };
}
