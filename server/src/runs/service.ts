/**
 * Runs: launching (validated config, QUEUED or RUNNING at once), their lifecycle
 * (cancel, finish) and annotations (tags, notes). Every change is published as a run
 * event in the same transaction, so subscribers see only what was committed.
 */
import { GraphQLError } from "graphql";
import { randomBytes } from "node:crypto";
import { resolveTrainingConfig, TrainingConfigError } from "../../../trainer/src/config/training-config.ts";
import type { Prisma, PrismaClient, RunRow } from "../db/client.ts";
import { publish } from "../events/bus.ts";
import { resolveLaunchExperiment } from "../experiments/service.ts";
import { badInput, checkJsonSize, checkString, checkTags, isUuid, notFound } from "../graphql/errors.ts";
import type { LaunchRunInput, RunStatus } from "../graphql/generated/resolvers.ts";

type Tx = Prisma.TransactionClient;

export const FINAL_STATUSES: readonly RunStatus[] = ["SUCCEEDED", "FAILED", "CANCELED"];

/** Characters of a run's name. */
export const MAX_RUN_NAME = 200;
/** Characters of a run's notes. */
export const MAX_NOTES = 100_000;
/** Characters of the error a FAILED run records. */
export const MAX_ERROR = 20_000;
/** Runs one launchRuns call may launch. */
export const MAX_RUNS_PER_LAUNCH = 500;
/** A launch's config, before validation: characters of JSON and levels of nesting. */
export const MAX_CONFIG_CHARS = 64 * 1024;
export const MAX_CONFIG_DEPTH = 10;

export async function getRun(prisma: PrismaClient | Tx, id: string): Promise<RunRow | null> {
  if (!isUuid(id)) return null;
  return prisma.run.findUnique({ where: { id } });
}

export async function requireRun(prisma: PrismaClient | Tx, id: string): Promise<RunRow> {
  const run = await getRun(prisma, id);
  if (!run) throw notFound("run", id);
  return run;
}

/** Validates and completes a launch's config, naming the offending field on refusal. */
export function checkConfig(config: unknown, field = "input.config"): Record<string, unknown> {
  // Bounded first: the validator's messages quote what they refuse.
  checkJsonSize(field, config, { maxChars: MAX_CONFIG_CHARS, maxDepth: MAX_CONFIG_DEPTH });
  try {
    return resolveTrainingConfig(config) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TrainingConfigError) {
      const first = error.issues[0]!;
      const path = first.field.replace(/^config/, field);
      throw new GraphQLError(`${path}: ${first.message}`, {
        extensions: {
          code: "BAD_USER_INPUT",
          field: path,
          issues: error.issues.map((i) => ({ field: i.field.replace(/^config/, field), message: i.message })),
        },
      });
    }
    throw error;
  }
}

async function uniqueName(tx: Tx, experimentId: string, input: LaunchRunInput, field: string): Promise<string> {
  if (input.name != null) {
    const name = checkString(field, input.name, { max: MAX_RUN_NAME });
    const taken = await tx.run.findUnique({ where: { experimentId_name: { experimentId, name } } });
    if (taken) throw badInput(field, `a run named ${JSON.stringify(name)} already exists in this experiment`);
    return name;
  }
  for (;;) {
    const name = `${input.method.toLowerCase()}-${randomBytes(3).toString("hex")}`;
    const taken = await tx.run.findUnique({ where: { experimentId_name: { experimentId, name } } });
    if (!taken) return name;
  }
}

async function createRun(tx: Tx, input: LaunchRunInput, status: "QUEUED" | "RUNNING", prefix: string): Promise<RunRow> {
  const config = checkConfig(input.config, `${prefix}.config`);
  const tags = checkTags(`${prefix}.tags`, input.tags ?? []);
  const experiment = await resolveLaunchExperiment(tx, {
    experimentId: input.experimentId,
    experimentName: input.experimentName,
  });
  const name = await uniqueName(tx, experiment.id, input, `${prefix}.name`);
  const now = new Date();
  const run = await tx.run.create({
    data: {
      experimentId: experiment.id,
      name,
      status,
      method: input.method,
      config: config as Prisma.InputJsonValue,
      tags,
      ...(status === "RUNNING" ? { startedAt: now, heartbeatAt: now } : {}),
    },
  });
  await publish(tx, { type: "run", runId: run.id });
  return run;
}

