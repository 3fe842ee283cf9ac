/**
 * Builds the addon when it is missing or older than its sources (for tests and
 * benchmarks, which must run on the real native backend rather than skip), then
 * registers the backend.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { loadAddon } from "./addon.ts";
import { registerNativeBackend } from "./index.ts";

const BUILD_SCRIPT = fileURLToPath(new URL("../../scripts/build-native.sh", import.meta.url));

/**
 * Makes sure the "native" backend is built and registered.
 * @throws when it cannot be built or loaded, with the build script's advice.
 */
export async function ensureNativeBackend(): Promise<void> {
  const build = spawnSync("bash", [BUILD_SCRIPT, "--if-stale"], { encoding: "utf8" });
  const loaded = loadAddon();
  if (!loaded.ok) {
    throw new Error(`native addon unavailable (${loaded.reason}); build output: ${(build.stdout + build.stderr).trim() || "none"}`);
  }
  if (!(await registerNativeBackend())) throw new Error("native backend failed to register");
}
