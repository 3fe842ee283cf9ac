// Single-precision matrix products for the dense layers, the way BLIS and GotoBLAS
// do them: op(A) and op(B) are copied block by block into small contiguous panels
// (the copy is also where a transpose is absorbed, so no operand is ever transposed
// whole), and a register block of 6 rows × 16 columns (12 AVX accumulators) walks
// the panels with fused multiply-adds. Blocks are sized for the caches: a panel of B
// (kKc × 16) stays in L1, a block of A (kMc × kKc) in L2.
//
// Why not oneDNN: its GEMM is not safe in this process (conv.cc), and its 1x1
// convolution, used before, reorders the weights and transposes the left operand on
// every call — 0.4 ms of the MLP's 2.6 ms of products per step, one thread
// (docs/BENCHMARKS.md, "Native backend").
#include <algorithm>
#include <vector>

#include "kernels.h"
#include "simd.h"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace sparring {

namespace {

constexpr int kMr = 6;            // rows of the register block
constexpr int kNr = 2 * kLanes;   // columns of the register block
constexpr int64_t kKc = 256;      // depth of one pass
constexpr int64_t kMc = 16 * kMr; // rows of A per block
constexpr int64_t kNc = 32 * kNr; // columns of B per block
// Below this many multiply-adds a second thread costs more to wake than it saves.
constexpr int64_t kParallelMacs = int64_t{1} << 21;

struct Matrix {
  const float* data;
  bool transposed;  // stored as [cols][rows] rather than [rows][cols]
  int64_t rows, cols;
};

// Rows [r0, r0 + mc) and columns [p0, p0 + kc) of A as kMr-row panels, each kc × kMr
// with a panel's kMr values for one column adjacent; rows past the end are zeros.
void packA(const Matrix& a, int64_t r0, int64_t mc, int64_t p0, int64_t kc, float* dst) {
  for (int64_t i = 0; i < mc; i += kMr, dst += kc * kMr) {
    const int rows = static_cast<int>(std::min<int64_t>(kMr, mc - i));
    if (a.transposed) {
      // A's rows are adjacent in memory: each column of the panel is one short copy.
      for (int64_t p = 0; p < kc; ++p) {
        const float* src = a.data + (p0 + p) * a.rows + r0 + i;
        float* to = dst + p * kMr;
        for (int ii = 0; ii < rows; ++ii) to[ii] = src[ii];
        for (int ii = rows; ii < kMr; ++ii) to[ii] = 0.0f;
      }
    } else {
      // kMr rows read side by side, one column at a time.
      const float* src[kMr];
      for (int ii = 0; ii < kMr; ++ii) src[ii] = a.data + (r0 + i + std::min(ii, rows - 1)) * a.cols + p0;
      if (rows == kMr) {
        for (int64_t p = 0; p < kc; ++p)
          for (int ii = 0; ii < kMr; ++ii) dst[p * kMr + ii] = src[ii][p];
      } else {
        for (int64_t p = 0; p < kc; ++p)
          for (int ii = 0; ii < kMr; ++ii) dst[p * kMr + ii] = ii < rows ? src[ii][p] : 0.0f;
      }
    }
  }
}

// Rows [p0, p0 + kc) and columns [c0, c0 + nc) of B as kNr-column panels, each kc × kNr;
// columns past the end are zeros.
void packB(const Matrix& b, int64_t p0, int64_t kc, int64_t c0, int64_t nc, float* dst) {
  for (int64_t j = 0; j < nc; j += kNr, dst += kc * kNr) {
    const int cols = static_cast<int>(std::min<int64_t>(kNr, nc - j));
    if (b.transposed) {
      // B's columns are rows in memory: read each along the depth, kNr side by side.
      const float* src[kNr];
      for (int jj = 0; jj < kNr; ++jj) src[jj] = b.data + (c0 + j + std::min(jj, cols - 1)) * b.rows + p0;
      for (int64_t p = 0; p < kc; ++p)
        for (int jj = 0; jj < kNr; ++jj) dst[p * kNr + jj] = jj < cols ? src[jj][p] : 0.0f;
    } else if (cols == kNr) {
      for (int64_t p = 0; p < kc; ++p) {
        const float* src = b.data + (p0 + p) * b.cols + c0 + j;
        store(dst + p * kNr, load(src));
        store(dst + p * kNr + kLanes, load(src + kLanes));
      }
    } else {
      for (int64_t p = 0; p < kc; ++p) {
        const float* src = b.data + (p0 + p) * b.cols + c0 + j;
        for (int jj = 0; jj < kNr; ++jj) dst[p * kNr + jj] = jj < cols ? src[jj] : 0.0f;
      }
    }
  }
}

struct Epilogue {
  bool accumulate;    // add to C's values (a later pass over the depth)
  const float* bias;  // per column, on the last pass; null for none
  bool relu;          // on the last pass
};

// C[kMr × kNr] (+)= packed A panel · packed B panel, then the epilogue, all in registers.
void block(int64_t kc, const float* pa, const float* pb, float* c, int64_t cs, const Epilogue& e) {
  v8 acc[kMr][2];
  for (int i = 0; i < kMr; ++i)
    for (int j = 0; j < 2; ++j) acc[i][j] = e.accumulate ? load(c + i * cs + j * kLanes) : v8{};
#pragma GCC unroll 4
  for (int64_t p = 0; p < kc; ++p, pa += kMr, pb += kNr) {
    const v8 b0 = load(pb), b1 = load(pb + kLanes);
    for (int i = 0; i < kMr; ++i) {
      const v8 a = broadcast(pa + i);
      acc[i][0] = fma(a, b0, acc[i][0]);
      acc[i][1] = fma(a, b1, acc[i][1]);
    }
  }
  for (int i = 0; i < kMr; ++i)
    for (int j = 0; j < 2; ++j) {
      v8 v = acc[i][j];
      if (e.bias != nullptr) v += load(e.bias + j * kLanes);
      if (e.relu) v = relu(v);
      store(c + i * cs + j * kLanes, v);
    }
}

// The same for a block at C's edge: computed in a full-size tile, rows × cols copied.
void edgeBlock(int64_t kc, const float* pa, const float* pb, float* c, int64_t cs, int rows, int cols,
               const Epilogue& e) {
  float tile[kMr * kNr] = {};
  float bias[kNr] = {};
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j) tile[i * kNr + j] = e.accumulate ? c[i * cs + j] : 0.0f;
  if (e.bias != nullptr) std::copy(e.bias, e.bias + cols, bias);
  block(kc, pa, pb, tile, kNr, {true, e.bias != nullptr ? bias : nullptr, e.relu});
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j) c[i * cs + j] = tile[i * kNr + j];
}