async function inTransaction<T>(prisma: PrismaClient, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(work);
  } catch (error) {
    // Two launches racing for the same run name: the unique index decides.
    if ((error as { code?: string }).code === "P2002")
      throw badInput("input.name", "a run with this name already exists in this experiment");
    throw error;
  }
}

/** launchRun: stored QUEUED for a worker to claim. */
export function launchRun(prisma: PrismaClient, input: LaunchRunInput): Promise<RunRow> {
  return inTransaction(prisma, (tx) => createRun(tx, input, "QUEUED", "input"));
}

/** startRun: RUNNING at once, for a trainer started by hand. */
export function startRun(prisma: PrismaClient, input: LaunchRunInput): Promise<RunRow> {
  return inTransaction(prisma, (tx) => createRun(tx, input, "RUNNING", "input"));
}

/** launchRuns: a whole study, all QUEUED or none. */
export function launchRuns(prisma: PrismaClient, inputs: readonly LaunchRunInput[]): Promise<RunRow[]> {
  if (inputs.length === 0) throw badInput("inputs", "must list at least one run");
  if (inputs.length > MAX_RUNS_PER_LAUNCH) throw badInput("inputs", `at most ${MAX_RUNS_PER_LAUNCH} runs at once (got ${inputs.length})`);
  return inTransaction(prisma, async (tx) => {
    const runs: RunRow[] = [];
    for (const [i, input] of inputs.entries()) runs.push(await createRun(tx, input, "QUEUED", `inputs[${i}]`));
    return runs;
  });
}

/**
 * Moves a run to a final status. Only an unfinished run can finish; finishing a run
 * that was CANCELED meanwhile as CANCELED again is accepted (a worker acknowledging).
 */
export async function finishRun(prisma: PrismaClient, runId: string, status: RunStatus, error?: string | null): Promise<RunRow> {
  if (!FINAL_STATUSES.includes(status)) {
    throw badInput("status", `must be one of ${FINAL_STATUSES.join(", ")} (got ${status})`);
  }
  const message = error == null ? null : checkString("error", error, { max: MAX_ERROR, allowEmpty: true });
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM runs WHERE id = ${runId}::uuid FOR UPDATE`;
    const run = rows[0] ? await requireRun(tx, runId) : undefined;
    if (!run) throw notFound("run", runId);
    if (run.status === "CANCELED" && status === "CANCELED") return run;
    if (FINAL_STATUSES.includes(run.status)) {
      throw badInput("runId", `run is already ${run.status}`);
    }
    const updated = await tx.run.update({
      where: { id: runId },
      data: { status, error: status === "FAILED" ? (message ?? "failed") : message, finishedAt: new Date() },
    });
    await publish(tx, { type: "run", runId });
    return updated;
  });
}

export async function cancelRun(prisma: PrismaClient, runId: string): Promise<RunRow> {
  if (!isUuid(runId)) throw notFound("run", runId);
  return prisma.$transaction(async (tx) => {
    const run = await requireRun(tx, runId);
    const updated = await tx.run.updateMany({
      where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "CANCELED", finishedAt: new Date() },
    });
    if (updated.count === 0) throw badInput("runId", `run is already ${run.status}`);
    await publish(tx, { type: "run", runId });
    return requireRun(tx, runId);
  });
}

export async function setRunTags(prisma: PrismaClient, runId: string, tags: readonly string[]): Promise<RunRow> {
  const checked = checkTags("tags", tags);
  return updateAnnotation(prisma, runId, { tags: checked });
}

export async function setRunNotes(prisma: PrismaClient, runId: string, notes: string): Promise<RunRow> {
  const checked = checkString("notes", notes, { max: MAX_NOTES, allowEmpty: true });
  return updateAnnotation(prisma, runId, { notes: checked });
}

async function updateAnnotation(prisma: PrismaClient, runId: string, data: { tags?: string[]; notes?: string }): Promise<RunRow> {
  if (!isUuid(runId)) throw notFound("run", runId);
  return prisma.$transaction(async (tx) => {
    await requireRun(tx, runId);
    const run = await tx.run.update({ where: { id: runId }, data });
    await publish(tx, { type: "run", runId });
    return run;
  });
}

export async function listTags(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest(tags) AS tag FROM runs ORDER BY tag`;
  return rows.map((r) => r.tag);
}
