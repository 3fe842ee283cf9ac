"use client";
/**
 * A uPlot line chart: canvas drawing that stays fast with 100 overlaid series and
 * thousands of points. The chart is created when its shape (lines, colours, bands)
 * changes and only gets new data otherwise, so live points cost a redraw, not a rebuild.
 * Drag to zoom (the parent refetches that range at full resolution), double-click or
 * "Reset zoom" to go back; the hover cursor is shared between charts with the same syncKey.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { formatTick, integerTickIncrements } from "../../lib/axis-ticks.ts";
import { formatValue } from "../../lib/format.ts";
import { buildPlotData, type PlotLine } from "../../lib/plot-data.ts";
import { seriesFill } from "../../lib/palette.ts";

const STEP_INCREMENTS = integerTickIncrements();

export interface LineChartProps {
  /** Accessible name, e.g. the metric key. */
  label: string;
  x: readonly number[];
  lines: readonly PlotLine[];
  showBands?: boolean;
  syncKey?: string | undefined;
  height?: number;
  xLabel?: string;
  /** Called with the step range the user dragged over. */
  onZoom?: ((from: number, to: number) => void) | undefined;
  onResetZoom?: (() => void) | undefined;
  zoomed?: boolean;
}

function cssVar(name: string, fallback: string): string {
  if (typeof document === "undefined") return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Re-renders when the system switches between light and dark (canvas colours are not CSS). */
function useColorScheme(): string {
  const [scheme, setScheme] = useState("light");
  useEffect(() => {
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const update = () => setScheme(media.matches ? "dark" : "light");
    update();
    media.addEventListener("change", update);
    return () => media.removeEventListener("change", update);
  }, []);
  return scheme;
}

export function LineChart(props: LineChartProps) {
  const { label, x, lines, showBands = true, syncKey, height = 220, xLabel = "step", zoomed = false } = props;
  const boxRef = useRef<HTMLDivElement>(null);
  const readoutRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const scheme = useColorScheme();
  const plot = useMemo(() => buildPlotData(x, lines, showBands), [x, lines, showBands]);
  const latest = useRef({ plot, props });
  latest.current = { plot, props };

  // The shape decides when uPlot must be rebuilt; data alone never does.
  const shape = `${lines.map((l) => `${l.label}\u0000${l.color}`).join("\u0001")}|${plot.bands.map((b) => b.line).join(",")}|${syncKey}|${height}|${scheme}`;

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const { plot: current, props: currentProps } = latest.current;
    const axis = cssVar("--chart-axis", "#666");
    const grid = cssVar("--chart-grid", "rgba(0,0,0,0.08)");
    const envelope = cssVar("--chart-envelope", "rgba(120,128,150,0.22)");
    const lineCount = currentProps.lines.length;
    let focused: number | null = null; // the series nearest the cursor
    const series: uPlot.Series[] = [
      { label: xLabel },
      ...currentProps.lines.map((line) => ({
        label: line.label,
        stroke: line.color,
        width: lineCount > 20 ? 1 : 1.5,
        spanGaps: true,
        points: { show: false },
      })),
      ...current.bands.flatMap((band) => {
        const label = band.line === -1 ? "all runs" : currentProps.lines[band.line]!.label;
        return [
          { label: `${label} max`, stroke: "transparent", width: 0, points: { show: false }, spanGaps: true },
          { label: `${label} min`, stroke: "transparent", width: 0, points: { show: false }, spanGaps: true },
        ];
      }),
    ];
    const options: uPlot.Options = {
      width: Math.max(200, box.clientWidth),
      height,
      scales: {
        x: { time: false },
        // A flat series (e.g. accuracy stuck at 0) gets a small band around it, not 0–100.
        y: {
          range: (_u, min, max) =>
            min === max ? [min - (Math.abs(min) * 0.1 || 1), max + (Math.abs(max) * 0.1 || 1)] : uPlot.rangeNum(min, max, 0.1, true),
        },
      },
      legend: { show: false },
      series,
      bands: current.bands.map((band) => ({
        series: [band.upper, band.lower] as [number, number],
        fill: band.line === -1 ? envelope : seriesFill(band.line, 0.18),
      })),
      axes: [
        {
          stroke: axis,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid, width: 1 },
          incrs: STEP_INCREMENTS,
          label: xLabel,
          labelSize: 18,
          labelFont: "12px system-ui",
        },
        {
          stroke: axis,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid, width: 1 },
          size: 56,
          values: (_u, splits, _axis, _space, increment) => splits.map((v) => formatTick(v, increment)),
        },
      ],
      cursor: {
        sync: syncKey ? { key: syncKey, setSeries: false } : undefined,
        drag: { x: true, y: false, setScale: false },
        focus: { prox: 16 },
        points: { show: lineCount <= 20 },
      },
      focus: { alpha: lineCount > 1 ? 0.35 : 1 },
      hooks: {
        draw: [
          (u) => {
            // The first draw is marked for benchmarks (performance.getEntriesByName).
            if (box.dataset.state !== "drawn") performance.mark("sparring:chart-drawn");
            box.dataset.state = "drawn";
            box.dataset.points = String(u.data[0]?.length ?? 0);
          },
        ],
        setSelect: [
          (u) => {
            if (u.select.width < 3) return;
            const from = u.posToVal(u.select.left, "x");
            const to = u.posToVal(u.select.left + u.select.width, "x");
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            const onZoom = latest.current.props.onZoom;
            u.setScale("x", { min: from, max: to });
            onZoom?.(Math.floor(from), Math.ceil(to));
          },
        ],
        setCursor: [(u) => writeReadout(u, readoutRef.current, latest.current.props.lines, focused)],
        setSeries: [
          (u, index, opts) => {
            // uPlot passes { focus } here although its types say Series.
            const focus = (opts as { focus?: boolean }).focus;
            if (focus !== undefined) focused = focus && index !== null ? index : null;
            writeReadout(u, readoutRef.current, latest.current.props.lines, focused);
          },
        ],
      },
    };
    const chart = new uPlot(options, current.data as uPlot.AlignedData, box);
    plotRef.current = chart;
    chart.over.addEventListener("dblclick", () => latest.current.props.onResetZoom?.());
    const observer = new ResizeObserver(() => {
      if (box.clientWidth > 0) chart.setSize({ width: box.clientWidth, height });
    });
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.destroy();
      plotRef.current = null;
      delete box.dataset.state;
    };
    // Rebuilt only when the shape changes; data goes through setData below.
  }, [shape]);

  useEffect(() => {
    plotRef.current?.setData(plot.data as uPlot.AlignedData, true);
  }, [plot]);

  const last = lines.length === 1 ? lines[0]!.values.findLast((v) => v !== null) : undefined;
  return (
    <div>
      <div
        ref={boxRef}
        className="chart-box"
        role="img"
        aria-label={`${label}: ${lines.length} series over ${x.length} steps${last !== undefined && last !== null ? `, last value ${formatValue(last)}` : ""}`}
        style={{ minHeight: height }}
      />
      <div className="row" style={{ minHeight: 24 }}>
        <div ref={readoutRef} className="muted mono" aria-live="off" style={{ fontSize: 12 }} />
        <span className="spacer" />
        {zoomed ? (
          <button type="button" onClick={() => props.onResetZoom?.()} style={{ padding: "1px 8px", fontSize: 12 }}>
            Reset zoom
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** Writes the hovered step and the focused (or only) series' value under the chart, without a React render. */
function writeReadout(u: uPlot, target: HTMLElement | null, lines: readonly PlotLine[], focused: number | null): void {
  if (!target) return;
  const idx = u.cursor.idx;
  if (idx === null || idx === undefined) {
    target.textContent = "";
    return;
  }
  const step = u.data[0]?.[idx];
  const shown =
    focused !== null && focused > 0 && focused <= lines.length ? [focused] : lines.length <= 3 ? lines.map((_, i) => i + 1) : [];
  const parts = shown.map((i) => `${lines[i - 1]!.label}: ${formatValue(u.data[i]?.[idx] ?? null)}`);
  target.textContent = `step ${step ?? "–"}${parts.length ? ` · ${parts.join(" · ")}` : ""}`;
}
