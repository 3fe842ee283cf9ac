/**
 * /runs/[id]: one run, live. The server fetches the run (an unknown id is a 404 page);
 * the client keeps status, charts and images current.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { load, serverQuery } from "../../../lib/server-api.ts";
import { RunQuery } from "../../../ui/run/operations.ts";
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
  return <RunView key={loaded.data.run.id} initial={loaded.data.run} />;
}
