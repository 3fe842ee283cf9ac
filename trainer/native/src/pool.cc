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
#pragma omp parallel for schedule(static) if (s.n * s.oh * s.ow * c >= kParallelMin)
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

// Two passes per window, both branch-free and vectorised over channels: the window's
// maximum (as forward), then each position in window order takes the gradient when
// it equals that maximum and no earlier position has (tfjs's first-maximum rule).
// A window whose maximum stayed -Infinity had no winner and passes no gradient.
void maxPoolGrad(const PoolShape& s, const float* dy, const float* x, float* dx) {
  const int64_t c = s.c;
#pragma omp parallel if (s.n * s.h * s.w * c >= kParallelMin)
  {
    std::vector<float> best(c), taken(c);
    // One image per iteration: windows of different images never share a dx element.
#pragma omp for schedule(static)
    for (int64_t b = 0; b < s.n; ++b) {
      std::memset(dx + b * s.h * s.w * c, 0, sizeof(float) * s.h * s.w * c);
      for (int64_t oy = 0; oy < s.oh; ++oy) {
        int64_t y0, y1;
        clampWindow(oy * s.sh - s.pt, s.fh, s.h, y0, y1);
        for (int64_t ox = 0; ox < s.ow; ++ox) {
          int64_t x0, x1;
          clampWindow(ox * s.sw - s.pl, s.fw, s.w, x0, x1);
          float* top = best.data();
          float* done = taken.data();
          for (int64_t k = 0; k < c; ++k) {
            top[k] = -std::numeric_limits<float>::infinity();
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
                // Every load unconditional and `&` rather than `&&`: no branches, so
                // the loop vectorises.
                const float value = x[at + k], max = top[k], grad = g[k], before = done[k];
                const bool wins = (before == 0.0f) & (value == max) & (max > -std::numeric_limits<float>::infinity());
                dx[at + k] += wins ? grad : 0.0f;
                done[k] = wins ? 1.0f : before;
              }
            }
        }
      }
    }
  }
}

}  // namespace sparring
