/**
 * Trainer throughput (docs/BENCHMARKS.md, "Trainer"): the trainer's own training steps on
 * the backend `npm start` would use (the best available), then on wasm for comparison.
 * Batch 128, Adam, real MNIST batches, median of timed windows after a warm-up.
 *
 *   npm run bench:trainer [-- --quick]
 *
 * Prints exactly one line per figure:
 *   backend: NAME
 *   classifier-mlp: N examples/s      classifier-cnn: N examples/s
 *   generator: N examples/s           (generator steps against a frozen MLP)
 *   attack-fgsm: N examples/s         (FGSM examples against the CNN)
 *   wasm-classifier-mlp: N examples/s wasm-classifier-cnn: N examples/s
 */
import { parseArgs } from "node:util";
import { useBackend } from "../trainer/src/compute/backend.ts";
import {
  classifierTrainingThroughput,
  fgsmAttackThroughput,
  generatorTrainingThroughput,
  type ThroughputOptions,
} from "../trainer/src/methods/throughput.ts";

const { values: flags } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const options: ThroughputOptions = flags.quick ? { windows: 1, windowSeconds: 0.5, warmupSteps: 2 } : {};
const line = (name: string, examplesPerSecond: number) => console.log(`${name}: ${Math.round(examplesPerSecond)} examples/s`);

const backend = await useBackend("auto", { warn: (message) => console.error(message) });
console.log(`backend: ${backend}`);
line("classifier-mlp", classifierTrainingThroughput("mlp", options));
line("classifier-cnn", classifierTrainingThroughput("cnn", options));
line("generator", generatorTrainingThroughput("mlp", options));
line("attack-fgsm", fgsmAttackThroughput("cnn", options));
await useBackend("wasm");
line("wasm-classifier-mlp", classifierTrainingThroughput("mlp", options));
line("wasm-classifier-cnn", classifierTrainingThroughput("cnn", options));
