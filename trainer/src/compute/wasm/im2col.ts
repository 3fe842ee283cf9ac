/**
 * im2col, transposed: the patches a convolution reads, laid out so that one GEMM gives the
 * filter gradient. Pure loops over typed arrays (NHWC), no TensorFlow.
 */

/** The geometry of a 2-D convolution (the fields of tfjs' Conv2DInfo this file uses). */
export interface ConvGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  padInfo: { top: number; left: number };
}

/**
 * Writes cols[k][m] = x[b, oy·sh + kh·dh − top, ox·sw + kw·dw − left, c] (0 outside the
 * image) for k = (kh·KW + kw)·C + c and m = (b·OH + oy)·OW + ox: a [KH·KW·C, B·OH·OW]
 * matrix, so that dW[KH·KW·C, CO] = cols · dY[B·OH·OW, CO].
 */
export function im2colTransposed(x: Float32Array, cols: Float32Array, g: ConvGeometry): void {
  // Locals rather than property reads in the loops: this runs over millions of values.
  const { batchSize, inHeight, inWidth, outHeight, outWidth, filterHeight, filterWidth, inChannels: c } = g;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth } = g;
  const { top, left } = g.padInfo;
  const m = batchSize * outHeight * outWidth;
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      const m0 = (b * outHeight + oy) * outWidth;
      for (let kh = 0; kh < filterHeight; kh++) {
        const iy = oy * strideHeight + kh * dilationHeight - top;
        for (let kw = 0; kw < filterWidth; kw++) {
          const k0 = (kh * filterWidth + kw) * c;
          if (iy < 0 || iy >= inHeight) {
            for (let ch = 0; ch < c; ch++) cols.fill(0, (k0 + ch) * m + m0, (k0 + ch) * m + m0 + outWidth);
            continue;
          }
          // The output columns whose input column lies inside the image; zeros around them.
          const ix0 = kw * dilationWidth - left;
          const first = Math.min(outWidth, Math.max(0, Math.ceil(-ix0 / strideWidth)));
          const end = Math.max(first, Math.min(outWidth, Math.ceil((inWidth - ix0) / strideWidth)));
          for (let ch = 0; ch < c; ch++) {
            const row = (k0 + ch) * m + m0;
            if (first > 0) cols.fill(0, row, row + first);
            if (end < outWidth) cols.fill(0, row + end, row + outWidth);
          }
          const step = strideWidth * c;
          let src = ((b * inHeight + iy) * inWidth + ix0 + first * strideWidth) * c;
          // Channels innermost: contiguous reads, one write per patch row.
          for (let ox = first; ox < end; ox++, src += step) {
            let out = k0 * m + m0 + ox;
            for (let ch = 0; ch < c; ch++, out += m) cols[out] = x[src + ch]!;
          }
        }
      }
    }
  }
}
