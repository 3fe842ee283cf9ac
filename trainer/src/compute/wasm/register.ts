/**
 * The project's kernels for the wasm backend: the one it lacks for training a CNN
 * (Conv2DBackpropFilter) and faster replacements for the backward kernels where stock
 * tfjs-wasm loses most of its training time. Each replacement wraps the stock kernel and
 * keeps it for the cases it does not speed up.
 */
import * as tf from "@tensorflow/tfjs";
import { batchMatMulKernel } from "./batch-mat-mul.ts";
import { conv2dBackpropFilterKernel } from "./conv2d-backprop-filter.ts";
import { conv2dBackpropInputKernel } from "./conv2d-backprop-input.ts";
import { maxPoolGradKernel } from "./max-pool-grad.ts";
import { castKernel, identityKernel } from "./shared-data.ts";
import { sumKernel } from "./sum.ts";

let registered = false;

/**
 * Registers the kernels; call after importing @tensorflow/tfjs-backend-wasm and before the
 * backend initialises (the wrapped kernels' setup must run at initialisation). Idempotent.
 */
export function registerWasmKernels(): void {
  if (registered) return;
  const kernels = [
    batchMatMulKernel(),
    conv2dBackpropInputKernel(),
    sumKernel(),
    identityKernel(),
    castKernel(),
    conv2dBackpropFilterKernel,
    maxPoolGradKernel,
  ];
  for (const kernel of kernels) {
    if (tf.getKernel(kernel.kernelName, "wasm")) tf.unregisterKernel(kernel.kernelName, "wasm");
    tf.registerKernel(kernel);
  }
  registered = true;
}
