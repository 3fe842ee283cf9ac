/**
 * A small RGB canvas and a 3×5 pixel digit font for labelling example grids. Pure.
 */

export interface Raster {
  width: number;
  height: number;
  /** width·height·3 bytes, row-major RGB. */
  rgb: Uint8Array;
}

export type Colour = readonly [number, number, number];

export function createRaster(width: number, height: number, background: Colour): Raster {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) rgb.set(background, i * 3);
  return { width, height, rgb };
}

/** Fills a rectangle, clipped to the raster. */
export function fillRect(raster: Raster, x: number, y: number, w: number, h: number, colour: Colour): void {
  for (let row = Math.max(0, y); row < Math.min(raster.height, y + h); row++) {
    for (let col = Math.max(0, x); col < Math.min(raster.width, x + w); col++) raster.rgb.set(colour, (row * raster.width + col) * 3);
  }
}

/** Draws a 28×28 grey image (values in [0, 1]) at (x, y), each pixel `scale`×`scale`. */
export function drawGreyImage(raster: Raster, pixels: Float32Array, side: number, x: number, y: number, scale: number): void {
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const v = Math.round(Math.min(1, Math.max(0, pixels[r * side + c]!)) * 255);
      fillRect(raster, x + c * scale, y + r * scale, scale, scale, [v, v, v]);
    }
  }
}

/** The digits 0–9, 3 pixels wide and 5 high, row by row ("#" = ink). */
const FONT: readonly string[] = [
  "###,#.#,#.#,#.#,###",
  ".#.,##.,.#.,.#.,###",
  "###,..#,###,#..,###",
  "###,..#,###,..#,###",
  "#.#,#.#,###,..#,..#",
  "###,#..,###,..#,###",
  "###,#..,###,#.#,###",
  "###,..#,..#,.#.,.#.",
  "###,#.#,###,#.#,###",
  "###,#.#,###,..#,###",
];

export const GLYPH_WIDTH = 3;
export const GLYPH_HEIGHT = 5;

/** Draws digit `d` with its top-left corner at (x, y), each font pixel `scale`×`scale`. */
export function drawDigit(raster: Raster, d: number, x: number, y: number, scale: number, colour: Colour): void {
  const rows = FONT[d]?.split(",");
  if (!rows) throw new Error(`no glyph for ${d}`);
  rows.forEach((row, r) => {
    for (let c = 0; c < GLYPH_WIDTH; c++) if (row[c] === "#") fillRect(raster, x + c * scale, y + r * scale, scale, scale, colour);
  });
}
