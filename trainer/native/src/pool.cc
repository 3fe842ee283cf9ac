// Max pooling over NHWC images as tight loops: channels are innermost in memory, so
// every inner loop runs over contiguous channels and vectorises. Ties and NaNs
// follow tfjs: the first strictly greater value wins, NaNs never do, and a window
// with no winner yields -Infinity forward and no gradient backward.
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

}  // namespace sparring
