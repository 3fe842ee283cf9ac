/**
 * /runs: every run in a table. The server renders the page of runs the URL asks for (first
 * paint needs no client round trip); the browser keeps it live.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { parseRunsView, toRunFilter, toRunOrder, type RawParams } from "../../../lib/runs-view.ts";
import { toTableRow } from "../../../lib/run-row.ts";
import { load, serverQuery } from "../../../lib/server-api.ts";
import { RunsFacetsQuery, RunsPageQuery } from "../../../ui/runs/operations.ts";
import { RunsBrowser } from "../../../ui/runs/runs-browser.tsx";
import { ErrorState } from "../../../ui/shell/error-state.tsx";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const view = parseRunsView(await searchParams);
  const [page, facets] = await Promise.all([
    load(serverQuery(RunsPageQuery, { filter: toRunFilter(view), orderBy: toRunOrder(view), first: view.pageSize, after: view.after })),
    load(serverQuery(RunsFacetsQuery, {})),
  ]);
  return (
    <>
      <div className="row">
        <h1>Runs</h1>
        <span className="spacer" />
        <Link className="button" href="/launch">
          Launch a run
        </Link>
      </div>
      {!page.ok ? (
        <ErrorState title="Cannot show these runs" message={page.message} apiDown={page.code === undefined} />
      ) : (
        <RunsBrowser
          view={view}
          page={{ ...page.data.runs, nodes: page.data.runs.nodes.map(toTableRow) }}
          experiments={facets.ok ? facets.data.experiments : []}
          tags={facets.ok ? facets.data.runTags : []}
        />
      )}
    </>
  );
}
