/**
 * The platform's configuration, read from the environment with defaults. A bad value
 * stops the start with a message naming the variable, before anything is started.
 */
import path from "node:path";
import { AUTH_MODES, parseAuthMode, type AuthMode } from "../auth/mode.ts";

export interface PlatformConfig {
  /** Where embedded PostgreSQL and other local state live. */
  dataDir: string;
  /** External PostgreSQL; undefined means "start the embedded one in dataDir". */
  databaseUrl: string | undefined;
  host: string;
  apiPort: number;
  webPort: number;
  /** Local trainer workers that `npm start` runs. */
  workers: number;
  /** Requests a second each token (or client address) may make to /graphql; 0 = no limit. */
  rateLimitPerS: number;
  /** Requests a token may make at once before RATE_LIMIT_PER_S applies. */
  rateLimitBurst: number;
  /** A RUNNING run without a heartbeat for this long becomes FAILED ("worker lost"). */
  runTimeoutS: number;
  /** Port of the embedded PostgreSQL; 0 picks a free one. */
  embeddedPgPort: number;
  /** Which parts `npm start` runs (SPARRING_PARTS, default all). */
  parts: Set<Part>;
  /** Whether requests need an API token (AUTH; default off on a loopback HOST, else required). */
  auth: AuthMode;
  /** How long an API process trusts a verified token before checking it again (AUTH_CACHE_S). */
  authCacheS: number;
}

/**
 * Requests a second per token by default: far above what the dashboard, a trainer or the
 * benchmarks' seeding send, low enough that one runaway client cannot take a whole API process.
 */
export const DEFAULT_RATE_LIMIT = { perSecond: 500, burst: 1000 } as const;

export const PARTS = ["api", "web", "workers"] as const;
export type Part = (typeof PARTS)[number];

function parts(env: Env): Set<Part> {
  const raw = env.SPARRING_PARTS?.trim();
  if (!raw) return new Set(PARTS);
  const chosen = raw.split(",").map((p) => p.trim());
  for (const part of chosen) {
    if (!(PARTS as readonly string[]).includes(part)) {
      throw new ConfigError("SPARRING_PARTS", `unknown part "${part}" (expected a comma-separated list of ${PARTS.join(", ")})`);
    }
  }
  if (!chosen.includes("api")) throw new ConfigError("SPARRING_PARTS", "must include api (the other parts need it)");
  return new Set(chosen as Part[]);
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    throw new ConfigError(name, `expected an integer between ${min} and ${max}, got "${raw}"`);
  }
  const value = Number(raw.trim());
  if (value < min || value > max) {
    throw new ConfigError(name, `expected an integer between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw.trim() === "") return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("DATABASE_URL", `not a URL: "${raw}"`);
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new ConfigError("DATABASE_URL", `expected a postgresql:// URL, got "${url.protocol}//…"`);
  }
  return raw;
}

function host(env: Env): string {
  const raw = (env.HOST ?? "").trim();
  if (raw === "") return "127.0.0.1";
  if (!/^[A-Za-z0-9.:-]+$/.test(raw)) throw new ConfigError("HOST", `not a host name or address: "${raw}"`);
  return raw;
}

/** Reads and checks the configuration; throws ConfigError naming the first bad variable. */
export function readConfig(env: Env = process.env, cwd = process.cwd()): PlatformConfig {
  const dataDir = path.resolve(cwd, env.DATA_DIR?.trim() || "./.data");
  const config: PlatformConfig = {
    dataDir,
    databaseUrl: databaseUrl(env),
    host: host(env),
    apiPort: integer(env, "API_PORT", 4000, 0, 65535),
    webPort: integer(env, "WEB_PORT", 3000, 0, 65535),
    workers: integer(env, "WORKERS", 1, 0, 64),
    rateLimitPerS: integer(env, "RATE_LIMIT_PER_S", DEFAULT_RATE_LIMIT.perSecond, 0, 1_000_000),
    rateLimitBurst: integer(env, "RATE_LIMIT_BURST", DEFAULT_RATE_LIMIT.burst, 1, 1_000_000),
    runTimeoutS: integer(env, "RUN_TIMEOUT_S", 120, 1, 86400),
    embeddedPgPort: integer(env, "EMBEDDED_PG_PORT", 54329, 0, 65535),
    parts: parts(env),
    auth: "off",
    authCacheS: integer(env, "AUTH_CACHE_S", 5, 0, 300),
  };
  const auth = parseAuthMode(env.AUTH, config.host);
  if (!auth) throw new ConfigError("AUTH", `expected one of ${AUTH_MODES.join(", ")}, got "${env.AUTH}"`);
  config.auth = auth;
  if (config.apiPort !== 0 && config.apiPort === config.webPort) {
    throw new ConfigError("WEB_PORT", `must differ from API_PORT (${config.apiPort})`);
  }
  return config;
}
