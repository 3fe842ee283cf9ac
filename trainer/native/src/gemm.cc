// Single-precision matrix products for the dense layers, in the manner of BLIS and
// GotoBLAS: a register block of 6 rows × 16 columns (12 AVX accumulators) walks the
// depth with fused multiply-adds, B is copied block by block into contiguous 16-column
// panels (the copy absorbs B's transpose and pads its ragged edge), and A is read where
// it lies, six rows side by side (a transposed A just changes the strides). Packing A
// too, as BLAS libraries do, cost more than it saved here: for the first convolution's
// input gradient (conv_input_grad.cc: 86,528 × 32 times 32 × 9) copying A cost as much
// as the product. Blocks are sized for the caches: a panel of B (kKc × 16) stays in
// L1, the rows of A a tile of C reads (kTaskRows × kKc) in L2.
//
// Why not oneDNN: its GEMM is not safe in this process (conv.cc), and its 1x1
// convolution, used before, reorders the weights and transposes the left operand on
// every call — 0.4 ms of the MLP's 2.6 ms of products per step, one thread
// (docs/BENCHMARKS.md, "Native backend").
#include <algorithm>
#include <vector>

#include "kernels.h"
#include "simd.h"

namespace sparring {

namespace {

constexpr int kMr = 6;            // rows of the register block
constexpr int kNr = 2 * kLanes;   // columns of the register block
constexpr int64_t kKc = 256;      // depth of one pass
constexpr int64_t kNc = 32 * kNr; // columns of B packed at once
constexpr int64_t kTaskRows = 8 * kMr;   // a tile of C handed to a thread:
constexpr int64_t kTaskCols = 4 * kNr;   // its rows of A stay in L2, its panels of B in L1
// Below this many multiply-adds a second thread costs more to wake than it saves.
constexpr int64_t kParallelMacs = int64_t{1} << 21;

struct Matrix {
  const float* data;
  bool transposed;  // stored as [cols][rows] rather than [rows][cols]
  int64_t rows, cols;
};

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

// Columns [c0, c0 + nc) of B's rows [p0, p0 + kc), packed as panels; one panel per
// call so that threads can share the packing.
void packPanel(const Matrix& b, int64_t p0, int64_t kc, int64_t c0, int cols, float* dst) {
  if (b.transposed) {
    // B's columns are rows in memory: read each along the depth, kNr side by side.
    const float* src[kNr];
    for (int jj = 0; jj < kNr; ++jj) src[jj] = b.data + (c0 + std::min(jj, cols - 1)) * b.rows + p0;
    for (int64_t p = 0; p < kc; ++p)
      for (int jj = 0; jj < kNr; ++jj) dst[p * kNr + jj] = jj < cols ? src[jj][p] : 0.0f;
  } else if (cols == kNr) {
    for (int64_t p = 0; p < kc; ++p) {
      const float* src = b.data + (p0 + p) * b.cols + c0;
      store(dst + p * kNr, load(src));
      store(dst + p * kNr + kLanes, load(src + kLanes));
    }
  } else {
    for (int64_t p = 0; p < kc; ++p) {
      const float* src = b.data + (p0 + p) * b.cols + c0;
      for (int jj = 0; jj < kNr; ++jj) dst[p * kNr + jj] = jj < cols ? src[jj] : 0.0f;
    }
  }
}

}  // namespace

void gemm(const float* a, bool transA, const float* b, bool transB, float* c, int64_t m, int64_t n, int64_t k,
          const float* bias, bool relu) {
  const Matrix left{a, transA, m, k}, right{b, transB, k, n};
  // Equal passes over the depth (784 = 4 × 196, not 3 × 256 + 16): a short last pass
  // would load and store C for little work.
  const int64_t passes = (k + kKc - 1) / kKc;
  const int64_t depth = (k + passes - 1) / passes;
  static thread_local std::vector<float> packed;  // B's block, shared by the threads
  packed.resize(depth * ((std::min(n, kNc) + kNr - 1) / kNr) * kNr);
  float* const panels = packed.data();
  const int64_t rowTasks = (m + kTaskRows - 1) / kTaskRows;
  // Work is handed out in tiles on demand rather than split in halves: on a shared
  // machine the second thread often starts late or is descheduled (V8's own
  // background threads want the core too), and the first then takes its tiles.
#pragma omp parallel if (m * n * k >= kParallelMacs)
  for (int64_t jc = 0; jc < n; jc += kNc) {
    const int64_t nc = std::min(kNc, n - jc);
    const int64_t colTasks = (nc + kTaskCols - 1) / kTaskCols;
    for (int64_t pc = 0; pc < k; pc += depth) {
      const int64_t kc = std::min(depth, k - pc);
      const bool last = pc + kc == k;
#pragma omp for schedule(static)
      for (int64_t j = 0; j < nc; j += kNr)
        packPanel(right, pc, kc, jc + j, static_cast<int>(std::min<int64_t>(kNr, nc - j)), panels + (j / kNr) * kc * kNr);
#pragma omp for schedule(dynamic, 1)
      for (int64_t task = 0; task < rowTasks * colTasks; ++task) {
        const int64_t r0 = (task % rowTasks) * kTaskRows, r1 = std::min(m, r0 + kTaskRows);
        const int64_t c0 = (task / rowTasks) * kTaskCols, c1 = std::min(nc, c0 + kTaskCols);
        for (int64_t j = c0; j < c1; j += kNr) {
          const int cols = static_cast<int>(std::min<int64_t>(kNr, nc - j));
          const Epilogue e{pc > 0, last && bias != nullptr ? bias + jc + j : nullptr, last && relu};
          const float* pb = panels + (j / kNr) * kc * kNr;
          for (int64_t i = r0; i < r1; i += kMr) {
            const int rows = static_cast<int>(std::min<int64_t>(kMr, r1 - i));
            const RowsOfA pa = rowsOf(left, i, rows, pc);
            float* ci = c + i * n + jc + j;
            if (rows == kMr && cols == kNr) block<true>(kc, pa, pb, ci, n, e);
            else block<false>(kc, pa, pb, ci, n, e, rows, cols);
          }
        }
      }
    }
  }
}

}  // namespace sparring
