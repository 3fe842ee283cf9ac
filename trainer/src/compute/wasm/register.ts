/**
 * The project's kernels for the wasm backend: the one it lacks for training a CNN
 * (Conv2DBackpropFilter) and faster replacements for the kernels where stock tfjs-wasm
 * loses most of its training time. Each replacement wraps the stock kernel and keeps it
 * for the cases it does not speed up.
 */
import * as tf from "@tensorflow/tfjs";
import { setWasmAdamEnabled } from "./adam.ts";
import { batchMatMulKernel } from "./batch-mat-mul.ts";
import { conv2dBackpropFilterComposite, conv2dBackpropFilterKernel } from "./conv2d-backprop-filter.ts";
import { conv2dBackpropInputKernel } from "./conv2d-backprop-input.ts";
import { maxPoolGradKernel } from "./max-pool-grad.ts";
import { castKernel, identityKernel } from "./shared-data.ts";
import { sumKernel } from "./sum.ts";

let project: tf.KernelConfig[] | undefined;
let stock: tf.KernelConfig[] | undefined;

function install(kernels: tf.KernelConfig[]): void {
  for (const kernel of kernels) {
    if (tf.getKernel(kernel.kernelName, "wasm")) tf.unregisterKernel(kernel.kernelName, "wasm");
    tf.registerKernel(kernel);
  }
}

/**
 * Registers the kernels; call after importing @tensorflow/tfjs-backend-wasm and before the
 * backend initialises (the wrapped kernels' setup must run at initialisation). Idempotent.
 */
export function registerWasmKernels(): void {
  if (project) return;
  const kernels = [
    batchMatMulKernel(),
    conv2dBackpropInputKernel(),
    sumKernel(),
    identityKernel(),
    castKernel(),
    conv2dBackpropFilterKernel,
    maxPoolGradKernel,
  ];
  // A replaced stock kernel's setup still runs at initialisation, so that switching back works.
  project = kernels.map((k) => ({ ...k, setupFunc: k.setupFunc ?? tf.getKernel(k.kernelName, "wasm")?.setupFunc }));
  // What stock tfjs-wasm has, plus the minimal composite a CNN needs to train at all
  // (transposes and a convolution): the baseline the benchmark compares against.
  stock = project.map((k) =>
    k.kernelName === "Conv2DBackpropFilter" ? conv2dBackpropFilterComposite : tf.getKernel(k.kernelName, "wasm")!,
  );
  install(project);
}

/**
 * For benchmarks: switches between the project's kernels and one-pass Adam (true, the
 * default) and stock tfjs-wasm (false). Call after registerWasmKernels().
 */
export function useProjectWasmKernels(enabled: boolean): void {
  if (!project || !stock) throw new Error("registerWasmKernels() first");
  install(enabled ? project : stock);
  setWasmAdamEnabled(enabled);
}
