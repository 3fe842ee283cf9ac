/**
 * The image kinds fgsm-examples and generator-examples (as in the paper's Figures 2 and 3):
 * test digits in rows of clean images, each followed by a row of their perturbed versions,
 * every digit with the label the classifier predicts for it underneath — green when right,
 * red when wrong. Pure: returns a raster; png.ts encodes it.
 */
import { IMAGE_SIDE, IMAGE_SIZE } from "../../data/mnist.ts";
import { GLYPH_HEIGHT, GLYPH_WIDTH, createRaster, drawDigit, drawGreyImage, type Colour, type Raster } from "./raster.ts";

export interface ExampleGridInput {
  /** n clean images and their perturbed versions, n·784 values in [0, 1] each. */
  clean: Float32Array;
  perturbed: Float32Array;
  labels: Uint8Array;
  cleanPredictions: Uint8Array;
  perturbedPredictions: Uint8Array;
}

const SCALE = 2;
const COLUMNS = 8;
const GAP = 4;
const LABEL_BAND = GLYPH_HEIGHT * SCALE + 6;
const BACKGROUND: Colour = [24, 24, 28];
const RIGHT: Colour = [80, 200, 120];
const WRONG: Colour = [235, 80, 80];

/** Lays out the grid: ⌈n / 8⌉ pairs of rows (clean, then perturbed). */
export function renderExampleGrid(input: ExampleGridInput): Raster {
  const count = input.labels.length;
  const columns = Math.max(1, Math.min(COLUMNS, count));
  const groups = Math.ceil(count / columns);
  const cell = IMAGE_SIDE * SCALE;
  const rowHeight = cell + LABEL_BAND;
  const raster = createRaster(GAP + columns * (cell + GAP), GAP + groups * 2 * rowHeight + groups * GAP, BACKGROUND);
  for (let i = 0; i < count; i++) {
    const group = Math.floor(i / columns);
    const x = GAP + (i % columns) * (cell + GAP);
    const top = GAP + group * (2 * rowHeight + GAP);
    const rows: [Float32Array, Uint8Array][] = [
      [input.clean, input.cleanPredictions],
      [input.perturbed, input.perturbedPredictions],
    ];
    rows.forEach(([images, predictions], r) => {
      const y = top + r * rowHeight;
      drawGreyImage(raster, images.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE), IMAGE_SIDE, x, y, SCALE);
      const predicted = predictions[i]!;
      const colour = predicted === input.labels[i] ? RIGHT : WRONG;
      drawDigit(raster, predicted, x + (cell - GLYPH_WIDTH * SCALE) / 2, y + cell + 3, SCALE, colour);
    });
  }
  return raster;
}
