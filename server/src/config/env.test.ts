import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, readConfig } from "./env.ts";

test("defaults match the README", () => {
  const config = readConfig({}, "/srv/sparring");
  assert.equal(config.dataDir, "/srv/sparring/.data");
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.host, "127.0.0.1");
  assert.equal(config.apiPort, 4000);
  assert.equal(config.webPort, 3000);
  assert.equal(config.workers, 1);
  assert.equal(config.runTimeoutS, 120);
  assert.deepEqual([config.rateLimitPerS, config.rateLimitBurst], [500, 1000]);
  assert.equal(readConfig({ RATE_LIMIT_PER_S: "0" }).rateLimitPerS, 0, "0 turns the rate limit off");
});

test("every bad value is refused naming its variable", () => {
  const cases: [Record<string, string>, string][] = [
    [{ API_PORT: "http" }, "API_PORT"],
    [{ API_PORT: "70000" }, "API_PORT"],
    [{ WEB_PORT: "-1" }, "WEB_PORT"],
    [{ WORKERS: "two" }, "WORKERS"],
    [{ RUN_TIMEOUT_S: "0" }, "RUN_TIMEOUT_S"],
    [{ DATABASE_URL: "mysql://x/y" }, "DATABASE_URL"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ HOST: "bad host!" }, "HOST"],
    [{ API_PORT: "3000", WEB_PORT: "3000" }, "WEB_PORT"],
    [{ AUTH: "on" }, "AUTH"],
    [{ AUTH_CACHE_S: "-1" }, "AUTH_CACHE_S"],
    [{ RATE_LIMIT_PER_S: "fast" }, "RATE_LIMIT_PER_S"],
    [{ RATE_LIMIT_BURST: "0" }, "RATE_LIMIT_BURST"],
  ];
  for (const [env, variable] of cases) {
    assert.throws(
      () => readConfig(env),
      (error: unknown) => error instanceof ConfigError && error.variable === variable && error.message.startsWith(`${variable}:`),
    );
  }
});

test("values are taken as given", () => {
  const config = readConfig({ API_PORT: "4100", WORKERS: "0", DATABASE_URL: "postgresql://u:p@db:5432/s", DATA_DIR: "/tmp/x" });
  assert.equal(config.apiPort, 4100);
  assert.equal(config.workers, 0);
  assert.equal(config.databaseUrl, "postgresql://u:p@db:5432/s");
  assert.equal(config.dataDir, "/tmp/x");
});

test("SPARRING_PARTS picks the parts npm start runs", () => {
  assert.deepEqual([...readConfig({ SPARRING_PARTS: "api,workers" }).parts], ["api", "workers"]);
  assert.throws(() => readConfig({ SPARRING_PARTS: "api,gpu" }), /SPARRING_PARTS: unknown part "gpu"/);
  assert.throws(() => readConfig({ SPARRING_PARTS: "web" }), /SPARRING_PARTS: must include api/);
});

test("AUTH defaults to off on a loopback HOST and to required on any other; an explicit value wins", () => {
  assert.equal(readConfig({}).auth, "off");
  assert.equal(readConfig({ HOST: "localhost" }).auth, "off");
  assert.equal(readConfig({ HOST: "0.0.0.0" }).auth, "required");
  assert.equal(readConfig({ HOST: "10.1.2.3" }).auth, "required");
  assert.equal(readConfig({ AUTH: "required" }).auth, "required");
  assert.equal(readConfig({ HOST: "0.0.0.0", AUTH: "off" }).auth, "off");
  assert.equal(readConfig({}).authCacheS, 5);
  assert.equal(readConfig({ AUTH_CACHE_S: "0" }).authCacheS, 0);
  assert.throws(() => readConfig({ AUTH: "yes" }), /^ConfigError: AUTH: expected one of off, required, got "yes"$/);
});
