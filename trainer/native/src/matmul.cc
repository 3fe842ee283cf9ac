// Matrix products as 1x1 convolutions on oneDNN. A product [m, k]·[k, n] is a 1x1
// convolution of one m-pixel image with k channels into n channels, and its right
// operand is the filter in either of two plain layouts (HWIO = [k][n] for b,
// OIHW = [n][k] for a transposed b), so neither operand is copied. A transposed left
// operand is transposed once into a scratch buffer (O(m·k), against the product's
// O(m·n·k)). oneDNN's own GEMM entry point (dnnl_sgemm) is not used: see conv.cc on
// why its JIT GEMM must not run in a process that receives signals.
#include <algorithm>
#include <cstring>
#include <vector>

#include "kernels.h"
#include "parallel.h"

namespace sparring {

namespace {

// dst[r][c] = src[c][r] for a rows × cols result, in tiles that stay in cache.
void transpose(const float* src, float* dst, int64_t rows, int64_t cols) {
  constexpr int64_t kTile = 32;
#pragma omp parallel for schedule(static) if (rows * cols >= kParallelMin)
  for (int64_t r0 = 0; r0 < rows; r0 += kTile)
    for (int64_t c0 = 0; c0 < cols; c0 += kTile)
      for (int64_t r = r0; r < std::min(rows, r0 + kTile); ++r)
        for (int64_t c = c0; c < std::min(cols, c0 + kTile); ++c) dst[r * cols + c] = src[c * rows + r];
}

}  // namespace

void matmul(const float* a, const float* b, float* c, int64_t batch, int64_t batchA,
            int64_t batchB, int64_t m, int64_t n, int64_t k, bool transA, bool transB,
            const float* bias, bool relu) {
  if (m == 0 || n == 0) return;
  if (k == 0) {
    // An empty sum: zeros, then the epilogue on them.
    for (int64_t i = 0; i < batch * m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        const float v = bias != nullptr ? bias[j] : 0.0f;
        c[i * n + j] = relu && !(v > 0) ? (v == v ? 0.0f : v) : v;
      }
    return;
  }
  const ConvShape shape{1, m, 1, k, 1, 1, n, m, 1, 1, 1, 0, 0, 0, 0, 1, 1};
  static thread_local std::vector<float> scratch;
  for (int64_t i = 0; i < batch; ++i) {
    const float* left = a + (i % batchA) * m * k;
    if (transA) {
      scratch.resize(m * k);
      transpose(left, scratch.data(), m, k);
      left = scratch.data();
    }
    convForward(shape, left, b + (i % batchB) * k * n, bias, relu, c + i * m * n,
                transB ? FilterLayout::OIHW : FilterLayout::HWIO);
  }
}

}  // namespace sparring
