/**
 * Named fixture runs for the dashboard's browser tests and benchmark, logged through the
 * public API exactly as a trainer would: start, metrics per cycle, image grids, the
 * end-of-run robustness sweep, finish. Values are deterministic (seeded), so tests can
 * compare what the page shows with what the API returns.
 */
import { FinishRun, LogImage, LogMetrics, StartRun } from "../support/documents.ts";
import { query } from "../support/graphql.ts";
import { encodeGrayPng } from "./png.ts";

type Method = "STANDARD" | "FGSM" | "GAN";

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FixtureRun {
  experimentName: string;
  name: string;
  method: Method;
  cycles: number;
  config?: Record<string, unknown>;
  tags?: string[];
  seed: number;
  /** Optimiser steps logged per cycle under train/classifier_loss (many points → downsampling). */
  stepsPerCycle?: number;
  /** Log image grids every cycle. */
  images?: boolean;
  /** Final status; undefined leaves the run RUNNING. */
  finish?: "SUCCEEDED" | "FAILED" | undefined;
}

export const SWEEP_EPSILONS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3];

/** The per-cycle metric points of a fixture run, as a trainer would report them. */
export function cyclePoints(run: FixtureRun, cycle: number): { key: string; step: number; value: number }[] {
  const rnd = random(run.seed * 1000 + cycle);
  const noise = () => (rnd() - 0.5) * 0.02;
  const t = 1 - Math.exp(-cycle / 5);
  const robust = run.method === "STANDARD" ? 0.08 + 0.04 * t : run.method === "FGSM" ? 0.2 + 0.6 * t : 0.15 + 0.55 * t;
  const points = [
    { key: "clean_accuracy", value: 0.9 + 0.07 * t + noise() },
    { key: "fgsm_accuracy", value: robust + noise() },
    { key: "classifier_loss", value: 0.5 * (1 - t) + 0.05 + Math.abs(noise()) },
    { key: "examples_per_second", value: Math.round(20000 + rnd() * 2000) },
  ];
  if (run.method === "GAN") {
    points.push(
      { key: "generator_loss", value: 0.3 + 0.6 * t + noise() },
      { key: "generator_attack_accuracy", value: 0.2 + 0.7 * t + noise() },
      { key: "ratio", value: 2 },
    );
  }
  return points.map((p) => ({ ...p, step: cycle }));
}

/** The end-of-run sweep points (step = round(ε × 1000)). */
export function sweepPoints(run: FixtureRun): { key: string; step: number; value: number }[] {
  const rnd = random(run.seed * 7919);
  return SWEEP_EPSILONS.flatMap((eps) => {
    const step = Math.round(eps * 1000);
    const base = run.method === "STANDARD" ? 0.9 - 2.8 * eps : 0.97 - 1.1 * eps;
    const keys = [
      "robustness/fgsm_accuracy",
      "robustness/pgd_accuracy",
      ...(run.method === "GAN" ? ["robustness/generator_accuracy"] : []),
    ];
    return keys.map((key, i) => ({ key, step, value: Math.max(0, Math.min(1, base - i * 0.05 + (rnd() - 0.5) * 0.02)) }));
  });
}

/** An image grid: 8 "digits" and their perturbed versions, as a 224×56 grayscale PNG. */
export function gridPng(seed: number, cycle: number): string {
  const rnd = random(seed * 31 + cycle);
  const width = 28 * 8;
  const height = 28 * 2;
  const pixels = new Uint8Array(width * height);
  for (let d = 0; d < 8; d++) {
    const cx = 14 + (rnd() - 0.5) * 6;
    const cy = 14 + (rnd() - 0.5) * 6;
    const r = 6 + rnd() * 4;
    for (let row = 0; row < 2; row++) {
      for (let y = 0; y < 28; y++) {
        for (let x = 0; x < 28; x++) {
          const ring = Math.abs(Math.hypot(x - cx, y - cy) - r) < 2 ? 230 : 0;
          const noise = row === 1 ? Math.floor(rnd() * (40 + cycle * 10)) : 0;
          pixels[(row * 28 + y) * width + d * 28 + x] = Math.min(255, ring + noise);
        }
      }
    }
  }
  return encodeGrayPng(width, height, pixels).toString("base64");
}

/** Logs one whole fixture run through the API; returns its id. */
export async function seedRun(apiUrl: string, run: FixtureRun): Promise<string> {
  const { startRun } = await query(apiUrl, StartRun, {
    input: {
      experimentName: run.experimentName,
      name: run.name,
      method: run.method,
      config: { cycles: run.cycles, ...run.config },
      tags: run.tags ?? [],
    },
  });
  const runId = startRun.id;
  for (let cycle = 0; cycle <= run.cycles; cycle++) {
    const points = cyclePoints(run, cycle);
    const steps = run.stepsPerCycle ?? 0;
    const rnd = random(run.seed + cycle * 13);
    for (let s = 0; s < steps; s++) {
      const step = cycle * steps + s;
      // A rare spike, so a downsampled chart must show it through its min/max band.
      const spike = step % 997 === 500 ? 2 : 0;
      points.push({ key: "train/classifier_loss", step, value: 0.05 + 0.5 * Math.exp(-step / (steps * 4 + 1)) + rnd() * 0.05 + spike });
    }
    await query(apiUrl, LogMetrics, { runId, points });
    if (run.images) {
      await query(apiUrl, LogImage, {
        runId,
        step: cycle,
        kind: "fgsm-examples",
        pngBase64: gridPng(run.seed, cycle),
        caption: `FGSM ε examples, cycle ${cycle}`,
      });
      if (run.method === "GAN") {
        await query(apiUrl, LogImage, {
          runId,
          step: cycle,
          kind: "generator-examples",
          pngBase64: gridPng(run.seed + 1, cycle),
          caption: `generator examples, cycle ${cycle}`,
        });
      }
    }
  }
  if (run.finish) {
    if (run.finish === "SUCCEEDED") await query(apiUrl, LogMetrics, { runId, points: sweepPoints(run) });
    await query(apiUrl, FinishRun, { runId, status: run.finish, error: run.finish === "FAILED" ? "out of memory in cycle 3" : null });
  }
  return runId;
}

/** The paper's study as finished fixture runs, plus a running and a failed one. */
export function paperFixtures(experimentName: string): FixtureRun[] {
  const common = { experimentName, cycles: 12, images: true, finish: "SUCCEEDED" as const, stepsPerCycle: 200 };
  return [
    { ...common, name: "standard", method: "STANDARD", seed: 1, tags: ["baseline"] },
    { ...common, name: "fgsm", method: "FGSM", seed: 2, tags: ["baseline"] },
    { ...common, name: "gan-2to1", method: "GAN", seed: 3, config: { schedule: { type: "constant", ratio: 2 } }, tags: ["paper"] },
    { ...common, name: "gan-4to1", method: "GAN", seed: 4, config: { schedule: { type: "constant", ratio: 4 } }, tags: ["paper"] },
    {
      ...common,
      name: "gan-stepped",
      method: "GAN",
      seed: 5,
      config: { schedule: { type: "stepped", ratios: [6, 8, 12], cyclesPerRatio: 5 } },
      tags: ["paper"],
    },
    {
      ...common,
      name: "gan-adaptive",
      method: "GAN",
      seed: 6,
      config: { schedule: { type: "adaptive", targetGeneratorLoss: 0.6, maxRatio: 1000 } },
      tags: ["paper"],
      finish: undefined,
      cycles: 30,
    },
    { ...common, name: "gan-broken", method: "GAN", seed: 7, cycles: 3, tags: ["paper"], finish: "FAILED" },
  ];
}
