"use client";
/**
 * The runs table: one server-rendered page of runs, kept live by the runUpdated
 * subscription (status, summary and tags change in place without a reload). Sorting is
 * done by the API, so it holds across pages; selection survives paging and filtering.
 */
import Link from "next/link";
import { Fragment } from "react";
import type { TableRow } from "../../lib/run-row.ts";
import { elapsedMs, formatDateTime, formatDuration, formatValue } from "../../lib/format.ts";
import { sortBy, type RunsView } from "../../lib/runs-view.ts";
import type { RunOrderField } from "../../lib/gql/graphql.ts";
import { useNow } from "../shell/use-now.ts";
import { StatusBadge } from "./status-badge.tsx";

export interface RunsTableProps {
  view: RunsView;
  rows: TableRow[];
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (ids: string[], select: boolean) => void;
  go: (view: RunsView) => void;
  pending: boolean;
}

function summaryValue(row: TableRow, key: string): number | null {
  const value = (row.summary as Record<string, unknown> | null)?.[key];
  return typeof value === "number" ? value : null;
}

export function RunsTable({ view, rows, selected, onToggle, onToggleAll, go, pending }: RunsTableProps) {
  const now = useNow(
    1000,
    rows.some((r) => r.status === "RUNNING"),
  );
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));

  const header = (label: string, field: RunOrderField | undefined, metricKey?: string, numeric = false) => {
    const active = field !== undefined && view.sort.field === field && view.sort.metricKey === metricKey;
    const ariaSort = active ? (view.sort.direction === "ASC" ? "ascending" : "descending") : undefined;
    return (
      <th scope="col" aria-sort={ariaSort} className={numeric ? "num" : undefined}>
        {field ? (
          <button type="button" className="sort-button" onClick={() => go(sortBy(view, field, metricKey))} title={`Sort by ${label}`}>
            {label}
            {active ? (view.sort.direction === "ASC" ? " ▲" : " ▼") : ""}
          </button>
        ) : (
          label
        )}
      </th>
    );
  };

  return (
    <div className="table-wrap" style={{ opacity: pending ? 0.6 : 1, transition: "opacity 120ms" }} aria-busy={pending}>
      <table className="data" data-testid="runs-table">
        <thead>
          <tr>
            <th scope="col" style={{ width: 28 }}>
              <input
                type="checkbox"
                aria-label="Select all runs on this page"
                checked={allSelected}
                onChange={(e) =>
                  onToggleAll(
                    rows.map((r) => r.id),
                    e.target.checked,
                  )
                }
              />
            </th>
            {header("Name", "NAME")}
            {header("Experiment", undefined)}
            {header("Status", "STATUS")}
            {header("Method", undefined)}
            {header("Schedule", undefined)}
            {header("Tags", undefined)}
            {header("Created", "CREATED_AT")}
            {header("Duration", undefined, undefined, true)}
            {view.columns.map((key) => (
              <Fragment key={key}>{header(key, "METRIC", key, true)}</Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="run-row" data-run-id={row.id} aria-selected={selected.has(row.id)}>
              <td>
                <input type="checkbox" aria-label={`Select ${row.name}`} checked={selected.has(row.id)} onChange={() => onToggle(row.id)} />
              </td>
              <td>
                {/* No prefetch: a page of 100 rows would have the server render 100 run pages. */}
                <Link href={`/runs/${row.id}`} prefetch={false}>
                  {row.name}
                </Link>
              </td>
              <td>
                <button
                  type="button"
                  className="sort-button"
                  style={{ fontWeight: 400 }}
                  title="Show only this experiment"
                  onClick={() => go({ ...view, experimentId: row.experiment.id, after: undefined, back: [] })}
                >
                  {row.experiment.name}
                </button>
              </td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              <td>{row.method}</td>
              <td className="mono">{row.schedule}</td>
              <td>
                {row.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
              </td>
              <td className="muted">{formatDateTime(row.createdAt)}</td>
              <td className="num" suppressHydrationWarning>
                {formatDuration(elapsedMs(row.startedAt, row.finishedAt, now))}
              </td>
              {view.columns.map((key) => (
                <td key={key} className="num" data-metric={key}>
                  {formatValue(summaryValue(row, key))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
