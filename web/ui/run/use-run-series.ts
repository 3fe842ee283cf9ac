"use client";
/**
 * Every metric series of one run, kept live: fetched once (downsampled to about one point
 * per pixel), then extended by metricsAppended events as the trainer logs. Keys that
 * appear later are fetched when they appear. Also tracks when cycles were reported, for
 * the progress estimate.
 */
import { useEffect, useRef, useState } from "react";
import { useClient } from "urql";
import { CYCLE_KEYS } from "../../lib/domain.ts";
import type { RunMetricsQuery as RunMetrics } from "../../lib/gql/graphql.ts";
import { takePreloaded } from "../../lib/preload.ts";
import { closeEnough } from "../../lib/resolution.ts";
import { mergePoints, type SeriesPoint } from "../../lib/series.ts";
import { useLive } from "../shell/use-live.ts";
import { MetricsAppendedSubscription, RunMetricsQuery } from "./operations.ts";

/** A key's points (ascending by step) and how many the API stores (more than shown = downsampled). */
export interface KeySeries {
  points: SeriesPoint[];
  count: number;
}

export interface RunSeries {
  series: ReadonlyMap<string, KeySeries>;
  loading: boolean;
  error: string | undefined;
  /** Highest cycle reported by a per-cycle key, and when cycle 0 and that cycle arrived. */
  latestCycle: number | undefined;
  cycle0At: number | undefined;
  latestAt: number | undefined;
}

const CYCLE_KEY_SET = new Set<string>(CYCLE_KEYS);

/**
 * @param refresh - changing it refetches every key from scratch (done when a run finishes,
 *   so nothing logged while the subscription was connecting can be missing at the end).
 */
/** The first fetch, started by the page's HTML (lib/preload.ts), and what it asked for. */
export interface PreloadedMetrics {
  key: string;
  keys: string[];
  maxPoints: number;
}

export function useRunSeries(
  runId: string,
  keys: readonly string[],
  maxPoints: number,
  refresh: string,
  preload?: PreloadedMetrics,
): RunSeries {
  const client = useClient();
  const [series, setSeries] = useState<ReadonlyMap<string, KeySeries>>(new Map());
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [clock, setClock] = useState<{ latestCycle?: number; cycle0At?: number; latestAt?: number }>({});
  const requested = useRef(new Set<string>());
  const fetchedOnce = useRef(false);
  const preloadUsed = useRef(false);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const refreshed = useRef(refresh);
  if (refreshed.current !== refresh) {
    refreshed.current = refresh;
    requested.current.clear();
  }

  // Fetch keys not fetched yet (all of them at first, later only new ones).
  const wanted = keys.filter((k) => !requested.current.has(k));
  const wantedKey = maxPoints > 0 ? wanted.join("\u0000") : "";
  useEffect(() => {
    if (!wantedKey) {
      if (maxPoints > 0 && requested.current.size === keys.length) setLoading(false);
      return;
    }
    const batch = wantedKey.split("\u0000");
    // A refresh replaces what is shown; the first fetch keeps live points that beat it.
    const replace = fetchedOnce.current && requested.current.size === 0;
    for (const k of batch) requested.current.add(k);
    const preloaded =
      preload && !preloadUsed.current && closeEnough(preload.maxPoints, maxPoints) && batch.every((k) => preload.keys.includes(k))
        ? takePreloaded<RunMetrics>(preload.key)
        : undefined;
    preloadUsed.current ||= preloaded !== undefined;
    const request: Promise<{ data?: RunMetrics | null; error?: { message: string } }> = preloaded
      ? preloaded.then(
          (answer) => ({ data: answer.data, error: answer.errors?.[0] }),
          (error: unknown) => ({ error: { message: String(error) } }),
        )
      : client
          .query(RunMetricsQuery, { id: runId, keys: batch, maxPoints })
          .toPromise()
          .then((r) => ({ data: r.data, error: r.error }));
    void request.then((result) => {
      if (!alive.current) return;
      fetchedOnce.current = true;
      setLoading(false);
      if (result.error) {
        setError(result.error.message);
        for (const k of batch) requested.current.delete(k);
        return;
      }
      const fetched = result.data?.run?.metrics ?? [];
      setSeries((prev) => {
        const next = new Map(prev);
        // Live points that arrived while fetching are merged in; fetched values win.
        for (const s of fetched) {
          const points = replace ? s.points : mergePoints(s.points, prev.get(s.key)?.points ?? []);
          next.set(s.key, { points, count: s.count + points.length - s.points.length });
        }
        return next;
      });
      setClock((prev) => {
        let { latestCycle, cycle0At, latestAt } = prev;
        for (const s of fetched) {
          if (!CYCLE_KEY_SET.has(s.key)) continue;
          const first = s.points[0];
          const last = s.points[s.points.length - 1];
          if (first?.step === 0 && first.wallTime) cycle0At ??= Date.parse(String(first.wallTime));
          if (last && (latestCycle === undefined || last.step > latestCycle)) {
            latestCycle = last.step;
            latestAt = last.wallTime ? Date.parse(String(last.wallTime)) : latestAt;
          }
        }
        return { latestCycle, cycle0At, latestAt };
      });
    });
    // In-flight fetches are not abandoned when more keys appear: their keys count as requested.
  }, [client, runId, wantedKey, maxPoints, keys.length, refresh, preload]);

  useLive(MetricsAppendedSubscription, { id: runId }, ({ metricsAppended }) => {
    const byKey = new Map<string, { step: number; value: number }[]>();
    for (const p of metricsAppended.points) {
      const list = byKey.get(p.key) ?? [];
      list.push({ step: p.step, value: p.value });
      byKey.set(p.key, list);
    }
    setSeries((prev) => {
      const next = new Map(prev);
      for (const [key, points] of byKey) {
        const before = prev.get(key) ?? { points: [], count: 0 };
        const merged = mergePoints(before.points, points);
        next.set(key, { points: merged, count: before.count + merged.length - before.points.length });
      }
      return next;
    });
    const cycles = metricsAppended.points.filter((p) => CYCLE_KEY_SET.has(p.key)).map((p) => p.step);
    if (cycles.length > 0) {
      const top = Math.max(...cycles);
      const now = Date.now();
      setClock((prev) => ({
        cycle0At: prev.cycle0At ?? (cycles.includes(0) ? now : undefined),
        latestCycle: prev.latestCycle === undefined || top > prev.latestCycle ? top : prev.latestCycle,
        latestAt: prev.latestCycle === undefined || top > prev.latestCycle ? now : prev.latestAt,
      }));
    }
  });

  return { series, loading, error, ...clock } as RunSeries;
}
