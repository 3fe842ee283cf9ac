// Batched matrix products for tfjs's BatchMatMul and _FusedMatMul: one gemm (gemm.cc)
// per batch entry, broadcasting a batch of one.
#include "kernels.h"

namespace sparring {

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
  for (int64_t i = 0; i < batch; ++i)
    gemm(a + (i % batchA) * m * k, transA, b + (i % batchB) * k * n, transB, c + i * m * n, m, n, k, bias, relu);
}

}  // namespace sparring
