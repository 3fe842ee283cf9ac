// Max pooling over NHWC images as tight loops: channels are innermost in memory, so
// every inner loop runs over contiguous channels and vectorises. Ties and NaNs
// follow tfjs: the first strictly greater value wins, NaNs never do, and a window
// with no winner yields -Infinity forward and no gradient backward.
#include <immintrin.h>

#include <cstring>
#include <limits>
#include <vector>

#include "kernels.h"
#include "parallel.h"

namespace sparring {

namespace {

// The valid part [begin, end) of a window starting at `start` of `size` along an
// axis of length `length`.
inline void clampWindow(int64_t start, int64_t size, int64_t length, int64_t& begin, int64_t& end) {
  begin = start < 0 ? 0 : start;
  end = start + size > length ? length : start + size;
}

}  // namespace

void maxPool(const PoolShape& s, const float* x, float* y) {
  const int64_t c = s.c;
#pragma omp parallel for schedule(dynamic, 8) if (s.n * s.oh * s.ow * c >= kParallelMin)
  for (int64_t row = 0; row < s.n * s.oh; ++row) {
    const int64_t b = row / s.oh, oy = row % s.oh;
    int64_t y0, y1;
    clampWindow(oy * s.sh - s.pt, s.fh, s.h, y0, y1);
    for (int64_t ox = 0; ox < s.ow; ++ox) {
      int64_t x0, x1;
      clampWindow(ox * s.sw - s.pl, s.fw, s.w, x0, x1);
      float* out = y + ((b * s.oh + oy) * s.ow + ox) * c;
      for (int64_t k = 0; k < c; ++k) out[k] = -std::numeric_limits<float>::infinity();
      for (int64_t iy = y0; iy < y1; ++iy)
        for (int64_t ix = x0; ix < x1; ++ix) {
          const float* in = x + ((b * s.h + iy) * s.w + ix) * c;
          for (int64_t k = 0; k < c; ++k) out[k] = in[k] > out[k] ? in[k] : out[k];
        }
    }
  }
}

namespace {

// Which rows (or columns) of length `length` some window covers.
std::vector<char> coveredBy(int64_t windows, int64_t stride, int64_t pad, int64_t size, int64_t length) {
  std::vector<char> covered(length, 0);
  for (int64_t o = 0; o < windows; ++o) {
    int64_t begin, end;
    clampWindow(o * stride - pad, size, length, begin, end);
    for (int64_t i = begin; i < end; ++i) covered[i] = 1;
  }
  return covered;
}

// The gradient of one image. Two passes per window, both branch-free and vectorised
// over channels: the window's maximum (as forward), then each position in window
// order takes the gradient when it equals that maximum and no earlier position has
// (tfjs's first-maximum rule); a window whose maximum stayed -Infinity had no winner.
// With DISJOINT windows every dx element has at most one window and is assigned,
// else windows overlap and add up into a zeroed dx.
template <bool DISJOINT>
void maxPoolGradImage(const PoolShape& s, int64_t b, const float* dy, const float* x, float* dx, float* top, float* done) {
  const int64_t c = s.c;
  constexpr float kLowest = -std::numeric_limits<float>::infinity();
  for (int64_t oy = 0; oy < s.oh; ++oy) {
    int64_t y0, y1;
    clampWindow(oy * s.sh - s.pt, s.fh, s.h, y0, y1);
    for (int64_t ox = 0; ox < s.ow; ++ox) {
      int64_t x0, x1;
      clampWindow(ox * s.sw - s.pl, s.fw, s.w, x0, x1);
      for (int64_t k = 0; k < c; ++k) {
        top[k] = kLowest;
        done[k] = 0.0f;
      }
      for (int64_t iy = y0; iy < y1; ++iy)
        for (int64_t ix = x0; ix < x1; ++ix) {
          const float* in = x + ((b * s.h + iy) * s.w + ix) * c;
#pragma omp simd
          for (int64_t k = 0; k < c; ++k) top[k] = in[k] > top[k] ? in[k] : top[k];
        }
      const float* g = dy + ((b * s.oh + oy) * s.ow + ox) * c;
      for (int64_t iy = y0; iy < y1; ++iy)
        for (int64_t ix = x0; ix < x1; ++ix) {
          const int64_t at = ((b * s.h + iy) * s.w + ix) * c;
#pragma omp simd
          for (int64_t k = 0; k < c; ++k) {
            // Every load unconditional and `&` rather than `&&`: no branches.
            const float value = x[at + k], max = top[k], grad = g[k], before = done[k];
            const bool wins = (before == 0.0f) & (value == max) & (max > kLowest);
            const float share = wins ? grad : 0.0f;
            dx[at + k] = DISJOINT ? share : dx[at + k] + share;
            done[k] = wins ? 1.0f : before;
          }
        }
    }
  }
}

}  // namespace

void maxPoolGrad(const PoolShape& s, const float* dy, const float* x, float* dx) {
  const int64_t c = s.c;
  const bool disjoint = s.sh >= s.fh && s.sw >= s.fw;
  const std::vector<char> rows = coveredBy(s.oh, s.sh, s.pt, s.fh, s.h);
  const std::vector<char> cols = coveredBy(s.ow, s.sw, s.pl, s.fw, s.w);
#pragma omp parallel if (s.n * s.h * s.w * c >= kParallelMin)
  {
    std::vector<float> top(c), done(c);
    // One image per iteration: windows of different images never share a dx element.
#pragma omp for schedule(dynamic)
    for (int64_t b = 0; b < s.n; ++b) {
      float* image = dx + b * s.h * s.w * c;
      if (disjoint) {
        // Only what no window covers needs zeros; the windows assign the rest.
        for (int64_t iy = 0; iy < s.h; ++iy)
          for (int64_t ix = 0; ix < s.w; ++ix)
            if (!rows[iy] || !cols[ix]) std::memset(image + (iy * s.w + ix) * c, 0, sizeof(float) * c);
        maxPoolGradImage<true>(s, b, dy, x, dx, top.data(), done.data());
      } else {
        std::memset(image, 0, sizeof(float) * s.h * s.w * c);
        maxPoolGradImage<false>(s, b, dy, x, dx, top.data(), done.data());
      }
    }
  }
}

namespace {
constexpr int64_t kStreamBytes = 8 << 20;

// Each window position's number in a winners record: row-major within the window,
// counting positions that fall in the padding.
inline uint8_t windowPosition(const PoolShape& s, int64_t oy, int64_t ox, int64_t iy, int64_t ix) {
  return static_cast<uint8_t>((iy - (oy * s.sh - s.pt)) * s.fw + (ix - (ox * s.sw - s.pl)));
}
}  // namespace

namespace {
// One window's maximum and winner for 8 channels at a time (c a multiple of 8).
// FULL2: a whole 2×2 window, unrolled at compile time.
template <bool FULL2>
inline void windowWinners8(const PoolShape& s, const float* x, int64_t b, int64_t oy, int64_t ox, int64_t y0,
                           int64_t y1, int64_t x0, int64_t x1, float* out, uint8_t* record) {
  if (FULL2) {
    const float* in = x + ((b * s.h + y0) * s.w + x0) * s.c;
    const int64_t down = s.w * s.c;
    for (int64_t k = 0; k < s.c; k += 8) {
      __m256 top = _mm256_loadu_ps(in + k);
      // Position 0 wins unless it is NaN or -Infinity (then no winner yet).
      __m256i win = _mm256_blendv_epi8(
          _mm256_set1_epi32(kNoWinner), _mm256_setzero_si256(),
          _mm256_castps_si256(_mm256_cmp_ps(top, _mm256_set1_ps(-std::numeric_limits<float>::infinity()), _CMP_GT_OQ)));
      top = _mm256_max_ps(top, _mm256_set1_ps(-std::numeric_limits<float>::infinity()));  // NaN → -Infinity
      const float* others[3] = {in + s.c + k, in + down + k, in + down + s.c + k};
      for (int i = 0; i < 3; ++i) {
        const __m256 v = _mm256_loadu_ps(others[i]);
        const __m256 greater = _mm256_cmp_ps(v, top, _CMP_GT_OQ);
        top = _mm256_blendv_ps(top, v, greater);
        win = _mm256_blendv_epi8(win, _mm256_set1_epi32(i + 1), _mm256_castps_si256(greater));
      }
      _mm256_storeu_ps(out + k, top);
      const __m128i words = _mm_packus_epi32(_mm256_castsi256_si128(win), _mm256_extracti128_si256(win, 1));
      _mm_storel_epi64(reinterpret_cast<__m128i*>(record + k), _mm_packus_epi16(words, words));
    }
    return;
  }
  for (int64_t k = 0; k < s.c; k += 8) {
    __m256 top = _mm256_set1_ps(-std::numeric_limits<float>::infinity());
    __m256i win = _mm256_set1_epi32(kNoWinner);
    for (int64_t iy = y0; iy < y1; ++iy)
      for (int64_t ix = x0; ix < x1; ++ix) {
        const __m256 in = _mm256_loadu_ps(x + ((b * s.h + iy) * s.w + ix) * s.c + k);
        // Strictly greater (ordered): the first maximum wins, NaN never does.
        const __m256 greater = _mm256_cmp_ps(in, top, _CMP_GT_OQ);
        top = _mm256_blendv_ps(top, in, greater);
        win = _mm256_blendv_epi8(win, _mm256_set1_epi32(windowPosition(s, oy, ox, iy, ix)), _mm256_castps_si256(greater));
      }
    _mm256_storeu_ps(out + k, top);
    const __m128i words = _mm_packus_epi32(_mm256_castsi256_si128(win), _mm256_extracti128_si256(win, 1));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(record + k), _mm_packus_epi16(words, words));
  }
}

// The same for any channel count.
inline void windowWinners(const PoolShape& s, const float* x, int64_t b, int64_t oy, int64_t ox, int64_t y0,
                          int64_t y1, int64_t x0, int64_t x1, float* out, uint8_t* record) {
  for (int64_t k = 0; k < s.c; ++k) {
    float top = -std::numeric_limits<float>::infinity();
    uint8_t win = kNoWinner;
    for (int64_t iy = y0; iy < y1; ++iy)
      for (int64_t ix = x0; ix < x1; ++ix) {
        const float in = x[((b * s.h + iy) * s.w + ix) * s.c + k];
        if (in > top) {
          top = in;
          win = windowPosition(s, oy, ox, iy, ix);
        }
      }
    out[k] = top;
    record[k] = win;
  }
}
}  // namespace

