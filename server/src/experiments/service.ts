/**
 * Experiments: named groups of runs. Names are unique; a run launched with an
 * experimentName creates its experiment on first use.
 */
import DataLoader from "dataloader";
import type { Prisma, PrismaClient, ExperimentRow } from "../db/client.ts";
import { badInput, checkString, isUuid, notFound } from "../graphql/errors.ts";

type Tx = Prisma.TransactionClient | PrismaClient;

/** Characters of an experiment's name. */
export const MAX_EXPERIMENT_NAME = 200;
/** Characters of an experiment's description. */
export const MAX_DESCRIPTION = 10_000;

export function listExperiments(prisma: PrismaClient): Promise<ExperimentRow[]> {
  return prisma.experiment.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

export async function getExperiment(prisma: PrismaClient, id: string): Promise<ExperimentRow | null> {
  if (!isUuid(id)) return null;
  return prisma.experiment.findUnique({ where: { id } });
}

export async function createExperiment(prisma: Tx, name: string, description?: string | null): Promise<ExperimentRow> {
  const checkedName = checkString("name", name, { max: MAX_EXPERIMENT_NAME });
  const checkedDescription =
    description == null ? null : checkString("description", description, { max: MAX_DESCRIPTION, allowEmpty: true });
  const existing = await prisma.experiment.findUnique({ where: { name: checkedName } });
  if (existing) throw badInput("name", `an experiment named ${JSON.stringify(checkedName)} already exists`);
  try {
    return await prisma.experiment.create({ data: { name: checkedName, description: checkedDescription } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw badInput("name", `an experiment named ${JSON.stringify(checkedName)} already exists`);
    }
    throw error;
  }
}

/**
 * The experiment a launch names: by id (must exist) or by name (created when missing,
 * race-free through the unique index).
 */
export async function resolveLaunchExperiment(
  tx: Tx,
  input: { experimentId?: string | null; experimentName?: string | null },
): Promise<ExperimentRow> {
  const { experimentId, experimentName } = input;
  if (experimentId != null && experimentName != null) {
    throw badInput("experimentId", "give experimentId or experimentName, not both");
  }
  if (experimentId != null) {
    const experiment = isUuid(experimentId) ? await tx.experiment.findUnique({ where: { id: experimentId } }) : null;
    if (!experiment) throw notFound("experiment", experimentId);
    return experiment;
  }
  if (experimentName == null) throw badInput("experimentId", "give experimentId or experimentName");
  const name = checkString("experimentName", experimentName, { max: MAX_EXPERIMENT_NAME });
  // ON CONFLICT DO NOTHING, not upsert: concurrent launches into a new experiment must
  // all succeed (the later ones wait for the first insert, then find its row).
  await tx.experiment.createMany({ data: [{ name }], skipDuplicates: true });
  return tx.experiment.findUniqueOrThrow({ where: { name } });
}

export function createExperimentLoader(prisma: PrismaClient) {
  return new DataLoader<string, ExperimentRow | undefined>(async (ids) => {
    const rows = await prisma.experiment.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });
}

export function countRuns(prisma: PrismaClient, experimentId: string): Promise<number> {
  return prisma.run.count({ where: { experimentId } });
}
