/**
 * /runs/[id]: one run, live. The server fetches the run (an unknown id is a 404 page);
 * the client keeps status, charts and images current.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { browserApiUrl, load, serverQuery } from "../../../lib/server-api.ts";
import { print } from "graphql";
import { randomUUID } from "node:crypto";
import { orderMetricKeys } from "../../../lib/domain.ts";
import { ASSUMED_CHART_WIDTH, maxPointsFor } from "../../../lib/resolution.ts";
import { RunMetricsQuery, RunQuery } from "../../../ui/run/operations.ts";
import { RunView } from "../../../ui/run/run-view.tsx";
import type { PreloadedMetrics } from "../../../ui/run/use-run-series.ts";
import { ErrorState } from "../../../ui/shell/error-state.tsx";
import { PreloadScript } from "../../../ui/shell/preload-script.tsx";

type Params = { params: Promise<{ id: string }> };

async function loadRun(id: string) {
  return load(serverQuery(RunQuery, { id }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const loaded = await loadRun((await params).id);
  return { title: loaded.ok && loaded.data.run ? loaded.data.run.name : "Run" };
}

export default async function RunPage({ params }: Params) {
  const { id } = await params;
  const loaded = await loadRun(id);
  if (!loaded.ok && loaded.code === "NOT_FOUND") notFound();
  if (!loaded.ok) return <ErrorState title="Cannot show this run" message={loaded.message} apiDown={loaded.code === undefined} />;
  if (!loaded.data.run) notFound();
  const run = loaded.data.run;
  // The charts' first request starts from the HTML, before the page's code has loaded.
  const preload: PreloadedMetrics = {
    key: randomUUID(),
    keys: orderMetricKeys(run.metricKeys),
    maxPoints: maxPointsFor(ASSUMED_CHART_WIDTH),
  };
  const variables = { id: run.id, keys: preload.keys, maxPoints: preload.maxPoints };
  return (
    <>
      {preload.keys.length > 0 ? (
        <PreloadScript request={{ key: preload.key, url: await browserApiUrl(), query: print(RunMetricsQuery), variables }} />
      ) : null}
      <RunView key={run.id} initial={run} preload={preload} />
    </>
  );
}
