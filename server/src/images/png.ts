/**
 * Checks that bytes are a PNG and reads its size, without decoding pixels: the signature,
 * then the IHDR chunk that a valid PNG must start with.
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const MAX_IMAGE_BYTES = 4 * 1024 * 1024;
const MAX_DIMENSION = 16384;

export type PngCheck = { ok: true; width: number; height: number } | { ok: false; reason: string };

export function inspectPng(bytes: Buffer): PngCheck {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(SIGNATURE)) return { ok: false, reason: "is not a PNG (bad signature)" };
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString("latin1", 12, 16) !== "IHDR") {
    return { ok: false, reason: "is not a PNG (no IHDR chunk)" };
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
    return { ok: false, reason: `has an unsupported size ${width}×${height} (1 to ${MAX_DIMENSION} pixels a side)` };
  }
  return { ok: true, width, height };
}

/** Strict base64 (standard or URL alphabet, optional data: prefix); undefined when malformed. */
export function decodeBase64(text: string): Buffer | undefined {
  const body = text.replace(/^data:image\/png;base64,/, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(body) || body.length % 4 === 1) return undefined;
  return Buffer.from(body, body.includes("-") || body.includes("_") ? "base64url" : "base64");
}
