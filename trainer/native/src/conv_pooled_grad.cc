// The first layer's filter gradient straight from max-pooling's record (see
// kernels.h). dy of a pooled layer is three quarters zeros and 11 MB for the CNN's
// conv1; reading it costs more than the products. Here each pooled gradient value
// meets the 3×3 input patch under its winner: per 8 output channels, each window
// position masks the gradients it won and adds them times the patch's 9 pixels into
// 9 register accumulators — the same products a dense pass makes over dy's non-zeros.
// Images are summed in fixed groups added in a fixed order, so the result does not
// depend on the thread count.
#include <immintrin.h>

#include <cmath>
#include <algorithm>
#include <vector>

#include "kernels.h"
#include "parallel.h"

namespace sparring {

namespace {

constexpr int64_t kK = 3;              // filter side
constexpr int64_t kGroupImages = 8;    // images per partial sum

bool fits(const ConvShape& s, const PoolShape& p) {
  return s.c == 1 && s.kh == kK && s.kw == kK && s.sh == 1 && s.sw == 1 && s.dh == 1 && s.dw == 1 && s.pt == 0 &&
         s.pl == 0 && s.oc % 8 == 0 && p.n == s.n && p.h == s.oh && p.w == s.ow && p.c == s.oc && p.pt == 0 &&
         p.pl == 0 && p.sh == p.fh && p.sw == p.fw && p.fh * p.fw < kNoWinner && p.oh * p.fh <= s.oh &&
         p.ow * p.fw <= s.ow;
}

bool allFinite(const float* x, int64_t n) {
  bool finite = true;
#pragma omp simd reduction(& : finite)
  for (int64_t i = 0; i < n; ++i) finite &= std::isfinite(x[i]);
  return finite;
}

// Sums one group of images into out[9][oc]. PH, PW: the pool's window when known at
// compile time (the CNN's 2×2, fully unrolled: every accumulator and position a
// register), else 0 for p.fh, p.fw.
template <int PH, int PW>
void group(const ConvShape& s, const PoolShape& p, const float* x, const float* g, const uint8_t* winners, int64_t b0,
           int64_t b1, float* out) {
  const int64_t ph = PH > 0 ? PH : p.fh, pw = PW > 0 ? PW : p.fw;
  for (int64_t c0 = 0; c0 < s.oc; c0 += 8) {
    __m256 acc[kK * kK];
    for (auto& a : acc) a = _mm256_setzero_ps();
    for (int64_t b = b0; b < b1; ++b)
      for (int64_t py = 0; py < p.oh; ++py) {
        const float* row = x + (b * s.h + py * ph) * s.w;
        for (int64_t px = 0; px < p.ow; ++px) {
          const int64_t o = ((b * p.oh + py) * p.ow + px) * p.c + c0;
          const __m256 grad = _mm256_loadu_ps(g + o);
          const __m256i won = _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(winners + o)));
          for (int64_t wy = 0; wy < ph; ++wy)
            for (int64_t wx = 0; wx < pw; ++wx) {
              const __m256i position = _mm256_set1_epi32(static_cast<int32_t>(wy * pw + wx));
              const __m256 share = _mm256_and_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(won, position)), grad);
              const float* patch = row + wy * s.w + px * pw + wx;
              for (int64_t ky = 0; ky < kK; ++ky)
                for (int64_t kx = 0; kx < kK; ++kx)
                  acc[ky * kK + kx] =
                      _mm256_fmadd_ps(_mm256_broadcast_ss(patch + ky * s.w + kx), share, acc[ky * kK + kx]);
            }
        }
      }
    for (int64_t t = 0; t < kK * kK; ++t) _mm256_storeu_ps(out + t * s.oc + c0, acc[t]);
  }
}

}  // namespace

bool convBackwardWeightsPooled(const ConvShape& s, const PoolShape& p, const float* x, const float* g,
                               const uint8_t* winners, float* dw) {
  if (!fits(s, p) || !allFinite(x, s.n * s.h * s.w * s.c)) return false;
  const int64_t groups = (s.n + kGroupImages - 1) / kGroupImages, taps = kK * kK * s.oc;
  std::vector<float> partial(groups * taps);
#pragma omp parallel for schedule(dynamic) if (s.n * p.oh * p.ow * p.c >= kParallelMin)
  for (int64_t i = 0; i < groups; ++i) {
    const int64_t b0 = i * kGroupImages, b1 = std::min(s.n, b0 + kGroupImages);
    if (p.fh == 2 && p.fw == 2)
      group<2, 2>(s, p, x, g, winners, b0, b1, partial.data() + i * taps);
    else
      group<0, 0>(s, p, x, g, winners, b0, b1, partial.data() + i * taps);
  }
  for (int64_t t = 0; t < taps; ++t) {
    float sum = 0.0f;
    for (int64_t i = 0; i < groups; ++i) sum += partial[i * taps + t];
    dw[t] = sum;
  }
  return true;
}

}  // namespace sparring
