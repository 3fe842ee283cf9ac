/**
 * Training and attack throughput of the native backend against wasm (and optionally
 * cpu), on the two classifiers of training.md with batch 128 and Adam.
 *
 *   node --import tsx bench/native.ts [--backends native,wasm] [--repeats 3] [--quick]
 *
 * Prints one line per figure, e.g. `classifier-mlp: 61234 examples/s (native, median of 3)`;
 * figures for other backends are prefixed with the backend (`wasm-classifier-mlp:`).
 */
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { parseArgs } from "node:util";
import { registerNativeBackend } from "../trainer/native/index.ts";
import { createBenchClassifier, type BenchKind } from "./native-models.ts";

const BATCH = 128;
const { values: flags } = parseArgs({
  options: {
    backends: { type: "string", default: "native,wasm" },
    repeats: { type: "string", default: "3" },
    quick: { type: "boolean", default: false },
  },
});
const repeats = Number(flags.repeats);

/** Random images in [0, 1] and one-hot labels, enough for a few distinct batches. */
function makeData(batches: number) {
  const images = new Float32Array(batches * BATCH * 784);
  const labels = new Float32Array(batches * BATCH * 10);
  let state = 12345;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
  for (let i = 0; i < images.length; i++) images[i] = next();
  for (let i = 0; i < batches * BATCH; i++) labels[i * 10 + Math.floor(next() * 10)] = 1;
  return {
    batch(i: number): [tf.Tensor2D, tf.Tensor2D] {
      const j = i % batches;
      return [tf.tensor2d(images.subarray(j * BATCH * 784, (j + 1) * BATCH * 784), [BATCH, 784]), tf.tensor2d(labels.subarray(j * BATCH * 10, (j + 1) * BATCH * 10), [BATCH, 10])];
    },
  };
}

const data = makeData(8);

/** Examples per second over `steps` calls of `step` after `warmup` untimed ones. */
function rate(step: (i: number) => void, warmup: number, steps: number): number {
  for (let i = 0; i < warmup; i++) step(i);
  const start = performance.now();
  for (let i = 0; i < steps; i++) step(i);
  return (steps * BATCH) / ((performance.now() - start) / 1000);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function trainingRate(kind: BenchKind, steps: number): number {
  const model = createBenchClassifier(kind);
  const optimizer = tf.train.adam(0.001);
  const step = (i: number) =>
    tf.tidy(() => {
      const [x, y] = data.batch(i);
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x)) as tf.Scalar, false, model.variables);
    });
  const r = rate(step, 3, steps);
  // Read a weight back so that any lazily queued work is inside the measurement's scope.
  model.variables[0]!.dataSync();
  optimizer.dispose();
  tf.dispose(model.variables);
  return r;
}

/** FGSM examples (ε = 0.25) against the CNN: one input gradient per batch. */
function fgsmRate(steps: number): number {
  const model = createBenchClassifier("cnn");
  const step = (i: number) =>
    tf.tidy(() => {
      const [x, y] = data.batch(i);
      const gradient = tf.grad((images: tf.Tensor2D) => tf.losses.softmaxCrossEntropy(y, model.apply(images)))(x);
      tf.clipByValue(tf.add(x, tf.mul(tf.sign(gradient), 0.25)), 0, 1).dataSync();
    });
  const r = rate(step, 2, steps);
  tf.dispose(model.variables);
  return r;
}

const figures: Array<[string, (quick: boolean) => number]> = [
  ["classifier-mlp", (q) => trainingRate("mlp", q ? 30 : 150)],
  ["classifier-cnn", (q) => trainingRate("cnn", q ? 5 : 25)],
  ["attack-fgsm", (q) => fgsmRate(q ? 5 : 40)],
];

await registerNativeBackend();
for (const backend of flags.backends.split(",")) {
  if (!(await tf.setBackend(backend))) {
    console.log(`${backend}: not available`);
    continue;
  }
  // Slow backends get fewer steps: the cpu backend takes seconds per CNN step.
  const quick = flags.quick || backend === "cpu";
  for (const [name, measure] of figures) {
    const runs = Array.from({ length: repeats }, () => measure(quick));
    const prefix = backend === "native" ? "" : `${backend}-`;
    console.log(`${prefix}${name}: ${Math.round(median(runs))} examples/s (${backend}, median of ${repeats}: ${runs.map((r) => Math.round(r)).join(", ")})`);
  }
}
