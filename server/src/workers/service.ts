/**
 * Workers: trainer processes anywhere that claim QUEUED runs through the API and keep
 * them alive with heartbeats. Claiming is safe under concurrency (FOR UPDATE SKIP
 * LOCKED: two workers never get the same run), and a RUNNING run whose heartbeat is
 * older than RUN_TIMEOUT_S is failed with "worker lost" by whichever API process looks first.
 */
import type { PrismaClient, RunRow, WorkerRow } from "../db/client.ts";
import { publish } from "../events/bus.ts";
import { badInput, checkString, isUuid, notFound, quote } from "../graphql/errors.ts";
import { BACKENDS } from "../../../trainer/src/config/training-config.ts";

export const WORKER_LOST = "worker lost";
/** Characters of a worker id and of a host name. */
export const MAX_WORKER_ID = 200;
export const MAX_HOSTNAME = 255;

export async function claimRun(
  prisma: PrismaClient,
  args: { workerId: string; backend?: string | null; hostname?: string | null },
): Promise<RunRow | null> {
  const workerId = checkString("workerId", args.workerId, { max: MAX_WORKER_ID });
  const hostname = args.hostname == null ? null : checkString("hostname", args.hostname, { max: MAX_HOSTNAME, allowEmpty: true });
  if (args.backend != null && !(BACKENDS as readonly string[]).includes(args.backend)) {
    throw badInput("backend", `must be one of ${BACKENDS.join(", ")} (got ${quote(args.backend)})`);
  }
  const backend = args.backend && args.backend !== "auto" ? args.backend : null;
  return prisma.$transaction(async (tx) => {
    await tx.worker.upsert({
      where: { id: workerId },
      create: { id: workerId, hostname },
      update: { lastSeenAt: new Date(), ...(hostname != null ? { hostname } : {}) },
    });
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE runs SET status = 'RUNNING', worker_id = ${workerId}, started_at = now(), heartbeat_at = now(),
        config = CASE WHEN ${backend}::text IS NOT NULL AND config->>'backend' = 'auto'
                      THEN jsonb_set(config, '{backend}', to_jsonb(${backend}::text)) ELSE config END
      WHERE id = (
        SELECT id FROM runs WHERE status = 'QUEUED' ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
      )
      RETURNING id::text`;
    const id = claimed[0]?.id;
    if (!id) return null;
    await publish(tx, { type: "run", runId: id });
    return tx.run.findUniqueOrThrow({ where: { id } });
  });
}

/** Keeps a RUNNING run alive; returns the run so a worker sees when it was CANCELED. */
export async function heartbeat(prisma: PrismaClient, runId: string): Promise<RunRow> {
  if (!isUuid(runId)) throw notFound("run", runId);
  const now = new Date();
  const updated = await prisma.run.updateMany({ where: { id: runId, status: "RUNNING" }, data: { heartbeatAt: now } });
  const run = await prisma.run.findUnique({ where: { id: runId } });
  if (!run) throw notFound("run", runId);
  if (updated.count > 0 && run.workerId) {
    await prisma.worker.updateMany({ where: { id: run.workerId }, data: { lastSeenAt: now } });
  }
  return run;
}

/** Fails RUNNING runs whose heartbeat is too old; returns how many. */
export async function failLostRuns(prisma: PrismaClient, timeoutS: number): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const lost = await tx.$queryRaw<{ id: string }[]>`
      UPDATE runs SET status = 'FAILED', error = ${WORKER_LOST}, finished_at = now()
      WHERE status = 'RUNNING' AND coalesce(heartbeat_at, started_at, created_at) < now() - make_interval(secs => ${timeoutS})
      RETURNING id::text`;
    for (const run of lost) await publish(tx, { type: "run", runId: run.id });
    return lost.length;
  });
}

/** Runs failLostRuns every few seconds until stopped. */
export function startReaper(prisma: PrismaClient, timeoutS: number, log: (m: string) => void): () => void {
  const everyMs = Math.max(500, Math.min(5000, (timeoutS * 1000) / 4));
  const timer = setInterval(() => {
    failLostRuns(prisma, timeoutS).then(
      (n) => n > 0 && log(`${n} run(s) failed: ${WORKER_LOST}`),
      () => {}, // database away: the next tick tries again
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

export function listWorkers(prisma: PrismaClient): Promise<WorkerRow[]> {
  return prisma.worker.findMany({
    where: { lastSeenAt: { gt: new Date(Date.now() - 3600_000) } },
    orderBy: { lastSeenAt: "desc" },
  });
}

export function workerRuns(prisma: PrismaClient, workerId: string): Promise<RunRow[]> {
  return prisma.run.findMany({ where: { workerId, status: "RUNNING" }, orderBy: { startedAt: "asc" } });
}
