/**
 * The comparison's chart series, fetched by the server so they stream to the browser with
 * the page instead of after its code has loaded. The usual keys are asked for at once, in
 * parallel with the runs' headers; keys only the headers reveal (e.g. train/...) follow.
 */
import { CompareSeriesQuery } from "../ui/compare/operations.ts";
import type { ServerSeries } from "../ui/compare/use-compare-series.ts";
import { compareKeys } from "./compare-tables.ts";
import { CYCLE_KEYS, ROBUSTNESS_KEYS } from "./domain.ts";
import type { CompareSeriesQuery as Series } from "./gql/graphql.ts";
import { ASSUMED_CHART_WIDTH, maxPointsFor } from "./resolution.ts";
import { serverQuery } from "./server-api.ts";

const USUAL_KEYS: string[] = [...CYCLE_KEYS, ...ROBUSTNESS_KEYS.map((r) => r.key)];

/** Starts the usual keys' request for `ids`; `complete` adds what the runs' own key lists need. */
export function prefetchSeries(ids: readonly string[]): {
  complete(runs: readonly { id: string; metricKeys: readonly string[] }[]): ServerSeries;
} {
  const maxPoints = maxPointsFor(ASSUMED_CHART_WIDTH, ids.length);
  const usual = serverQuery(CompareSeriesQuery, { runIds: [...ids], keys: USUAL_KEYS, maxPoints });
  usual.catch(() => {}); // observed below; this only keeps an early failure from going unhandled
  return {
    complete(runs) {
      const runIds = runs.map((r) => r.id);
      const keys = compareKeys(runs).fetched;
      const extra = keys.filter((k) => !USUAL_KEYS.includes(k));
      const more: Promise<Series> =
        extra.length > 0 ? serverQuery(CompareSeriesQuery, { runIds, keys: extra, maxPoints }) : Promise.resolve({ metricSeries: [] });
      const result = Promise.all([usual, more]).then(
        ([a, b]) => ({ data: { metricSeries: [...a.metricSeries.filter((s) => keys.includes(s.key)), ...b.metricSeries] } }),
        (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
      );
      return { runIds, keys, maxPoints, result };
    },
  };
}
