/**
 * Which PostgreSQL the platform uses: DATABASE_URL when set (any PostgreSQL 14+), else
 * the embedded server in DATA_DIR. Either way it is migrated before use.
 */
import type { PlatformConfig } from "../config/env.ts";
import { startEmbeddedPostgres } from "./embedded.ts";
import { runMigrations } from "./migrate.ts";

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function openDatabase(
  config: Pick<PlatformConfig, "databaseUrl" | "dataDir" | "embeddedPgPort">,
  log: (line: string) => void,
  options: { migrate?: boolean } = {},
): Promise<Database> {
  let database: Database;
  if (config.databaseUrl) {
    database = { url: config.databaseUrl, embedded: false, stop: async () => {} };
  } else {
    const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, (line) => {
      // initdb's progress and PostgreSQL's routine LOG lines are noise; problems are not.
      if (/\b(WARNING|ERROR|FATAL|PANIC)\b/.test(line)) log(line);
    });
    log(`embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${config.dataDir}/postgres)`);
    database = { url: embedded.url, embedded: true, stop: embedded.stop };
  }
  if (options.migrate ?? true) {
    try {
      await runMigrations(database.url);
    } catch (error) {
      await database.stop();
      throw error;
    }
  }
  return database;
}
