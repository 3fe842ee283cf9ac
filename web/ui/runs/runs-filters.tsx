"use client";
/**
 * Filters of the runs table: search, experiment, status, method, tags and the metric
 * columns. Every change becomes the URL (so a filtered view can be shared); typing in
 * the search box waits for a pause before asking the server.
 */
import { useEffect, useRef, useState } from "react";
import { RUN_STATUSES, TRAINING_METHODS } from "../../lib/domain.ts";
import { defaultRunsView, firstPage, type RunsView } from "../../lib/runs-view.ts";

export interface RunsFiltersProps {
  view: RunsView;
  experiments: { id: string; name: string; runCount: number }[];
  tags: string[];
  /** Metric keys seen on this page, offered as columns. */
  metricKeys: string[];
  go: (view: RunsView, options?: { replace?: boolean }) => void;
}

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function RunsFilters({ view, experiments, tags, metricKeys, go }: RunsFiltersProps) {
  const [search, setSearch] = useState(view.search);
  const typed = useRef(false);
  const latestView = useRef(view);
  latestView.current = view;

  // Follow the URL (back/forward) unless the user is typing.
  useEffect(() => {
    if (!typed.current) setSearch(view.search);
  }, [view.search]);

  useEffect(() => {
    if (!typed.current) return;
    const timer = setTimeout(() => {
      typed.current = false;
      if (search !== latestView.current.search) go(firstPage({ ...latestView.current, search }), { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [search, go]);

  const change = (next: Partial<RunsView>) => go(firstPage({ ...view, ...next }));
  const filtered = view.experimentId || view.status.length || view.method.length || view.tags.length || view.search;
  const columnChoices = [...new Set([...view.columns, ...metricKeys])].sort();

  return (
    <div className="toolbar" role="search">
      <label>
        Search
        <input
          type="search"
          value={search}
          placeholder="name, notes or tag"
          onChange={(e) => {
            typed.current = true;
            setSearch(e.target.value);
          }}
          style={{ width: 200 }}
        />
      </label>
      <label>
        Experiment
        <select value={view.experimentId ?? ""} onChange={(e) => change({ experimentId: e.target.value || undefined })}>
          <option value="">All experiments</option>
          {experiments.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name} ({x.runCount})
            </option>
          ))}
        </select>
      </label>
      <fieldset className="chips">
        <legend>Status</legend>
        {RUN_STATUSES.map((s) => (
          <label key={s} className="chip">
            <input type="checkbox" checked={view.status.includes(s)} onChange={() => change({ status: toggle(view.status, s) })} />
            {s.toLowerCase()}
          </label>
        ))}
      </fieldset>
      <fieldset className="chips">
        <legend>Method</legend>
        {TRAINING_METHODS.map((m) => (
          <label key={m} className="chip">
            <input type="checkbox" checked={view.method.includes(m)} onChange={() => change({ method: toggle(view.method, m) })} />
            {m}
          </label>
        ))}
      </fieldset>
      <label>
        Tag
        <select value="" onChange={(e) => e.target.value && change({ tags: [...view.tags, e.target.value] })} disabled={tags.length === 0}>
          <option value="">{tags.length ? "Add a tag filter…" : "No tags yet"}</option>
          {tags
            .filter((t) => !view.tags.includes(t))
            .map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
        </select>
      </label>
      {view.tags.map((t) => (
        <button
          key={t}
          type="button"
          className="tag-filter"
          onClick={() => change({ tags: view.tags.filter((x) => x !== t) })}
          aria-label={`Remove tag filter ${t}`}
        >
          {t} ✕
        </button>
      ))}
      <details className="columns-menu">
        <summary>Metric columns ({view.columns.length})</summary>
        <div className="menu">
          {columnChoices.length === 0 ? <p className="muted">No metrics logged yet.</p> : null}
          {columnChoices.map((key) => (
            <label key={key} className="chip">
              <input
                type="checkbox"
                checked={view.columns.includes(key)}
                onChange={() => go({ ...view, columns: toggle(view.columns, key) }, { replace: true })}
              />
              <span className="mono">{key}</span>
            </label>
          ))}
        </div>
      </details>
      {filtered ? (
        <button type="button" onClick={() => go({ ...defaultRunsView(), columns: view.columns, pageSize: view.pageSize, sort: view.sort })}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
