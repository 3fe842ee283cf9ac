/**
 * The one place that chooses where the trainer computes. Fastest first:
 * 1. "native": the project's oneDNN addon (trainer/native), when it is built;
 * 2. "tensorflow": @tensorflow/tfjs-node, if it happens to be installed (it cannot be
 *    installed here, so it is only ever imported dynamically, never required);
 * 3. "wasm": tfjs-backend-wasm with the project's kernels (compute/wasm/), always there;
 * 4. "cpu": tfjs' pure-JavaScript backend, hundreds of times slower for the CNN (a warning says so).
 * An explicit choice (config.backend other than "auto") is honoured or refused, never replaced.
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendName } from "../config/training-config.ts";
import { prepareWasmBackend } from "./wasm/setup.ts";

/** A backend the trainer can compute on. */
export type ComputeBackend = Exclude<BackendName, "auto">;

/** The order "auto" tries. */
export const BACKEND_PREFERENCE: readonly ComputeBackend[] = ["native", "tensorflow", "wasm", "cpu"];

export interface BackendOptions {
  /** Where warnings go (default: console.warn). */
  warn?: (message: string) => void;
}

type Loader = () => Promise<boolean>;

/** Dynamic specifiers, so that neither module is needed to type-check or to run. */
const NATIVE_MODULE = new URL("../../native/index.ts", import.meta.url).href;
const TFJS_NODE_MODULE = "@tensorflow/tfjs-node";

const loaders: Record<ComputeBackend, Loader> = {
  native: async () => {
    const native = (await importOptional(NATIVE_MODULE)) as { registerNativeBackend?: () => Promise<boolean> } | undefined;
    return typeof native?.registerNativeBackend === "function" && (await native.registerNativeBackend()) && (await tf.setBackend("native"));
  },
  tensorflow: async () =>
    (await importOptional(TFJS_NODE_MODULE)) !== undefined &&
    tf.findBackendFactory("tensorflow") != null &&
    (await tf.setBackend("tensorflow")),
  wasm: async () => {
    prepareWasmBackend();
    return tf.setBackend("wasm");
  },
  cpu: () => tf.setBackend("cpu"),
};

/** Imports a module that may be absent (or fail to load): undefined then. */
async function importOptional(specifier: string): Promise<unknown> {
  try {
    return await import(specifier);
  } catch {
    return undefined;
  }
}

let active: ComputeBackend | undefined;
/** What "auto" found best, so later "auto" requests do not probe again. */
let automatic: ComputeBackend | undefined;
let pending: Promise<ComputeBackend> | undefined;

/**
 * Makes the requested backend (or for "auto" the fastest available) the active tfjs backend.
 * @returns the backend now in use.
 * @throws Error when an explicitly requested backend is not available here.
 */
export function useBackend(requested: BackendName = "auto", options: BackendOptions = {}): Promise<ComputeBackend> {
  const previous = pending ?? Promise.resolve(undefined);
  // Serialised: two callers must not switch backends under each other.
  pending = previous.catch(() => undefined).then(() => choose(requested, options.warn ?? console.warn));
  return pending;
}

async function choose(requested: BackendName, warn: (message: string) => void): Promise<ComputeBackend> {
  const wanted = requested === "auto" ? automatic : requested;
  if (wanted !== undefined && wanted === active && tf.getBackend() === active) return active;
  const candidates = wanted !== undefined ? [wanted] : BACKEND_PREFERENCE;
  for (const name of candidates) {
    if (!(await loaders[name]())) continue;
    await tf.ready();
    if (name === "cpu") {
      warn("computing on the pure-JavaScript cpu backend: training will be very slow (the CNN hundreds of times slower than wasm)");
    }
    active = name;
    if (requested === "auto") automatic = name;
    return name;
  }
  throw new Error(`the "${requested}" compute backend is not available on this machine`);
}

/** The backend chosen by the last useBackend(), if any. */
export function activeBackend(): ComputeBackend | undefined {
  return active;
}
