// dL/dx of a convolution whose input has few channels (an image's first layer).
// oneDNN's backward-data kernels vectorise over input channels, which here number
// one, and ran at a few GFLOP/s. Instead: one matrix product gives, for every output
// pixel, its gradient's share for each filter tap (dy [pixels, oc] · filterᵀ
// [oc, taps], where HWIO filters are already the [taps, oc] matrix), and a scatter
// ("col2im") adds each share into the input pixel under that tap. Attacks need this
// gradient with respect to the image itself.
#include <vector>

#include "kernels.h"
#include "parallel.h"

namespace sparring {

namespace {

// For each input coordinate along one axis, the (filter tap, output coordinate)
// pairs whose window reaches it, computed once so that the pixel loop has no
// divisions.
struct Tap {
  int64_t k, out;
};
std::vector<std::vector<Tap>> tapsAlong(int64_t length, int64_t taps, int64_t outLength, int64_t stride, int64_t pad,
                                        int64_t dilation) {
  std::vector<std::vector<Tap>> along(length);
  for (int64_t i = 0; i < length; ++i)
    for (int64_t k = 0; k < taps; ++k) {
      const int64_t at = i + pad - k * dilation;
      if (at >= 0 && at % stride == 0 && at / stride < outLength) along[i].push_back({k, at / stride});
    }
  return along;
}

}  // namespace

bool convBackwardDataFewChannels(const ConvShape& s, const float* dy, const float* w, float* dx) {
  if (s.c > kFewChannels) return false;
  const int64_t c = s.c, taps = s.kh * s.kw * c;
  const int64_t pixels = s.n * s.oh * s.ow;
  static thread_local std::vector<float> shares;
  shares.resize(pixels * taps);
  // shares[p][t] = Σ_o dy[p][o] · w[t][o]: a product with the filter transposed.
  matmul(dy, w, shares.data(), 1, 1, 1, pixels, taps, s.oc, false, true, nullptr, false);

  // Each input pixel gathers the shares of the (output pixel, tap) pairs over it.
  const auto rows = tapsAlong(s.h, s.kh, s.oh, s.sh, s.pt, s.dh);
  const auto cols = tapsAlong(s.w, s.kw, s.ow, s.sw, s.pl, s.dw);
  const float* share = shares.data();
#pragma omp parallel for schedule(dynamic, 8) if (pixels * taps >= kParallelMin)
  for (int64_t row = 0; row < s.n * s.h; ++row) {
    const int64_t b = row / s.h, iy = row % s.h;
    for (int64_t ix = 0; ix < s.w; ++ix) {
      float sum[kFewChannels] = {};
      for (const Tap& ty : rows[iy])
        for (const Tap& tx : cols[ix]) {
          const float* from = share + ((b * s.oh + ty.out) * s.ow + tx.out) * taps + (ty.k * s.kw + tx.k) * c;
          for (int64_t ci = 0; ci < c; ++ci) sum[ci] += from[ci];
        }
      float* out = dx + (row * s.w + ix) * c;
      for (int64_t ci = 0; ci < c; ++ci) out[ci] = sum[ci];
    }
  }
  return true;
}

}  // namespace sparring
