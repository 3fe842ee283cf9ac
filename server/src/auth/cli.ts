/**
 * `npm run token -- create|list|revoke`: the administrator's way to manage API tokens. It
 * talks to the database directly, like migrations: DATABASE_URL, else the embedded
 * PostgreSQL in DATA_DIR (the one `npm start` is running, when it is). A new token is
 * printed once, on the last line of stdout; only its hash is stored.
 */
import { parseArgs } from "node:util";
import { ConfigError, readConfig } from "../config/env.ts";
import { createPrismaClient } from "../db/client.ts";
import { openDatabase, type Database } from "../db/database.ts";
import { runningEmbeddedUrl } from "../db/embedded.ts";
import type { Scope } from "./principal.ts";
import { createToken, listTokens, revokeToken, TokenError, type TokenInfo } from "./tokens.ts";

const HELP = `Usage: npm run token -- <command> [options]

  create --name NAME --scope read|write   make a token; it is printed once, on the last line
  list                                    every token: name, scope, created, last used
  revoke --name NAME                      delete a token (API processes refuse it within AUTH_CACHE_S seconds)

read: queries, subscriptions and images; write: also every change (workers, train, launching runs).
The database is DATABASE_URL's, else the embedded PostgreSQL in DATA_DIR (default ./.data).`;

/** A mistake in the command line: shown with the usage, exit code 2. */
class UsageError extends Error {}

type Command = { command: "create"; name: string; scope: Scope } | { command: "list" } | { command: "revoke"; name: string };

function parseCommand(argv: string[]): Command | "help" {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { name: { type: "string" }, scope: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) return "help";
  const [command, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const name = () => {
    if (!values.name?.trim()) throw new UsageError(`${command} needs --name NAME`);
    return values.name.trim();
  };
  switch (command) {
    case "create": {
      const scope = values.scope?.trim().toLowerCase();
      if (scope !== "read" && scope !== "write") {
        throw new UsageError(`--scope: expected read or write, got ${values.scope === undefined ? "nothing" : `"${values.scope}"`}`);
      }
      return { command, name: name(), scope };
    }
    case "list":
      return { command };
    case "revoke":
      return { command, name: name() };
    case undefined:
      throw new UsageError("missing command");
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** The platform's database, without disturbing a running platform. */
async function open(): Promise<Database> {
  const config = readConfig();
  if (!config.databaseUrl) {
    const running = await runningEmbeddedUrl(config.dataDir);
    if (running) return { url: running, embedded: true, stop: async () => {} };
  }
  // Starts (and afterwards stops) the embedded server when nothing runs; migrates either way.
  return openDatabase(config, (line) => console.error(line));
}

function when(date: Date | null): string {
  return date ? date.toISOString().replace(/\.\d+Z$/, "Z") : "never";
}

/** `token list` as a table: never a hash, never a token. */
function formatTokenTable(tokens: readonly TokenInfo[]): string {
  if (tokens.length === 0) return "no tokens (create one with: npm run token -- create --name NAME --scope read|write)";
  const rows = [["NAME", "SCOPE", "CREATED", "LAST USED"], ...tokens.map((t) => [t.name, t.scope, when(t.createdAt), when(t.lastUsedAt)])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

async function run(command: Command): Promise<void> {
  const database = await open();
  const prisma = createPrismaClient(database.url, 2);
  try {
    if (command.command === "create") {
      const { token } = await createToken(prisma, { name: command.name, scope: command.scope });
      console.log(`created ${command.scope} token "${command.name}"; it is shown only now, store it safely:`);
      console.log(token);
    } else if (command.command === "list") {
      console.log(formatTokenTable(await listTokens(prisma)));
    } else {
      await revokeToken(prisma, command.name);
      console.log(`revoked token "${command.name}"`);
    }
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

async function main(argv: string[]): Promise<number> {
  let command: Command | "help";
  try {
    command = parseCommand(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (command === "help") {
    console.log(HELP);
    return 0;
  }
  try {
    await run(command);
    return 0;
  } catch (error) {
    if (error instanceof TokenError) console.error(error.message);
    else if (error instanceof ConfigError) console.error(`configuration error: ${error.message}`);
    else console.error(`token ${command.command} failed: ${(error as Error).message}`);
    return 1;
  }
}

process.exit(await main(process.argv.slice(2)));
