// The Adam update as one pass over each variable. tfjs's AdamOptimizer spends about
// twelve kernels (each a full pass plus a fresh tensor) per variable per step; this
// does the same float operations, in the same order, in one loop.
#include <cmath>

#include "kernels.h"
#include "parallel.h"

namespace sparring {

void adam(const AdamStep& p, const float* value, const float* m, const float* v, const float* grad,
          float* outValue, float* outM, float* outV, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= kParallelMin)
  for (int64_t i = 0; i < n; ++i) {
    const float g = grad[i];
    const float m1 = m[i] * p.beta1 + g * p.oneMinusBeta1;
    const float v1 = v[i] * p.beta2 + (g * g) * p.oneMinusBeta2;
    const float mHat = m1 / p.oneMinusAccBeta1;
    const float vHat = v1 / p.oneMinusAccBeta2;
    outValue[i] = (mHat / (std::sqrt(vHat) + p.epsilon)) * p.negLearningRate + value[i];
    outM[i] = m1;
    outV[i] = v1;
  }
}

}  // namespace sparring
