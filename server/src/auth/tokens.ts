/**
 * API tokens: created, listed and revoked by the `token` CLI and the platform supervisor,
 * verified by every API process. A token is 32 random bytes shown once as
 * `spt_<base64url>`; the database keeps only its SHA-256, so a leaked database row cannot
 * be used to call the API, and a token is looked up by hash, never compared as text.
 */
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../db/client.ts";
import type { Principal, Scope } from "./principal.ts";

const PREFIX = "spt_";
/** `spt_` and 43 base64url characters (32 bytes). */
const TOKEN_SHAPE = /^spt_[A-Za-z0-9_-]{43}$/;
const NAME_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** A refusal the CLI shows as is (unknown name, duplicate, bad name). */
export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenError";
  }
}

/** A fresh token; only ever shown to its creator. */
export function generateToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** What the database stores for a token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What `token list` shows: never the hash. */
export interface TokenInfo {
  name: string;
  scope: Scope;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** @throws TokenError naming what a valid token name looks like. */
export function checkTokenName(name: string): string {
  if (!NAME_SHAPE.test(name)) {
    throw new TokenError(`token name "${name}": use 1 to 64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit`);
  }
  return name;
}

/**
 * Creates a token and returns it (the only time it exists outside the caller's hands).
 * With `replace`, a token of the same name is revoked in the same transaction (the
 * supervisor's `local-workers` token at each start); without, a taken name is refused.
 * @throws TokenError for a bad or taken name.
 */
export async function createToken(
  prisma: PrismaClient,
  input: { name: string; scope: Scope; replace?: boolean },
): Promise<{ token: string; info: TokenInfo }> {
  const name = checkTokenName(input.name);
  const token = generateToken();
  const data = { name, scope: input.scope === "write" ? ("WRITE" as const) : ("READ" as const), hash: hashToken(token) };
  try {
    const row = await prisma.$transaction(async (tx) => {
      if (input.replace) await tx.apiToken.deleteMany({ where: { name } });
      return tx.apiToken.create({ data });
    });
    return { token, info: toInfo(row) };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new TokenError(`a token named "${name}" already exists (revoke it first)`);
    throw error;
  }
}

/** Every token, oldest first. */
export async function listTokens(prisma: PrismaClient): Promise<TokenInfo[]> {
  const rows = await prisma.apiToken.findMany({
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    select: { name: true, scope: true, createdAt: true, lastUsedAt: true },
  });
  return rows.map(toInfo);
}

/**
 * Deletes the token named `name`. API processes stop accepting it once their cache entry
 * expires (AUTH_CACHE_S).
 * @throws TokenError when there is no such token.
 */
export async function revokeToken(prisma: PrismaClient, name: string): Promise<void> {
  const { count } = await prisma.apiToken.deleteMany({ where: { name } });
  if (count === 0) throw new TokenError(`no token named "${name}"`);
}

function toInfo(row: { name: string; scope: "READ" | "WRITE"; createdAt: Date; lastUsedAt: Date | null }): TokenInfo {
  return { name: row.name, scope: row.scope === "WRITE" ? "write" : "read", createdAt: row.createdAt, lastUsedAt: row.lastUsedAt };
}

export interface VerifierOptions {
  /** How long a verification (either way) is trusted; 0 checks the database every time. */
  cacheMs: number;
  /** last_used_at is written at most this often per token and process. */
  touchEveryMs?: number;
  log?: (message: string) => void;
  now?: () => number;
}

/**
 * Checks presented tokens against the database, remembering each answer for a few seconds
 * so that a busy client costs one lookup per interval, not one per request. Revocation
 * therefore takes effect within `cacheMs`.
 */
export class TokenVerifier {
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();
  private readonly touched = new Map<string, number>();
  private readonly now: () => number;
  private readonly touchEveryMs: number;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: VerifierOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.touchEveryMs = options.touchEveryMs ?? 60_000;
  }

  /** The token's principal, or null when it is unknown or revoked. */
  async verify(token: string): Promise<Principal | null> {
    // Not one of ours: refused without a database round trip.
    if (!TOKEN_SHAPE.test(token)) return null;
    const hash = hashToken(token);
    const now = this.now();
    const cached = this.cache.get(hash);
    let principal: Principal | null;
    if (cached && cached.until > now) {
      principal = cached.principal;
    } else {
      const row = await this.prisma.apiToken.findUnique({ where: { hash }, select: { id: true, name: true, scope: true } });
      principal = row ? { key: `token:${row.id}`, name: row.name, scope: row.scope === "WRITE" ? "write" : "read" } : null;
      if (this.options.cacheMs > 0) {
        // Bounded: a flood of made-up tokens must not grow the map without end.
        if (this.cache.size >= 10_000) this.cache.clear();
        this.cache.set(hash, { principal, until: now + this.options.cacheMs });
      }
    }
    if (principal) this.touch(principal.key.slice("token:".length), now);
    return principal;
  }

  /** Records last_used_at in the background, at most once per interval. */
  private touch(id: string, now: number): void {
    const last = this.touched.get(id);
    if (last !== undefined && now - last < this.touchEveryMs) return;
    this.touched.set(id, now);
    this.prisma.apiToken
      .updateMany({ where: { id }, data: { lastUsedAt: new Date(now) } })
      .catch((error: Error) => this.options.log?.(`could not record a token's last use: ${error.message}`));
  }
}
