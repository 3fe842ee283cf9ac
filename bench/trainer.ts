/**
 * Trainer throughput (docs/BENCHMARKS.md, "Trainer"): the trainer's own training steps on
 * the backend `npm start` would use (the best available), then on wasm for comparison.
 * Batch 128, Adam, real MNIST batches, median of timed windows after a warm-up.
 *
 *   npm run bench:trainer [-- --quick] [-- --compare-stock]
 *
 * Prints exactly one line per figure:
 *   backend: NAME
 *   classifier-mlp: N examples/s      classifier-cnn: N examples/s
 *   generator: N examples/s           (generator steps against a frozen MLP)
 *   attack-fgsm: N examples/s         (FGSM examples against the CNN)
 *   wasm-classifier-mlp: N examples/s wasm-classifier-cnn: N examples/s
 * With --compare-stock it measures only wasm, alternating stock tfjs-wasm (plus the minimal
 * composite Conv2DBackpropFilter a CNN needs) and the project's kernels, so that machine
 * load hits both alike: stock-wasm-… and wasm-… lines, three rounds.
 */
import { parseArgs } from "node:util";
import { useBackend } from "../trainer/src/compute/backend.ts";
import { useProjectWasmKernels } from "../trainer/src/compute/wasm/register.ts";
import {
  classifierTrainingThroughput,
  fgsmAttackThroughput,
  generatorTrainingThroughput,
  type ThroughputOptions,
} from "../trainer/src/methods/throughput.ts";

const { values: flags } = parseArgs({
  options: { quick: { type: "boolean", default: false }, "compare-stock": { type: "boolean", default: false } },
});
const options: ThroughputOptions = flags.quick ? { windows: 1, windowSeconds: 0.5, warmupSteps: 2 } : {};
const line = (name: string, examplesPerSecond: number) => console.log(`${name}: ${Math.round(examplesPerSecond)} examples/s`);

if (flags["compare-stock"]) {
  await useBackend("wasm");
  for (let round = 0; round < 3; round++) {
    for (const project of [false, true]) {
      useProjectWasmKernels(project);
      const prefix = project ? "wasm" : "stock-wasm";
      line(`${prefix}-classifier-mlp`, classifierTrainingThroughput("mlp", options));
      line(`${prefix}-classifier-cnn`, classifierTrainingThroughput("cnn", options));
      line(`${prefix}-generator`, generatorTrainingThroughput("mlp", options));
      line(`${prefix}-attack-fgsm`, fgsmAttackThroughput("cnn", options));
    }
  }
  process.exit(0);
}

const backend = await useBackend("auto", { warn: (message) => console.error(message) });
console.log(`backend: ${backend}`);
line("classifier-mlp", classifierTrainingThroughput("mlp", options));
line("classifier-cnn", classifierTrainingThroughput("cnn", options));
line("generator", generatorTrainingThroughput("mlp", options));
line("attack-fgsm", fgsmAttackThroughput("cnn", options));
await useBackend("wasm");
line("wasm-classifier-mlp", classifierTrainingThroughput("mlp", options));
line("wasm-classifier-cnn", classifierTrainingThroughput("cnn", options));
