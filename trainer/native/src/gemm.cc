// Single-precision matrix products for the dense layers, in the manner of BLIS and
// GotoBLAS: a register block of 6 rows × 16 columns (12 AVX accumulators) walks the
// depth with fused multiply-adds, B is copied block by block into contiguous 16-column
// panels (the copy absorbs B's transpose and pads its ragged edge), and A is read where
// it lies, six rows side by side (a transposed A just changes the strides). Packing A
// too, as BLAS libraries do, cost more than it saved here: for the first convolution's
// input gradient (conv_input_grad.cc: 86,528 × 32 times 32 × 9) copying A cost as much
// as the product. Blocks are sized for the caches: a panel of B (kKc × 16) stays in
// L1, the rows of A one pass reads (kMc × kKc) in L2.
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

// Where a block's kMr rows of A are read: element (i, p) at rows[i][p·step]. Rows past
// A's edge repeat its last row (computed, never stored), so nothing outside A is read.
struct RowsOfA {
  const float* rows[kMr];
  int64_t step;
};

RowsOfA rowsOf(const Matrix& a, int64_t r, int rows, int64_t p) {
  RowsOfA at{};
  for (int i = 0; i < kMr; ++i) {
    const int64_t row = r + std::min(i, rows - 1);
    at.rows[i] = a.transposed ? a.data + p * a.rows + row : a.data + row * a.cols + p;
  }
  at.step = a.transposed ? a.rows : 1;
  return at;
}

// C[rows × cols] (+)= A's block rows · packed B panel, then the epilogue, all in
// registers. Full blocks (kMr × kNr) use plain loads and stores; blocks at C's edge
// compute the padded panel whole and load and store only their own part.
template <bool Full>
void block(int64_t kc, const RowsOfA& a, const float* pb, float* c, int64_t cs, const Epilogue& e, int rows = kMr,
           int cols = kNr) {
  const int width[2] = {std::min(cols, int{kLanes}), std::max(cols - int{kLanes}, 0)};
  const auto in = [&](const float* p, int j) { return Full ? load(p + j * kLanes) : loadFirst(p + j * kLanes, width[j]); };
  v8 acc[kMr][2];
  for (int i = 0; i < kMr; ++i)
    for (int j = 0; j < 2; ++j) acc[i][j] = e.accumulate && (Full || i < rows) ? in(c + i * cs, j) : v8{};
  const float* ar[kMr];
  for (int i = 0; i < kMr; ++i) ar[i] = a.rows[i];
  const int64_t step = a.step;
#pragma GCC unroll 4
  for (int64_t p = 0; p < kc; ++p, pb += kNr) {
    const v8 b0 = load(pb), b1 = load(pb + kLanes);
    for (int i = 0; i < kMr; ++i) {
      const v8 av = broadcast(ar[i] + p * step);
      acc[i][0] = fma(av, b0, acc[i][0]);
      acc[i][1] = fma(av, b1, acc[i][1]);
    }
  }
  for (int i = 0; i < (Full ? kMr : rows); ++i)
    for (int j = 0; j < 2; ++j) {
      v8 v = acc[i][j];
      if (e.bias != nullptr) v += in(e.bias, j);
      if (e.relu) v = relu(v);
      if (Full) store(c + i * cs + j * kLanes, v);
      else storeFirst(c + i * cs + j * kLanes, v, width[j]);
    }
}

// C's rows [r0, r1) and columns [c0, c1), every pass over the depth.
void gemmRange(const Matrix& a, const Matrix& b, float* c, int64_t ldc, int64_t r0, int64_t r1, int64_t c0,
               int64_t c1, const float* bias, bool relu) {
  static thread_local std::vector<float> packedB;
  const int64_t k = a.cols;
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
        for (int64_t j = 0; j < nc; j += kNr) {
          const int cols = static_cast<int>(std::min<int64_t>(kNr, nc - j));
          const Epilogue e{pc > 0, last && bias != nullptr ? bias + jc + j : nullptr, last && relu};
          const float* pb = packedB.data() + (j / kNr) * kc * kNr;
          for (int64_t i = 0; i < mc; i += kMr) {
            const int rows = static_cast<int>(std::min<int64_t>(kMr, mc - i));
            const RowsOfA pa = rowsOf(a, ic + i, rows, pc);
            float* ci = c + (ic + i) * ldc + jc + j;
            if (rows == kMr && cols == kNr) block<true>(kc, pa, pb, ci, ldc, e);
            else block<false>(kc, pa, pb, ci, ldc, e, rows, cols);
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
