/**
 * Migrations: schema.prisma has no change that a migration does not carry, the
 * generated migrations build exactly the snapshot's model, and all of them apply
 * offline to an empty PostgreSQL, twice without harm.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { startEmbeddedPostgres } from "../../server/src/db/embedded.ts";
import { runMigrations } from "../../server/src/db/migrate.ts";
import { ROOT } from "../support/platform.ts";

const SNAPSHOT = "prisma/migrations/schema.snapshot.prisma";

// Prisma's CLI opens its driver adapter's connection even to diff two datamodels.
let dir: string;
let database: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "sparring-migrations-"));
  database = await startEmbeddedPostgres(dir, 0);
});
after(async () => {
  await database?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

function diff(from: string[], to: string[]): string[] {
  const sql = execFileSync("bash", ["scripts/prisma.sh", "migrate", "diff", ...from, ...to, "--script"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: database.url },
  });
  return sql.split("\n").filter((line) => line.trim() && !line.startsWith("--"));
}

test("schema.prisma has no change without a migration", () => {
  const pending = diff(["--from-schema-datamodel", SNAPSHOT], ["--to-schema-datamodel", "prisma/schema.prisma"]);
  assert.deepEqual(pending, [], "schema.prisma changed without a migration: npm run db:migration -- NAME");
});

test("the generated migrations build the snapshot's model", () => {
  // Hand-written migrations (triggers, functions) say so in their first line.
  const generated = readdirSync(path.join(ROOT, "prisma/migrations"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => readFileSync(path.join(ROOT, "prisma/migrations", e.name, "migration.sql"), "utf8"))
    .filter((sql) => !sql.startsWith("-- hand-written"));
  const lines = generated
    .join("\n")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("--"));
  // Compared as sets of statements: Prisma orders one script by kind (enums, tables,
  // indexes, keys), which later migrations cannot follow.
  assert.deepEqual(statements(lines), statements(diff(["--from-empty"], ["--to-schema-datamodel", SNAPSHOT])));
});

/** SQL lines grouped into statements (each ends with a line ending in ";"), sorted. */
function statements(lines: string[]): string[] {
  const all: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    current.push(line);
    if (line.trimEnd().endsWith(";")) {
      all.push(current.join("\n"));
      current = [];
    }
  }
  if (current.length > 0) all.push(current.join("\n"));
  return all.sort();
}

test("migrations apply offline to an empty database, and again as a no-op", async () => {
  await runMigrations(database.url);
  await runMigrations(database.url);
});
