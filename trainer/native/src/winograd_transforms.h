// The F(4×4, 3×3) Winograd transforms (Lavin & Gray, 2015; interpolation points 0, ±1,
// ±2, ∞) for winograd.cc. A tile of 4×4 outputs comes from 6×6 inputs; in the
// transformed domain a 3×3 convolution is 36 independent products over channels:
//   forward   Y = Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A
// and the gradients use the adjoints of the same maps (B dV Bᵀ, A dY Aᵀ, Gᵀ dU G).
// Every function works on 8 adjacent channels at once (NHWC keeps them contiguous),
// with the matrices written out as sums.
#pragma once
#include <cstdint>
#include <cstring>

#include "simd.h"

namespace sparring::winograd {

constexpr int kM = 4;         // outputs per tile side
constexpr int kA = kM + 2;    // inputs per tile side
constexpr int kA2 = kA * kA;  // transformed values per tile
// Along one axis, x[k] at x[k·xs] and results r[i] at r[i·rs]:
// r = Bᵀ d (6 → 6).
inline void inputAxis(const v8* d, int ds, v8* r, int rs) {
  const v8 d0 = d[0], d1 = d[ds], d2 = d[2 * ds], d3 = d[3 * ds], d4 = d[4 * ds], d5 = d[5 * ds];
  r[0] = 4 * d0 - 5 * d2 + d4;
  r[rs] = d4 + d3 - 4 * (d1 + d2);
  r[2 * rs] = d4 - d3 + 4 * (d1 - d2);
  r[3 * rs] = d4 - d2 + 2 * (d3 - d1);
  r[4 * rs] = d4 - d2 + 2 * (d1 - d3);
  r[5 * rs] = 4 * d1 - 5 * d3 + d5;
}

// r = B v (6 → 6), the adjoint of inputAxis.
inline void inputAdjointAxis(const v8* v, int vs, v8* r, int rs) {
  const v8 v0 = v[0], v1 = v[vs], v2 = v[2 * vs], v3 = v[3 * vs], v4 = v[4 * vs], v5 = v[5 * vs];
  r[0] = 4 * v0;
  r[rs] = 4 * (v2 - v1 + v5) + 2 * (v4 - v3);
  r[2 * rs] = -5 * v0 - 4 * (v1 + v2) - v3 - v4;
  r[3 * rs] = v1 - v2 + 2 * (v3 - v4) - 5 * v5;
  r[4 * rs] = v0 + v1 + v2 + v3 + v4;
  r[5 * rs] = v5;
}

// y = Aᵀ m (6 → 4).
inline void outputAxis(const v8* m, int ms, v8* y, int ys) {
  const v8 m0 = m[0], m1 = m[ms], m2 = m[2 * ms], m3 = m[3 * ms], m4 = m[4 * ms], m5 = m[5 * ms];
  const v8 p12 = m1 + m2, d12 = m1 - m2, p34 = m3 + m4, d34 = m3 - m4;
  y[0] = m0 + p12 + p34;
  y[ys] = d12 + 2 * d34;
  y[2 * ys] = p12 + 4 * p34;
  y[3 * ys] = d12 + 8 * d34 + m5;
}

// r = A g (4 → 6), the adjoint of outputAxis.
inline void outputAdjointAxis(const v8* g, int gs, v8* r, int rs) {
  const v8 g0 = g[0], g1 = g[gs], g2 = g[2 * gs], g3 = g[3 * gs];
  const v8 p02 = g0 + g2, p13 = g1 + g3, q02 = g0 + 4 * g2, q13 = 2 * g1 + 8 * g3;
  r[0] = g0;
  r[rs] = p02 + p13;
  r[2 * rs] = p02 - p13;
  r[3 * rs] = q02 + q13;
  r[4 * rs] = q02 - q13;
  r[5 * rs] = g3;
}

// r = G g (3 → 6): the filter transform.
inline void filterAxis(const v8* g, int gs, v8* r, int rs) {
  const v8 g0 = g[0], g1 = g[gs], g2 = g[2 * gs];
  const v8 even = g0 + g2, e24 = g0 * (1.0f / 24) + g2 * (1.0f / 6);
  r[0] = g0 * (1.0f / 4);
  r[rs] = (even + g1) * (-1.0f / 6);
  r[2 * rs] = (even - g1) * (-1.0f / 6);
  r[3 * rs] = e24 + g1 * (1.0f / 12);
  r[4 * rs] = e24 - g1 * (1.0f / 12);
  r[5 * rs] = g2;
}

// r = Gᵀ u (6 → 3), the adjoint of filterAxis.
inline void filterAdjointAxis(const v8* u, int us, v8* r, int rs) {
  const v8 u0 = u[0], u1 = u[us], u2 = u[2 * us], u3 = u[3 * us], u4 = u[4 * us], u5 = u[5 * us];
  const v8 sixth = (u1 + u2) * (-1.0f / 6), p34 = u3 + u4;
  r[0] = u0 * (1.0f / 4) + sixth + p34 * (1.0f / 24);
  r[rs] = (u2 - u1) * (1.0f / 6) + (u3 - u4) * (1.0f / 12);
  r[2 * rs] = sixth + p34 * (1.0f / 6) + u5;
}

// The 2-D maps on one tile of 8 channels, row-major arrays.
// d (6×6) becomes Bᵀ d B; scratch is 6×6.
inline void inputTile(v8* d, v8* scratch) {
  for (int j = 0; j < kA; ++j) inputAxis(d + j, kA, scratch + j, kA);
  for (int i = 0; i < kA; ++i) inputAxis(scratch + i * kA, 1, d + i * kA, 1);
}
// d (6×6) becomes B d Bᵀ; scratch is 6×6.
inline void inputAdjointTile(v8* d, v8* scratch) {
  for (int j = 0; j < kA; ++j) inputAdjointAxis(d + j, kA, scratch + j, kA);
  for (int i = 0; i < kA; ++i) inputAdjointAxis(scratch + i * kA, 1, d + i * kA, 1);
}
// out (4×4) = Aᵀ in A, in 6×6; rows (4×6) is scratch.
inline void outputTile(const v8* in, v8* rows, v8* out) {
  for (int j = 0; j < kA; ++j) outputAxis(in + j, kA, rows + j, kA);
  for (int i = 0; i < kM; ++i) outputAxis(rows + i * kA, 1, out + i * kM, 1);
}
// out (6×6) = A in Aᵀ, in 4×4; rows (6×4) is scratch.
inline void outputAdjointTile(const v8* in, v8* rows, v8* out) {
  for (int j = 0; j < kM; ++j) outputAdjointAxis(in + j, kM, rows + j, kM);
  for (int i = 0; i < kA; ++i) outputAdjointAxis(rows + i * kM, 1, out + i * kA, 1);
}
// out (6×6) = G in Gᵀ, in 3×3; rows (6×3) is scratch.
inline void filterTile(const v8* in, v8* rows, v8* out) {
  for (int j = 0; j < 3; ++j) filterAxis(in + j, 3, rows + j, 3);
  for (int i = 0; i < kA; ++i) filterAxis(rows + i * 3, 1, out + i * kA, 1);
}
// out (3×3) = Gᵀ in G, in 6×6; rows (3×6) is scratch.
inline void filterAdjointTile(const v8* in, v8* rows, v8* out) {
  for (int j = 0; j < kA; ++j) filterAdjointAxis(in + j, kA, rows + j, kA);
  for (int i = 0; i < 3; ++i) filterAdjointAxis(rows + i * kA, 1, out + i * 3, 1);
}

// Any lane Inf or NaN (v·0 is NaN exactly for those) is remembered in `bad`.
inline void probe(v8& bad, v8 v) { bad += v * 0; }
inline bool clean(v8 bad) {
  for (int k = 0; k < kLanes; ++k)
    if (bad[k] != 0.0f) return false;
  return true;
}

}  // namespace sparring::winograd