void maxPoolWinners(const PoolShape& s, const float* x, float* y, uint8_t* winners) {
  const bool wide = s.c % 8 == 0;
#pragma omp parallel for schedule(dynamic, 8) if (s.n * s.oh * s.ow * s.c >= kParallelMin)
  for (int64_t row = 0; row < s.n * s.oh; ++row) {
    const int64_t b = row / s.oh, oy = row % s.oh;
    int64_t y0, y1;
    clampWindow(oy * s.sh - s.pt, s.fh, s.h, y0, y1);
    for (int64_t ox = 0; ox < s.ow; ++ox) {
      int64_t x0, x1;
      clampWindow(ox * s.sw - s.pl, s.fw, s.w, x0, x1);
      const int64_t o = ((b * s.oh + oy) * s.ow + ox) * s.c;
      if (wide && y1 - y0 == 2 && x1 - x0 == 2 && s.fh == 2 && s.fw == 2 && y0 == oy * s.sh - s.pt &&
          x0 == ox * s.sw - s.pl)
        windowWinners8<true>(s, x, b, oy, ox, y0, y1, x0, x1, y + o, winners + o);
      else if (wide)
        windowWinners8<false>(s, x, b, oy, ox, y0, y1, x0, x1, y + o, winners + o);
      else
        windowWinners(s, x, b, oy, ox, y0, y1, x0, x1, y + o, winners + o);
    }
  }
}

