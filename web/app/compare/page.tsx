/**
 * /compare?runs=ID,ID,…: several runs side by side. The page's HTML first starts the
 * charts' series request for the usual keys (lib/preload.ts) — before the runs' headers
 * are even fetched — then streams the headers; the browser loads the code meanwhile.
 */
import { print } from "graphql";
import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { Suspense } from "react";
import { parseRunIds } from "../../lib/compare-tables.ts";
import type { CompareRunFieldsFragment } from "../../lib/gql/graphql.ts";
import { ASSUMED_CHART_WIDTH, maxPointsFor } from "../../lib/resolution.ts";
import { browserApiUrl, load, serverQuery } from "../../lib/server-api.ts";
import { USUAL_KEYS } from "../../lib/usual-keys.ts";
import { compareRunsRequest } from "../../ui/compare/compare-runs-query.ts";
import { CompareView } from "../../ui/compare/compare-view.tsx";
import { CompareSeriesQuery } from "../../ui/compare/operations.ts";
import type { PreloadedSeries } from "../../ui/compare/use-compare-series.ts";
import { ErrorState } from "../../ui/shell/error-state.tsx";
import { PreloadScript } from "../../ui/shell/preload-script.tsx";

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
  const preload: PreloadedSeries = {
    key: randomUUID(),
    runIds: ids,
    keys: [...USUAL_KEYS],
    maxPoints: maxPointsFor(ASSUMED_CHART_WIDTH, ids.length),
  };
  const variables = { runIds: preload.runIds, keys: preload.keys, maxPoints: preload.maxPoints };
  return (
    <>
      <h1>Compare runs</h1>
      <PreloadScript request={{ key: preload.key, url: await browserApiUrl(), query: print(CompareSeriesQuery), variables }} />
      <Suspense fallback={<CompareSkeleton />}>
        <CompareBody ids={ids} preload={preload} />
      </Suspense>
    </>
  );
}

/** The runs' headers (one aliased request), then the interactive comparison. */
async function CompareBody({ ids, preload }: { ids: string[]; preload: PreloadedSeries }) {
  const { document, variables } = compareRunsRequest(ids);
  const loaded = await load(serverQuery(document, variables));
  if (!loaded.ok) return <ErrorState title="Cannot compare these runs" message={loaded.message} apiDown={loaded.code === undefined} />;
  const runs = ids.map((_, i) => loaded.data[`r${i}`]).filter((r): r is CompareRunFieldsFragment => !!r);
  const missing = ids.filter((_, i) => !loaded.data[`r${i}`]);
  return (
    <>
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
        <CompareView runs={runs} preload={preload} />
      )}
    </>
  );
}

function CompareSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading comparison">
      <div className="skeleton" style={{ height: 60, marginBottom: 12 }} />
      <div className="charts">
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="skeleton" style={{ height: 260 }} />
        ))}
      </div>
    </div>
  );
}
