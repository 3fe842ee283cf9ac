// The Adam update as one pass over each variable. tfjs's AdamOptimizer spends about
// twelve kernels (each a full pass plus a fresh tensor) per variable per step; this
// does the same float operations, in the same order, in one loop.
#include <cmath>

#include "kernels.h"
#include "parallel.h"

namespace sparring {

void adam(const AdamStep& p, const float* value, const float* m, const float* v, const float* grad,
          float* outValue, float* outM, float* outV, int64_t n) {
  // simd: no iteration depends on another (outputs alias inputs only index for index),
  // which the compiler cannot prove for seven pointers on its own. `if (parallel: …)`:
  // a bare `if` would switch off the simd part too for small variables. Three divisions
  // and a square root per value make this compute-bound (~10 ns per 8 values), so
  // two threads pay from far fewer values than the memory-bound loops' kParallelMin.
  constexpr int64_t kAdamParallelMin = int64_t{1} << 15;
  const float beta1 = p.beta1, beta2 = p.beta2, oneMinusBeta1 = p.oneMinusBeta1, oneMinusBeta2 = p.oneMinusBeta2;
  const float oneMinusAccBeta1 = p.oneMinusAccBeta1, oneMinusAccBeta2 = p.oneMinusAccBeta2;
  const float epsilon = p.epsilon, negLearningRate = p.negLearningRate;
#pragma omp parallel for simd schedule(dynamic, kChunk) if (parallel : n >= kAdamParallelMin)
  for (int64_t i = 0; i < n; ++i) {
    const float g = grad[i];
    const float m1 = m[i] * beta1 + g * oneMinusBeta1;
    const float v1 = v[i] * beta2 + (g * g) * oneMinusBeta2;
    const float mHat = m1 / oneMinusAccBeta1;
    const float vHat = v1 / oneMinusAccBeta2;
    outValue[i] = (mHat / (std::sqrt(vHat) + epsilon)) * negLearningRate + value[i];
    outM[i] = m1;
    outV[i] = v1;
  }
}

}  // namespace sparring