void maxPoolGradWinners(const PoolShape& s, const float* dy, const uint8_t* winners, float* dx) {
  const int64_t c = s.c;
  // A dx far larger than the caches is written around them (no read for ownership):
  // its next reader, if any, finds it in memory either way.
  const bool stream = s.n * s.h * s.w * c * sizeof(float) >= kStreamBytes && c % 8 == 0 &&
                      reinterpret_cast<uintptr_t>(dx) % 16 == 0;
  const std::vector<char> rows = coveredBy(s.oh, s.sh, s.pt, s.fh, s.h);
  const std::vector<char> cols = coveredBy(s.ow, s.sw, s.pl, s.fw, s.w);
#pragma omp parallel for schedule(dynamic) if (s.n * s.h * s.w * c >= kParallelMin)
  for (int64_t b = 0; b < s.n; ++b) {
    float* image = dx + b * s.h * s.w * c;
    for (int64_t iy = 0; iy < s.h; ++iy)
      for (int64_t ix = 0; ix < s.w; ++ix)
        if (!rows[iy] || !cols[ix]) std::memset(image + (iy * s.w + ix) * c, 0, sizeof(float) * c);
    for (int64_t oy = 0; oy < s.oh; ++oy) {
      int64_t y0, y1;
      clampWindow(oy * s.sh - s.pt, s.fh, s.h, y0, y1);
      for (int64_t ox = 0; ox < s.ow; ++ox) {
        int64_t x0, x1;
        clampWindow(ox * s.sw - s.pl, s.fw, s.w, x0, x1);
        const int64_t o = ((b * s.oh + oy) * s.ow + ox) * c;
        const float* g = dy + o;
        const uint8_t* win = winners + o;
        for (int64_t iy = y0; iy < y1; ++iy)
          for (int64_t ix = x0; ix < x1; ++ix) {
            const uint8_t position = windowPosition(s, oy, ox, iy, ix);
            float* out = image + (iy * s.w + ix) * c;
            if (stream) {
              const __m256i at = _mm256_set1_epi32(position);
              for (int64_t k = 0; k < c; k += 8) {
                const __m256i won = _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(win + k)));
                const __m256 share = _mm256_and_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(won, at)), _mm256_loadu_ps(g + k));
                // Two 16-byte streams: V8's arrays are 16-byte aligned, not 32.
                _mm_stream_ps(out + k, _mm256_castps256_ps128(share));
                _mm_stream_ps(out + k + 4, _mm256_extractf128_ps(share, 1));
              }
              continue;
            }
#pragma omp simd
            for (int64_t k = 0; k < c; ++k) out[k] = win[k] == position ? g[k] : 0.0f;
          }
      }
    }
  }
  _mm_sfence();
}

}  // namespace sparring
