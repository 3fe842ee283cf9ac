/**
 * /compare?runs=ID,ID,…: several runs side by side. The server fetches the runs' headers
 * in one request; charts and tables load in the browser, each on its own.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { compareKeys, parseRunIds } from "../../lib/compare-tables.ts";
import { ASSUMED_CHART_WIDTH, maxPointsFor } from "../../lib/resolution.ts";
import type { CompareRunFieldsFragment } from "../../lib/gql/graphql.ts";
import { load, serverQuery } from "../../lib/server-api.ts";
import { compareRunsRequest } from "../../ui/compare/compare-runs-query.ts";
import { CompareView } from "../../ui/compare/compare-view.tsx";
import { CompareSeriesQuery } from "../../ui/compare/operations.ts";
import type { ServerSeries } from "../../ui/compare/use-compare-series.ts";
import { ErrorState } from "../../ui/shell/error-state.tsx";

export const metadata: Metadata = { title: "Compare" };

/**
 * Starts fetching the charts' series on the server (at the resolution a typical chart
 * width wants), so the data streams to the browser while it loads the page's code.
 */
function prefetch(runs: CompareRunFieldsFragment[]): ServerSeries {
  const runIds = runs.map((r) => r.id);
  const keys = compareKeys(runs).fetched;
  const maxPoints = maxPointsFor(ASSUMED_CHART_WIDTH, runs.length);
  const result = serverQuery(CompareSeriesQuery, { runIds, keys, maxPoints }).then(
    (data) => ({ data }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
  return { runIds, keys, maxPoints, result };
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ids = parseRunIds((await searchParams).runs);
  if (ids.length === 0) {
    return (
      <>
        <h1>Compare runs</h1>
        <div className="state">
          Nothing to compare yet. Select runs in the <Link href="/runs">runs table</Link> and press Compare.
        </div>
      </>
    );
  }
  const { document, variables } = compareRunsRequest(ids);
  const loaded = await load(serverQuery(document, variables));
  if (!loaded.ok) return <ErrorState title="Cannot compare these runs" message={loaded.message} apiDown={loaded.code === undefined} />;
  const runs = ids.map((_, i) => loaded.data[`r${i}`]).filter((r): r is CompareRunFieldsFragment => !!r);
  const missing = ids.filter((_, i) => !loaded.data[`r${i}`]);
  return (
    <>
      <h1>Compare runs</h1>
      {missing.length > 0 ? (
        <div className="state error" role="alert" style={{ marginBottom: 12 }}>
          {missing.length === 1 ? "One run was" : `${missing.length} runs were`} not found:{" "}
          <span className="mono">{missing.join(", ")}</span>
        </div>
      ) : null}
      {runs.length === 0 ? (
        <div className="state">
          None of these runs exists. <Link href="/runs">Choose runs</Link>.
        </div>
      ) : (
        <CompareView runs={runs} server={prefetch(runs)} />
      )}
    </>
  );
}
