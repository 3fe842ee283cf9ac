/**
 * /compare?runs=ID,ID,…: several runs side by side. The server fetches the runs' headers
 * in one request and starts the charts' series at the same time (streamed to the page).
 */
import type { Metadata } from "next";
import Link from "next/link";
import { prefetchSeries } from "../../lib/compare-prefetch.ts";
import { parseRunIds } from "../../lib/compare-tables.ts";
import type { CompareRunFieldsFragment } from "../../lib/gql/graphql.ts";
import { load, serverQuery } from "../../lib/server-api.ts";
import { compareRunsRequest } from "../../ui/compare/compare-runs-query.ts";
import { CompareView } from "../../ui/compare/compare-view.tsx";
import { ErrorState } from "../../ui/shell/error-state.tsx";

export const metadata: Metadata = { title: "Compare" };

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
  const series = prefetchSeries(ids);
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
        <CompareView runs={runs} server={series.complete(runs)} />
      )}
    </>
  );
}
