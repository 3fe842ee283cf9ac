"use client";
/** Series of many runs for some keys, in one metricSeries request, indexed by run and key. */
import { useEffect, useState } from "react";
import { useClient } from "urql";
import type { SeriesPoint } from "../../lib/series.ts";
import { CompareSeriesQuery } from "./operations.ts";

export interface CompareSeries {
  /** points by run id, then key. */
  byRun: ReadonlyMap<string, ReadonlyMap<string, SeriesPoint[]>>;
  /** Stored points by run id, then key (more than fetched = downsampled). */
  counts: ReadonlyMap<string, ReadonlyMap<string, number>>;
  fetching: boolean;
  error: string | undefined;
}

export interface SeriesRequest {
  runIds: readonly string[];
  keys: readonly string[];
  maxPoints?: number | undefined;
  fromStep?: number | undefined;
  toStep?: number | undefined;
  /** Do nothing while false (e.g. until the chart's width is known). */
  enabled?: boolean;
}

const EMPTY: CompareSeries = { byRun: new Map(), counts: new Map(), fetching: true, error: undefined };

export function useCompareSeries({ runIds, keys, maxPoints, fromStep, toStep, enabled = true }: SeriesRequest): CompareSeries {
  const client = useClient();
  const [state, setState] = useState<CompareSeries>(EMPTY);
  const request = JSON.stringify({ runIds, keys, maxPoints, fromStep, toStep });
  useEffect(() => {
    if (!enabled) return;
    const variables = JSON.parse(request) as { runIds: string[]; keys: string[]; maxPoints?: number; fromStep?: number; toStep?: number };
    if (variables.runIds.length === 0 || variables.keys.length === 0) {
      setState({ ...EMPTY, fetching: false });
      return;
    }
    let current = true;
    setState((prev) => ({ ...prev, fetching: true }));
    void client
      .query(CompareSeriesQuery, variables)
      .toPromise()
      .then((result) => {
        if (!current) return;
        if (result.error) {
          setState({ byRun: new Map(), counts: new Map(), fetching: false, error: result.error.graphQLErrors[0]?.message ?? result.error.message });
          return;
        }
        const byRun = new Map<string, Map<string, SeriesPoint[]>>();
        const counts = new Map<string, Map<string, number>>();
        for (const s of result.data?.metricSeries ?? []) {
          if (!byRun.has(s.runId)) {
            byRun.set(s.runId, new Map());
            counts.set(s.runId, new Map());
          }
          byRun.get(s.runId)!.set(s.key, s.points);
          counts.get(s.runId)!.set(s.key, s.count);
        }
        setState({ byRun, counts, fetching: false, error: undefined });
      });
    return () => {
      current = false;
    };
  }, [client, request, enabled]);
  return state;
}
