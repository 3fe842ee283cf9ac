/**
 * Native backend benchmark (docs/BENCHMARKS.md, "Native backend"): the trainer's own
 * classifier steps and FGSM attack (trainer/src/methods/throughput.ts: batch 128, Adam,
 * real MNIST batches) on the native backend and on wasm, each figure the median of
 * several runs, since the machine is shared and single runs are noisy.
 *
 *   node --import tsx bench/native.ts [--repeats 3] [--quick] [--backends native,wasm]
 *
 * Prints one line per figure, e.g.
 *   classifier-mlp: 41234 examples/s (native, 2 threads; runs: 40110, 41234, 43020)
 *   wasm-classifier-mlp: 1890 examples/s (wasm; runs: ...)
 * OpenMP's thread count is read once at start-up: compare with OMP_NUM_THREADS=1.
 */
import { parseArgs } from "node:util";
import { useBackend } from "../trainer/src/compute/backend.ts";
import { classifierTrainingThroughput, fgsmAttackThroughput, type ThroughputOptions } from "../trainer/src/methods/throughput.ts";
import { loadAddon } from "../trainer/native/addon.ts";
import { ensureNativeBackend } from "../trainer/native/ensure-built.ts";

const { values: flags } = parseArgs({
  options: {
    repeats: { type: "string", default: "3" },
    quick: { type: "boolean", default: false },
    backends: { type: "string", default: "native,wasm" },
  },
});
const repeats = Number(flags.repeats);
const options: ThroughputOptions = flags.quick ? { windows: 1, windowSeconds: 0.5, warmupSteps: 2 } : { windows: 3, windowSeconds: 1.5 };

const figures: Array<[string, () => number]> = [
  ["classifier-mlp", () => classifierTrainingThroughput("mlp", options)],
  ["classifier-cnn", () => classifierTrainingThroughput("cnn", options)],
  ["attack-fgsm", () => fgsmAttackThroughput("cnn", options)],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const backend of flags.backends.split(",")) {
  if (backend === "native") await ensureNativeBackend();
  await useBackend(backend as "native" | "wasm" | "cpu");
  const loaded = loadAddon();
  const detail = backend === "native" && loaded.ok ? `native, ${loaded.addon.info().threads} threads` : backend;
  for (const [name, measure] of figures) {
    const runs = Array.from({ length: repeats }, measure).map(Math.round);
    const prefix = backend === "native" ? "" : `${backend}-`;
    console.log(`${prefix}${name}: ${median(runs)} examples/s (${detail}; runs: ${runs.join(", ")})`);
  }
}
