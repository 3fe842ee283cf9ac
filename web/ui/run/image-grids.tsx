"use client";
/**
 * The image grids a run logged (clean digits above their FGSM- or generator-perturbed
 * versions, the paper's Figures 2 and 3), one figure per kind, with a slider over cycles.
 * Refetched when the run reaches a new cycle.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { useQuery } from "urql";
import { apiAssetUrl } from "../../lib/api-url.ts";
import { useApiUrl } from "../shell/api-provider.tsx";
import { RunImagesQuery } from "./operations.ts";

/** Small grids are drawn at twice their size (pixelated, as digits should look); large ones as they are. */
function scaleOf(width: number): number {
  return width < 320 ? 2 : 1;
}

export function ImageGrids({ runId, refreshKey }: { runId: string; refreshKey: string }) {
  const apiUrl = useApiUrl();
  const [result, refetch] = useQuery({ query: RunImagesQuery, variables: { id: runId } });
  const [picked, setPicked] = useState<number | null>(null);

  const shownFor = useRef(refreshKey);
  useEffect(() => {
    if (shownFor.current === refreshKey) return;
    shownFor.current = refreshKey;
    refetch({ requestPolicy: "network-only" });
  }, [refreshKey, refetch]);

  const images = result.data?.run?.images;
  const steps = useMemo(() => [...new Set((images ?? []).map((i) => i.step))].sort((a, b) => a - b), [images]);
  const kinds = useMemo(() => [...new Set((images ?? []).map((i) => i.kind))].sort(), [images]);

  if (result.error && !images) return <p className="field-error">Images could not be loaded: {result.error.message}</p>;
  if (!images) return <div className="skeleton" style={{ height: 120 }} />;
  if (images.length === 0) return <p className="muted">No images logged yet.</p>;

  // Follow the newest cycle until the user picks one.
  const index = picked === null ? steps.length - 1 : Math.min(picked, steps.length - 1);
  const step = steps[index]!;
  return (
    <div data-testid="image-grids">
      <label className="row" style={{ marginBottom: 8 }}>
        <span>Cycle</span>
        <input
          type="range"
          min={0}
          max={steps.length - 1}
          value={index}
          onChange={(e) => setPicked(Number(e.target.value))}
          aria-valuetext={`cycle ${step}`}
          style={{ width: 260 }}
        />
        <strong className="mono">{step}</strong>
        <span className="muted">
          ({steps.length} cycle{steps.length === 1 ? "" : "s"} with images)
        </span>
      </label>
      <div className="row" style={{ alignItems: "flex-start", gap: 16 }}>
        {kinds.map((kind) => {
          const image = images.find((i) => i.kind === kind && i.step === step);
          return (
            <figure key={kind} style={{ margin: 0 }}>
              {image ? (
                // A plain <img>: the API serves these PNGs, not Next's image optimiser.
                <img
                  src={apiAssetUrl(apiUrl, image.url)}
                  alt={image.caption ?? `${kind}, cycle ${step}`}
                  width={image.width * scaleOf(image.width)}
                  height={image.height * scaleOf(image.width)}
                  style={{ imageRendering: "pixelated", border: "1px solid var(--border)", maxWidth: "100%", height: "auto" }}
                />
              ) : (
                <div className="state" style={{ width: 200 }}>
                  none at this cycle
                </div>
              )}
              <figcaption className="muted mono" style={{ fontSize: 12 }}>
                {kind}
                {image?.caption ? ` — ${image.caption}` : ""}
              </figcaption>
            </figure>
          );
        })}
      </div>
    </div>
  );
}
