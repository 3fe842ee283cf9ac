/**
 * The IDX file format of the original MNIST distribution: a big-endian header (two zero
 * bytes, a type code, the number of dimensions, then each dimension as a uint32) followed
 * by the values. Pure parsing of a buffer; reading files happens in mnist.ts.
 */

/** IDX type code of unsigned bytes, the only type MNIST uses. */
const UNSIGNED_BYTE = 0x08;

export interface IdxArray {
  shape: number[];
  /** The values, row-major, without copying the buffer. */
  data: Uint8Array;
}

/**
 * Parses an IDX buffer of unsigned bytes.
 * @throws Error when the header is malformed or the data is shorter than the shape says.
 */
export function parseIdx(buffer: Uint8Array): IdxArray {
  if (buffer.length < 4 || buffer[0] !== 0 || buffer[1] !== 0) throw new Error("not an IDX file: bad magic number");
  if (buffer[2] !== UNSIGNED_BYTE) throw new Error(`unsupported IDX type 0x${buffer[2]!.toString(16)}: only unsigned bytes`);
  const rank = buffer[3]!;
  const headerLength = 4 + 4 * rank;
  if (rank === 0 || buffer.length < headerLength) throw new Error("truncated IDX header");
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));
  const size = shape.reduce((a, b) => a * b, 1);
  if (buffer.length < headerLength + size) throw new Error(`truncated IDX data: expected ${size} values`);
  return { shape, data: buffer.subarray(headerLength, headerLength + size) };
}
