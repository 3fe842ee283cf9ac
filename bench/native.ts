/**
 * Native backend benchmark (docs/BENCHMARKS.md, "Native backend"): the trainer's own
 * classifier steps and FGSM attack (trainer/src/methods/throughput.ts: batch 128, Adam,
 * real MNIST batches) on the native backend and on wasm, each figure the median of
 * several runs, since the machine is shared and single runs are noisy.
 *
 *   node --import tsx bench/native.ts [--repeats 3] [--quick] [--backends native,wasm] [--cpu-steps N]
 *
 * Prints one line per figure, e.g.
 *   classifier-mlp: 41234 examples/s (native, 2 threads; runs: 40110, 41234, 43020)
 *   wasm-classifier-mlp: 1890 examples/s (wasm; runs: ...)
 * OpenMP's thread count is read once at start-up: compare with OMP_NUM_THREADS=1.
 *
 * With --cpu-steps N it prints instead the CPU time (process.cpuUsage) of N classifier
 * training steps per step, after 5 untimed ones: under load, CPU time measures the code
 * where wall-clock time measures the other processes. Run it with OMP_NUM_THREADS=1, and
 * SPARRING_WINOGRAD=0 for oneDNN's direct 3×3 convolutions instead of Winograd's, and
 * SPARRING_POOL_WINNERS=0 for max-pool gradients that find the winners again (and a
 * dense filter gradient for conv1) instead of using max-pooling's record of them.
 */
import { parseArgs } from "node:util";
import * as tf from "@tensorflow/tfjs";
import { useBackend } from "../trainer/src/compute/backend.ts";
import { createBatchSampler } from "../trainer/src/data/batches.ts";
import { loadMnist } from "../trainer/src/data/mnist.ts";
import { createRandom } from "../trainer/src/data/random.ts";
import { createClassifier, type ClassifierKind } from "../trainer/src/models/classifier.ts";
import { batchTensors } from "../trainer/src/methods/phases.ts";
import { cleanStep } from "../trainer/src/methods/steps.ts";
import { classifierTrainingThroughput, fgsmAttackThroughput, type ThroughputOptions } from "../trainer/src/methods/throughput.ts";
import { loadAddon } from "../trainer/native/addon.ts";
import { ensureNativeBackend } from "../trainer/native/ensure-built.ts";

const { values: flags } = parseArgs({
  options: {
    repeats: { type: "string", default: "3" },
    quick: { type: "boolean", default: false },
    backends: { type: "string", default: "native,wasm" },
    "cpu-steps": { type: "string" },
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

/** CPU milliseconds per classifier training step (batch 128, Adam), over `steps` steps after 5 untimed. */
function cpuPerStep(kind: ClassifierKind, steps: number): number {
  const classifier = createClassifier(kind, createRandom(1));
  const optimizer = tf.train.adam(0.001);
  const sampler = createBatchSampler(loadMnist().train, createRandom(1));
  const step = () => {
    const [images, oneHot] = batchTensors(sampler.next(128));
    cleanStep(classifier, optimizer, images, oneHot).dispose();
    tf.dispose([images, oneHot]);
  };
  for (let i = 0; i < 5; i++) step();
  const start = process.cpuUsage();
  for (let i = 0; i < steps; i++) step();
  const used = process.cpuUsage(start);
  classifier.dispose();
  optimizer.dispose();
  return (used.user + used.system) / 1000 / steps;
}

for (const backend of flags.backends.split(",")) {
  if (backend === "native") await ensureNativeBackend();
  await useBackend(backend as "native" | "wasm" | "cpu");
  const loaded = loadAddon();
  const detail = backend === "native" && loaded.ok ? `native, ${loaded.addon.info().threads} threads` : backend;
  const prefix = backend === "native" ? "" : `${backend}-`;
  if (flags["cpu-steps"] != null) {
    for (const kind of ["mlp", "cnn"] as const) {
      const ms = cpuPerStep(kind, Number(flags["cpu-steps"]));
      console.log(`${prefix}classifier-${kind}-cpu: ${ms.toFixed(1)} ms CPU per step (${detail})`);
    }
    continue;
  }
  for (const [name, measure] of figures) {
    const runs = Array.from({ length: repeats }, measure).map(Math.round);
    console.log(`${prefix}${name}: ${median(runs)} examples/s (${detail}; runs: ${runs.join(", ")})`);
  }
}
