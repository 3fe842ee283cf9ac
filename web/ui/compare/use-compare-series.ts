"use client";
/**
 * Series of many runs for some keys, in one metricSeries request, indexed by run and key.
 * The page's first request can be made by the server while the browser loads the code
 * (`initial`); it is used when it asked for what the chart now wants.
 */
import { useEffect, useState } from "react";
import { useClient } from "urql";
import type { CompareSeriesQuery } from "../../lib/gql/graphql.ts";
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

/** What the server fetched for the page: the request it made and its (streamed) answer. */
export interface ServerSeries {
  runIds: string[];
  keys: string[];
  maxPoints: number;
  result: Promise<{ data?: CompareSeriesQuery; error?: string }>;
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

/** Waits for the server's answer (already on its way in the page's stream). */
export function useServerSeries(server: ServerSeries | undefined): CompareSeries {
  const [state, setState] = useState<CompareSeries>(LOADING);
  useEffect(() => {
    if (!server) return;
    let current = true;
    // A promise from the server arrives as React's thenable: wrap it before chaining.
    void Promise.resolve(server.result).then((result) => {
      if (!current) return;
      setState(result.error ? { ...LOADING, fetching: false, error: result.error } : indexSeries(result.data?.metricSeries ?? []));
    });
    return () => {
      current = false;
    };
  }, [server]);
  return state;
}
