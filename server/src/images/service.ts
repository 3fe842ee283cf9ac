/**
 * Run images (PNG grids of adversarial examples). Stored in PostgreSQL, so every API
 * process can serve every image; listings never load the bytes.
 */
import type { PrismaClient, RunImageRow } from "../db/client.ts";
import { publish } from "../events/bus.ts";
import { badInput, checkString, isUuid, notFound, runNotRunning } from "../graphql/errors.ts";
import { decodeBase64, inspectPng, MAX_IMAGE_BYTES } from "./png.ts";

/** Characters of an image kind (e.g. "fgsm-examples"). */
export const MAX_KIND_LENGTH = 100;
/** Characters of a caption. */
export const MAX_CAPTION = 2_000;

const LISTED = { id: true, runId: true, step: true, kind: true, caption: true, width: true, height: true, createdAt: true } as const;

export function imageUrl(image: Pick<RunImageRow, "id">): string {
  return `/images/${image.id}.png`;
}

export async function logImage(
  prisma: PrismaClient,
  args: { runId: string; step: number; kind: string; pngBase64: string; caption?: string | null },
): Promise<RunImageRow> {
  if (!isUuid(args.runId)) throw notFound("run", args.runId);
  if (!Number.isInteger(args.step) || args.step < 0) throw badInput("step", `must be an integer ≥ 0 (got ${args.step})`);
  const kind = checkString("kind", args.kind, { max: MAX_KIND_LENGTH });
  if (!/^[a-z0-9][a-z0-9_/.-]*$/i.test(kind)) throw badInput("kind", "may contain only letters, digits, '-', '_', '.', '/'");
  const caption = args.caption == null ? null : checkString("caption", args.caption, { max: MAX_CAPTION, allowEmpty: true });
  // Base64 is 4/3 of the bytes: refuse oversized input before decoding it.
  if (args.pngBase64.length > Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 64) {
    throw badInput("pngBase64", `image is larger than ${MAX_IMAGE_BYTES} bytes`);
  }
  const bytes = decodeBase64(args.pngBase64);
  if (!bytes) throw badInput("pngBase64", "is not valid base64");
  if (bytes.length > MAX_IMAGE_BYTES) throw badInput("pngBase64", `image is larger than ${MAX_IMAGE_BYTES} bytes`);
  const png = inspectPng(bytes);
  if (!png.ok) throw badInput("pngBase64", png.reason);

  return prisma.$transaction(async (tx) => {
    const runs = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM runs WHERE id = ${args.runId}::uuid FOR SHARE`;
    const status = runs[0]?.status;
    if (!status) throw notFound("run", args.runId);
    if (status !== "RUNNING") throw runNotRunning(status, "images");
    const image = await tx.runImage.create({
      data: { runId: args.runId, step: args.step, kind, caption, width: png.width, height: png.height, png: new Uint8Array(bytes) },
      select: LISTED,
    });
    await publish(tx, { type: "run", runId: args.runId });
    return image;
  });
}

export async function listImages(prisma: PrismaClient, runId: string, kind?: string | null): Promise<RunImageRow[]> {
  if (kind != null) checkString("kind", kind, { max: MAX_KIND_LENGTH, allowEmpty: true });
  return prisma.runImage.findMany({
    where: { runId, ...(kind != null ? { kind } : {}) },
    orderBy: [{ kind: "asc" }, { step: "asc" }, { createdAt: "asc" }],
    select: LISTED,
  });
}

/** The bytes behind an image URL, or undefined. */
export async function readImage(prisma: PrismaClient, id: string): Promise<Uint8Array | undefined> {
  if (!isUuid(id)) return undefined;
  const image = await prisma.runImage.findUnique({ where: { id }, select: { png: true } });
  return image?.png ?? undefined;
}
