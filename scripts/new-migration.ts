/**
 * `npm run db:migration -- NAME`: writes prisma/migrations/<timestamp>_NAME/migration.sql
 * with what prisma/schema.prisma adds to the schema the committed migrations build
 * (kept as prisma/migrations/schema.snapshot.prisma). Prisma's own diff, computed
 * between two datamodels, so it needs no database: `prisma migrate dev` and diffs
 * against a live database do not work offline with the driver adapter (ENVIRONMENT.md).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../server/src/db/embedded.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- NAME   (lower-case letters, digits and _)");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const snapshot = "prisma/migrations/schema.snapshot.prisma";

// Prisma's CLI opens its driver adapter's connection even to diff two datamodels.
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "sparring-migration-"));
const database = await startEmbeddedPostgres(scratch, 0);
let sql: string;
try {
  sql = execFileSync(
    "bash",
    [
      "scripts/prisma.sh",
      "migrate",
      "diff",
      "--from-schema-datamodel",
      snapshot,
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: database.url },
    },
  );
} finally {
  await database.stop();
  await fs.rm(scratch, { recursive: true, force: true });
}
if (!sql.split("\n").some((line) => line.trim() && !line.startsWith("--"))) {
  console.log("schema.prisma matches the migrations: nothing to write");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const target = path.join(root, "prisma/migrations", `${stamp}_${name}`);
  await fs.mkdir(target);
  await fs.writeFile(path.join(target, "migration.sql"), sql);
  const header =
    "// Snapshot of schema.prisma as the committed migrations build it; written by\n// `npm run db:migration`. Do not edit: it is what the next migration is diffed from.\n";
  await fs.writeFile(path.join(root, snapshot), header + (await fs.readFile(path.join(root, "prisma/schema.prisma"), "utf8")));
  console.log(`wrote ${path.relative(root, target)}/migration.sql and updated ${snapshot}`);
}
