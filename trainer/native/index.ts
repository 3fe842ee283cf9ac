/**
 * The native compute backend for the trainer: `registerNativeBackend()` registers a
 * tfjs backend named "native" — tfjs's cpu backend with the heavy kernels replaced by
 * an N-API addon on oneDNN (src/) — when the addon is built. How it is built, what it
 * replaces and how fast it is: docs/BENCHMARKS.md, "Native backend".
 */
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-cpu";
import { loadAddon, type NativeAddon } from "./addon.ts";
import { installNativeAdam } from "./adam.ts";
import { NativeBackend } from "./backend.ts";
import { convKernels } from "./kernels/conv.ts";
import { elementwiseKernels } from "./kernels/elementwise.ts";
import { matmulKernels } from "./kernels/matmul.ts";
import type { NativeKernel } from "./kernels/native-kernel.ts";
import { poolKernels } from "./kernels/pool.ts";
import { reduceKernels } from "./kernels/reduce.ts";
import { softmaxCrossEntropyKernels } from "./kernels/softmax-cross-entropy.ts";
import { installFusedGradients } from "./kernels/fused-gradients.ts";

/** The backend name to pass to tf.setBackend. */
export const NATIVE_BACKEND = "native";

/** Every kernel the addon provides, by tfjs kernel name. */
export const NATIVE_KERNELS: readonly NativeKernel[] = [
  ...matmulKernels,
  ...convKernels,
  ...poolKernels,
  ...elementwiseKernels,
  ...reduceKernels,
  ...softmaxCrossEntropyKernels,
];

let registration: Promise<boolean> | undefined;

/**
 * Registers the "native" tfjs backend when the addon is built and loads.
 *
 * @returns true when "native" is registered (select it with
 * `await tf.setBackend("native")`); false when the addon is missing or cannot load, after
 * printing — once per process — one line saying what to install for full speed.
 * @remarks Idempotent. While "native" is the active backend, tfjs's AdamOptimizer
 * uses a one-pass native update and the gradients of ReLU and ClipByValue one-pass
 * kernels; other backends keep tfjs's own definitions.
 */
export function registerNativeBackend(): Promise<boolean> {
  registration ??= Promise.resolve().then(register);
  return registration;
}

function register(): boolean {
  const loaded = loadAddon();
  if (!loaded.ok) {
    console.warn(`native backend unavailable (${loaded.reason}); for full speed: apt-get install -y libdnnl-dev && npm run build:native`);
    return false;
  }
  const addon: NativeAddon = loaded.addon;
  tf.registerBackend(NATIVE_BACKEND, () => new NativeBackend(addon), 0);
  registerKernels();
  installNativeAdam();
  installFusedGradients(NATIVE_BACKEND);
  return true;
}

/**
 * Every cpu kernel, registered again for "native"; the ones the addon covers run
 * natively and fall back to the cpu implementation for inputs they decline.
 */
function registerKernels(): void {
  const native = new Map(NATIVE_KERNELS.map((k) => [k.kernelName, k]));
  for (const config of tf.getKernelsForBackend("cpu")) {
    const kernel = native.get(config.kernelName);
    const cpu = config.kernelFunc;
    const viaCpu: tf.KernelFunc = (args) => {
      const outputs = cpu(args);
      (args.backend as NativeBackend).keepViewsSafe(args.inputs, outputs);
      return outputs;
    };
    const kernelFunc: tf.KernelFunc =
      kernel == null ? viaCpu : (args) => kernel.run(args as Parameters<NativeKernel["run"]>[0]) ?? viaCpu(args);
    tf.registerKernel({ ...config, backendName: NATIVE_BACKEND, kernelFunc });
    native.delete(config.kernelName);
  }
  // Kernels of our own (no cpu counterpart); callers only use them with inputs they cover.
  for (const kernel of native.values()) {
    const kernelFunc: tf.KernelFunc = (args) => {
      const out = kernel.run(args as Parameters<NativeKernel["run"]>[0]);
      if (out == null) throw new Error(`native kernel ${kernel.kernelName}: inputs not covered`);
      return out;
    };
    tf.registerKernel({ kernelName: kernel.kernelName, backendName: NATIVE_BACKEND, kernelFunc });
  }
}