// C's rows [r0, r1) and columns [c0, c1), every pass over the depth.
void gemmRange(const Matrix& a, const Matrix& b, float* c, int64_t ldc, int64_t r0, int64_t r1, int64_t c0,
               int64_t c1, const float* bias, bool relu) {
  static thread_local std::vector<float> packedA, packedB;
  const int64_t k = a.cols;
  packedA.resize(kMc * kKc);
  packedB.resize(kKc * kNc);
  // Equal passes over the depth (784 = 4 × 196, not 3 × 256 + 16): a short last pass
  // would load and store C for little work.
  const int64_t depth = (k + (k + kKc - 1) / kKc - 1) / ((k + kKc - 1) / kKc);
  for (int64_t jc = c0; jc < c1; jc += kNc) {
    const int64_t nc = std::min(kNc, c1 - jc);
    for (int64_t pc = 0; pc < k; pc += depth) {
      const int64_t kc = std::min(depth, k - pc);
      const bool last = pc + kc == k;
      packB(b, pc, kc, jc, nc, packedB.data());
      for (int64_t ic = r0; ic < r1; ic += kMc) {
        const int64_t mc = std::min(kMc, r1 - ic);
        packA(a, ic, mc, pc, kc, packedA.data());
        for (int64_t j = 0; j < nc; j += kNr) {
          const int cols = static_cast<int>(std::min<int64_t>(kNr, nc - j));
          const Epilogue e{pc > 0, last && bias != nullptr ? bias + jc + j : nullptr, last && relu};
          const float* pb = packedB.data() + (j / kNr) * kc * kNr;
          for (int64_t i = 0; i < mc; i += kMr) {
            const int rows = static_cast<int>(std::min<int64_t>(kMr, mc - i));
            const float* pa = packedA.data() + (i / kMr) * kc * kMr;
            float* ci = c + (ic + i) * ldc + jc + j;
            if (rows == kMr && cols == kNr) block(kc, pa, pb, ci, ldc, e);
            else edgeBlock(kc, pa, pb, ci, ldc, rows, cols, e);
          }
        }
      }
    }
  }
}

// Start of part t of n parts of [0, size), at multiples of `grain`.
int64_t split(int64_t size, int64_t grain, int t, int n) {
  const int64_t units = (size + grain - 1) / grain;
  return std::min(size, units * t / n * grain);
}

}  // namespace

void gemm(const float* a, bool transA, const float* b, bool transB, float* c, int64_t m, int64_t n, int64_t k,
          const float* bias, bool relu) {
  const Matrix left{a, transA, m, k}, right{b, transB, k, n};
  int threads = 1;
#ifdef _OPENMP
  if (m * n * k >= kParallelMacs) threads = omp_get_max_threads();
#endif
  // Each thread takes a share of C's rows or of its columns and packs what it reads
  // itself: splitting the rows repeats the packing of B, splitting the columns that of
  // A, so the split is along whichever repeats less.
  const bool byRows = m * k >= k * n;
#pragma omp parallel num_threads(threads) if (threads > 1)
  {
    int t = 0;
    int count = 1;
#ifdef _OPENMP
    t = omp_get_thread_num();
    count = omp_get_num_threads();
#endif
    if (byRows)
      gemmRange(left, right, c, n, split(m, kMr, t, count), split(m, kMr, t + 1, count), 0, n, bias, relu);
    else
      gemmRange(left, right, c, n, 0, m, split(n, kNr, t, count), split(n, kNr, t + 1, count), bias, relu);
  }
}

}  // namespace sparring
