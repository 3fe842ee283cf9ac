// The small matrix products of winograd.cc: C (+)= A·B with B's and C's rows
// contiguous multiples of 8 floats and A read through two strides (so that a
// transposed A costs nothing). One chunk of tiles is small (tens of rows, K ≤ a few
// hundred) and already in cache, where a oneDNN call per product would cost more in
// call overhead than the product itself. A register block of 6 rows × 16 columns
// (12 accumulators) with fused multiply-adds, the classic shape for 16 AVX2 registers.
#pragma once
#include <cstdint>

#include <vector>

#include "winograd_transforms.h"

namespace sparring::winograd {

struct Operand {
  const float* data;
  int64_t rowStride, colStride;  // A: element (i, k) at data[i·rowStride + k·colStride]
};

// C[R × 8·NV] (+)= A[R × K] · B[K × 8·NV], A's element (i, p) at a[p·as + i].
template <int R, int NV>
inline void block(int64_t k, const float* a, int64_t as, const float* b, int64_t bs, float* c, int64_t cs, bool accumulate) {
  v8 acc[R][NV];
  for (int i = 0; i < R; ++i)
    for (int j = 0; j < NV; ++j) acc[i][j] = accumulate ? load(c + i * cs + j * kLanes) : v8{};
  for (int64_t p = 0; p < k; ++p, a += as, b += bs) {
    v8 bv[NV];
    for (int j = 0; j < NV; ++j) bv[j] = load(b + j * kLanes);
    for (int i = 0; i < R; ++i) {
      const v8 av = {a[i], a[i], a[i], a[i], a[i], a[i], a[i], a[i]};
      for (int j = 0; j < NV; ++j) acc[i][j] = fma(av, bv[j], acc[i][j]);
    }
  }
  for (int i = 0; i < R; ++i)
    for (int j = 0; j < NV; ++j) store(c + i * cs + j * kLanes, acc[i][j]);
}

// R rows of C across all n columns, 16 at a time.
template <int R>
inline void rowBlock(int64_t n, int64_t k, const float* a, int64_t as, const float* b, int64_t bs, float* c, int64_t cs,
                     bool accumulate) {
  int64_t j = 0;
  for (; j + 2 * kLanes <= n; j += 2 * kLanes) block<R, 2>(k, a, as, b + j, bs, c + j, cs, accumulate);
  if (j < n) block<R, 1>(k, a, as, b + j, bs, c + j, cs, accumulate);
}

// C[m × n] (+)= A[m × k] · B[k × n], n a multiple of 8; B's rows bs apart, C's cs apart.
// Unless A's rows are adjacent (a transposed A), each block of 6 rows of A is first
// packed column by column, so that the inner loop reads A from one pointer.
inline void gemm(int64_t m, int64_t n, int64_t k, Operand a, const float* b, int64_t bs, float* c, int64_t cs, bool accumulate) {
  static thread_local std::vector<float> packed;
  const bool pack = a.rowStride != 1;
  if (pack) packed.resize(6 * k);
  for (int64_t i = 0; i < m; i += 6) {
    const int r = static_cast<int>(m - i < 6 ? m - i : 6);
    const float* pa = a.data + i;
    int64_t as = a.colStride;
    if (pack) {
      for (int64_t p = 0; p < k; ++p)
        for (int ii = 0; ii < r; ++ii) packed[p * r + ii] = a.data[(i + ii) * a.rowStride + p * a.colStride];
      pa = packed.data();
      as = r;
    }
    float* ci = c + i * cs;
    switch (r) {
      case 6: rowBlock<6>(n, k, pa, as, b, bs, ci, cs, accumulate); break;
      case 5: rowBlock<5>(n, k, pa, as, b, bs, ci, cs, accumulate); break;
      case 4: rowBlock<4>(n, k, pa, as, b, bs, ci, cs, accumulate); break;
      case 3: rowBlock<3>(n, k, pa, as, b, bs, ci, cs, accumulate); break;
      case 2: rowBlock<2>(n, k, pa, as, b, bs, ci, cs, accumulate); break;
      default: rowBlock<1>(n, k, pa, as, b, bs, ci, cs, accumulate); break;
    }
  }
}

}  // namespace sparring::winograd
