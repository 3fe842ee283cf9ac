"use client";
/**
 * Series of many runs for some keys, in one metricSeries request, indexed by run and key.
 * The page's first request is started by its HTML (usePreloadedSeries) and used when it
 * asked for what the charts now want.
 */
import { useEffect, useState } from "react";
import { useClient } from "urql";
import type { CompareSeriesQuery } from "../../lib/gql/graphql.ts";
import { takePreloaded } from "../../lib/preload.ts";
import type { SeriesPoint } from "../../lib/series.ts";
import { CompareSeriesQuery as CompareSeriesDocument } from "./operations.ts";

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

/** A request the page's HTML started (lib/preload.ts), with what it asked for. */
export interface PreloadedSeries {
  key: string;
  runIds: string[];
  keys: string[];
  maxPoints: number;
}

const LOADING: CompareSeries = { byRun: new Map(), counts: new Map(), fetching: true, error: undefined };

/** Indexes an API answer by run and key. */
export function indexSeries(list: CompareSeriesQuery["metricSeries"]): CompareSeries {
  const byRun = new Map<string, Map<string, SeriesPoint[]>>();
  const counts = new Map<string, Map<string, number>>();
  for (const s of list) {
    if (!byRun.has(s.runId)) {
      byRun.set(s.runId, new Map());
      counts.set(s.runId, new Map());
    }
    byRun.get(s.runId)!.set(s.key, s.points);
    counts.get(s.runId)!.set(s.key, s.count);
  }
  return { byRun, counts, fetching: false, error: undefined };
}

/** Fetches in the browser. */
export function useCompareSeries({ runIds, keys, maxPoints, fromStep, toStep, enabled = true }: SeriesRequest): CompareSeries {
  const client = useClient();
  const [state, setState] = useState<CompareSeries>(LOADING);
  const request = JSON.stringify({ runIds, keys, maxPoints, fromStep, toStep });
  useEffect(() => {
    if (!enabled) return;
    const variables = JSON.parse(request) as { runIds: string[]; keys: string[]; maxPoints?: number; fromStep?: number; toStep?: number };
    if (variables.runIds.length === 0 || variables.keys.length === 0) {
      setState({ ...LOADING, fetching: false });
      return;
    }
    let current = true;
    setState((prev) => ({ ...prev, fetching: true }));
    void client
      .query(CompareSeriesDocument, variables)
      .toPromise()
      .then((result) => {
        if (!current) return;
        if (result.error) setState({ ...LOADING, fetching: false, error: result.error.graphQLErrors[0]?.message ?? result.error.message });
        else setState(indexSeries(result.data?.metricSeries ?? []));
      });
    return () => {
      current = false;
    };
  }, [client, request, enabled]);
  return state;
}

/**
 * The answer of the page's preloaded request; `available` is false when there is none
 * (no preload, or a client-side navigation, where inline scripts do not run).
 */
export function usePreloadedSeries(preload: PreloadedSeries | undefined): CompareSeries & { available: boolean } {
  const [promise] = useState(() => (preload ? takePreloaded<CompareSeriesQuery>(preload.key) : undefined));
  const [state, setState] = useState<CompareSeries>(LOADING);
  useEffect(() => {
    if (!promise) return;
    let current = true;
    promise.then(
      (answer) => {
        if (!current) return;
        if (answer.errors?.length || !answer.data)
          setState({ ...LOADING, fetching: false, error: answer.errors?.[0]?.message ?? "no data" });
        else setState(indexSeries(answer.data.metricSeries));
      },
      (error: unknown) =>
        current && setState({ ...LOADING, fetching: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [promise]);
  return { ...state, available: promise !== undefined };
}

/** Two answers for different keys of the same runs, as one. */
export function mergeSeries(a: CompareSeries, b: CompareSeries): CompareSeries {
  const byRun = new Map<string, Map<string, SeriesPoint[]>>();
  const counts = new Map<string, Map<string, number>>();
  for (const part of [a, b]) {
    for (const [run, keys] of part.byRun) byRun.set(run, new Map([...(byRun.get(run) ?? []), ...keys]));
    for (const [run, keys] of part.counts) counts.set(run, new Map([...(counts.get(run) ?? []), ...keys]));
  }
  return { byRun, counts, fetching: a.fetching || b.fetching, error: a.error ?? b.error };
}
