/**
 * The wasm backend in Node: the .wasm binaries are read from the installed package (file
 * paths work with setWasmPaths in Node) and the project's kernels are registered before
 * the backend initialises.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { installWasmAdam } from "./adam.ts";
import { registerWasmKernels } from "./register.ts";

/** The folder holding tfjs-backend-wasm's .wasm files. */
function wasmDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist");
}

let prepared = false;

/** Points the wasm backend at its binaries, registers the project's kernels and its one-pass Adam (idempotent). */
export function prepareWasmBackend(): void {
  if (prepared) return;
  const directory = wasmDirectory();
  setWasmPaths({
    "tfjs-backend-wasm.wasm": join(directory, "tfjs-backend-wasm.wasm"),
    "tfjs-backend-wasm-simd.wasm": join(directory, "tfjs-backend-wasm-simd.wasm"),
    "tfjs-backend-wasm-threaded-simd.wasm": join(directory, "tfjs-backend-wasm-threaded-simd.wasm"),
  });
  registerWasmKernels();
  installWasmAdam();
  prepared = true;
}

/** Whether tfjs knows a backend of this name (registered, not necessarily initialised). */
export function isRegistered(name: string): boolean {
  return tf.findBackendFactory(name) != null;
}
