/**
 * The max-pool gradient as pure loops over NHWC typed arrays (no TensorFlow).
 */

/** The geometry of a 2-D pooling (the fields of tfjs' Conv2DInfo this file uses). */
export interface PoolGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  effectiveFilterHeight: number;
  effectiveFilterWidth: number;
  padInfo: { top: number; left: number };
}

/**
 * The max-pool gradient: each output's gradient goes to the first position (row-major)
 * holding its window's maximum; every other input gets 0.
 */
export function maxPoolBackprop(x: Float32Array, dy: Float32Array, dx: Float32Array, g: PoolGeometry): void {
  const tiled =
    g.effectiveFilterHeight === 2 &&
    g.effectiveFilterWidth === 2 &&
    g.strideHeight === 2 &&
    g.strideWidth === 2 &&
    g.padInfo.top === 0 &&
    g.padInfo.left === 0;
  if (tiled) maxPool2x2Backprop(x, dy, dx, g);
  else maxPoolBackpropGeneral(x, dy, dx, g);
}

/** The common 2×2, stride-2, unpadded case: windows do not overlap, so each input is written once. */
function maxPool2x2Backprop(x: Float32Array, dy: Float32Array, dx: Float32Array, g: PoolGeometry): void {
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth } = g;
  // Odd sizes leave a last row or column that no window reads.
  if (inHeight !== 2 * outHeight || inWidth !== 2 * outWidth) dx.fill(0);
  const rowStride = inWidth * c;
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++) {
        const p00 = ((b * inHeight + 2 * oy) * inWidth + 2 * ox) * c;
        const p01 = p00 + c;
        const p10 = p00 + rowStride;
        const p11 = p10 + c;
        const o = ((b * outHeight + oy) * outWidth + ox) * c;
        for (let ch = 0; ch < c; ch++) {
          const a = x[p00 + ch]!;
          const b1 = x[p01 + ch]!;
          const c1 = x[p10 + ch]!;
          const d = x[p11 + ch]!;
          let best = a;
          let at = 0;
          if (b1 > best) {
            best = b1;
            at = 1;
          }
          if (c1 > best) {
            best = c1;
            at = 2;
          }
          if (d > best) at = 3;
          const grad = dy[o + ch]!;
          dx[p00 + ch] = at === 0 ? grad : 0;
          dx[p01 + ch] = at === 1 ? grad : 0;
          dx[p10 + ch] = at === 2 ? grad : 0;
          dx[p11 + ch] = at === 3 ? grad : 0;
        }
      }
    }
  }
}

function maxPoolBackpropGeneral(x: Float32Array, dy: Float32Array, dx: Float32Array, g: PoolGeometry): void {
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth } = g;
  const best = new Float32Array(c);
  const where = new Int32Array(c);
  dx.fill(0);
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++) {
        where.fill(-1);
        for (let fy = 0; fy < g.effectiveFilterHeight; fy += g.dilationHeight) {
          const iy = oy * g.strideHeight - g.padInfo.top + fy;
          if (iy < 0 || iy >= inHeight) continue;
          for (let fx = 0; fx < g.effectiveFilterWidth; fx += g.dilationWidth) {
            const ix = ox * g.strideWidth - g.padInfo.left + fx;
            if (ix < 0 || ix >= inWidth) continue;
            const base = ((b * inHeight + iy) * inWidth + ix) * c;
            for (let ch = 0; ch < c; ch++) {
              const v = x[base + ch]!;
              if (where[ch] === -1 || v > best[ch]!) {
                best[ch] = v;
                where[ch] = base + ch;
              }
            }
          }
        }
        const out = ((b * outHeight + oy) * outWidth + ox) * c;
        for (let ch = 0; ch < c; ch++) {
          const at = where[ch]!;
          if (at >= 0) dx[at]! += dy[out + ch]!;
        }
      }
    }
  }
}
