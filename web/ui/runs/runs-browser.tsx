"use client";
/**
 * The interactive part of /runs: filters, the live table, paging and the selection that
 * leads to /compare. The server renders each page of runs; this component patches rows
 * from runUpdated events and notices runs that appeared since.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { RunsPageQuery } from "../../lib/gql/graphql.ts";
import { toTableRow, type TableRow } from "../../lib/run-row.ts";
import { nextPage, PAGE_SIZES, previousPage, firstPage, type RunsView } from "../../lib/runs-view.ts";
import { useLive } from "../shell/use-live.ts";
import { RunsUpdatedSubscription } from "./operations.ts";
import { RunsFilters } from "./runs-filters.tsx";
import { RunsTable } from "./runs-table.tsx";
import { useRunsNavigation } from "./use-runs-navigation.ts";

export interface RunsBrowserProps {
  view: RunsView;
  /** The page of runs, rows already slimmed by toTableRow on the server. */
  page: Omit<RunsPageQuery["runs"], "nodes"> & { nodes: TableRow[] };
  experiments: { id: string; name: string; runCount: number }[];
  tags: string[];
}

const MAX_COMPARE = 200;

export function RunsBrowser({ view, page, experiments, tags }: RunsBrowserProps) {
  const router = useRouter();
  const navigation = useRunsNavigation();
  // Controls show the requested view at once; the rows follow when the server answers.
  const [requested, setRequested] = useState<RunsView | null>(null);
  useEffect(() => setRequested(null), [view]);
  const go = useCallback(
    (next: RunsView, options?: { replace?: boolean }) => {
      setRequested(next);
      navigation.go(next, options);
    },
    [navigation.go],
  );
  const pending = navigation.pending;
  const shown = requested ?? view;
  const [patches, setPatches] = useState<ReadonlyMap<string, TableRow>>(new Map());
  const [unseen, setUnseen] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  // A new page from the server is the truth again.
  useEffect(() => {
    setPatches(new Map());
    setUnseen(new Set());
  }, [page]);

  const onPage = useMemo(() => new Set(page.nodes.map((r) => r.id)), [page]);
  useLive(RunsUpdatedSubscription, {}, ({ runUpdated: run }) => {
    if (onPage.has(run.id)) setPatches((prev) => new Map(prev).set(run.id, toTableRow(run)));
    else if (run.status === "QUEUED" || run.status === "RUNNING")
      setUnseen((prev) => (prev.has(run.id) ? prev : new Set(prev).add(run.id)));
  });

  const rows = useMemo(() => page.nodes.map((r) => patches.get(r.id) ?? r), [page, patches]);
  const metricKeys = useMemo(() => [...new Set(rows.flatMap((r) => Object.keys((r.summary as Record<string, unknown>) ?? {})))], [rows]);

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = (ids: string[], select: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (select) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const start = view.back.length * view.pageSize;
  const compareIds = [...selected].slice(0, MAX_COMPARE);

  return (
    <>
      <RunsFilters view={shown} experiments={experiments} tags={tags} metricKeys={metricKeys} go={go} />
      <div className="row" style={{ marginBottom: 8 }}>
        <span className="muted" aria-live="polite">
          {page.totalCount === 0 ? "No runs" : `${start + 1}–${start + rows.length} of ${page.totalCount.toLocaleString("en-US")} runs`}
        </span>
        {unseen.size > 0 ? (
          <button type="button" onClick={() => router.refresh()}>
            {unseen.size} new or changed run{unseen.size === 1 ? "" : "s"} elsewhere — refresh
          </button>
        ) : null}
        <span className="spacer" />
        {selected.size > 0 ? (
          <>
            <span>{selected.size} selected</span>
            <button type="button" onClick={() => setSelected(new Set())}>
              Clear selection
            </button>
          </>
        ) : (
          <span className="muted">Select runs to compare them</span>
        )}
        {selected.size > 0 ? (
          <Link className="button primary" href={`/compare?runs=${compareIds.join(",")}`} prefetch={false}>
            Compare {compareIds.length}
          </Link>
        ) : (
          <button type="button" className="primary" disabled>
            Compare
          </button>
        )}
      </div>
      {page.totalCount === 0 ? (
        <div className="state">
          {view.search || view.status.length || view.method.length || view.tags.length || view.experimentId ? (
            <>No run matches these filters.</>
          ) : (
            <>
              No runs yet. <Link href="/launch">Launch one</Link> or start a trainer with <code>npm run worker</code>.
            </>
          )}
        </div>
      ) : (
        <RunsTable view={view} rows={rows} selected={selected} onToggle={toggle} onToggleAll={toggleAll} go={go} pending={pending} />
      )}
      <nav className="row" aria-label="Pages" style={{ marginTop: 10 }}>
        <button type="button" disabled={!view.after} onClick={() => go(firstPage(view))}>
          First
        </button>
        <button type="button" disabled={!view.after} onClick={() => go(previousPage(view))}>
          ← Previous
        </button>
        <button
          type="button"
          disabled={!page.pageInfo.hasNextPage || !page.pageInfo.endCursor}
          onClick={() => page.pageInfo.endCursor && go(nextPage(view, page.pageInfo.endCursor))}
        >
          Next →
        </button>
        <label className="row">
          Rows per page
          <select value={view.pageSize} onChange={(e) => go(firstPage({ ...view, pageSize: Number(e.target.value) }))}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </nav>
    </>
  );
}
