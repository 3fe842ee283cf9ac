/**
 * The token `npm start` gives its local workers under AUTH=required: a write token named
 * `local-workers`, minted afresh at every start (replacing the previous one, so that an old
 * copy stops working) and handed only to the worker processes.
 */
import { createToken } from "../auth/tokens.ts";
import { createPrismaClient } from "../db/client.ts";

export const WORKER_TOKEN_NAME = "local-workers";

/** Creates (or replaces) the local workers' write token; returns the token itself. */
export async function mintWorkerToken(databaseUrl: string): Promise<string> {
  const prisma = createPrismaClient(databaseUrl, 1);
  try {
    const { token } = await createToken(prisma, { name: WORKER_TOKEN_NAME, scope: "write", replace: true });
    return token;
  } finally {
    await prisma.$disconnect();
  }
}
