/**
 * /runs/[id]: one run, live. The server fetches the run (an unknown id is a 404 page);
 * the client keeps status, charts and images current.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { load, serverQuery } from "../../../lib/server-api.ts";
import { orderMetricKeys } from "../../../lib/domain.ts";
import { ASSUMED_CHART_WIDTH, maxPointsFor } from "../../../lib/resolution.ts";
import { RunMetricsQuery, RunQuery } from "../../../ui/run/operations.ts";
import { RunView } from "../../../ui/run/run-view.tsx";
import { ErrorState } from "../../../ui/shell/error-state.tsx";

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
  // The charts' first fetch starts here, so its answer streams in while the page's code loads.
  const keys = orderMetricKeys(run.metricKeys);
  const maxPoints = maxPointsFor(ASSUMED_CHART_WIDTH);
  const result = serverQuery(RunMetricsQuery, { id: run.id, keys, maxPoints }).then(
    (data) => ({ data }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
  return <RunView key={run.id} initial={run} server={{ keys, maxPoints, result }} />;
}
