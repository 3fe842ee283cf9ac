// 3×3 stride-1 convolutions by Winograd's F(4×4, 3×3) (winograd_transforms.h): each
// 4×4 tile of outputs needs 36 products per channel pair where the direct convolution
// needs 144. oneDNN 2.6's direct AVX2 kernels were most of a CNN training step
// (docs/BENCHMARKS.md, "Native backend").
//
// The batch is cut into chunks of whole images, small enough that a chunk's
// transformed tiles stay in the core's L2 cache between the three stages (transform,
// 36 products, transform back); chunks go to the OpenMP threads on demand.
//   forward          y  = Aᵀ[U ⊙ V]A per tile, U = G g Gᵀ, V = Bᵀ d B, summed over channels;
//   input gradient   dV = dM · Uᵀ with dM = A dY Aᵀ, then dx += B dV Bᵀ over each tile's patch;
//   filter gradient  dU = Σ_tiles Vᵀ · dM, then dg = Gᵀ dU G.
// Transforms add and scale values, so an Inf or NaN would spread over its whole tile
// (and Inf − Inf gives NaN): when an operand holds one, the functions return false and
// the caller runs the direct convolution, whose results match tfjs's semantics.
#include <algorithm>
#include <cstring>
#include <vector>

#include "kernels.h"
#include "winograd_gemm.h"
#include "winograd_transforms.h"

namespace sparring {

namespace {

using namespace winograd;

// Tiles per chunk to aim for: a chunk's transformed inputs and outputs (36 values per
// tile and channel) then take about 36·kChunkTiles·(c + oc)·4 bytes, 250 kB for the CNN's
// second layer, half the L2 cache of this machine's cores.
constexpr int64_t kChunkTiles = 18;
// The filter gradient sums its products over more tiles per chunk: each chunk loads
// and stores the 36 partial sums dU (300 kB for the CNN's second layer) once.
constexpr int64_t kWeightChunkTiles = 36;
// Groups of images the filter gradient sums separately (see winogradBackwardWeights).
constexpr int64_t kWeightGroups = 8;

// A forward convolution's geometry and its tiling.
struct Plan {
  int64_t n, h, w, c, oh, ow, oc, pt, pl;
  int64_t tilesY, tilesX;
  int64_t perImage() const { return tilesY * tilesX; }
  int64_t imagesPerChunk() const { return std::max<int64_t>(1, kChunkTiles / perImage()); }
};

Plan planOf(const ConvShape& s) {
  return {s.n, s.h, s.w, s.c, s.oh, s.ow, s.oc, s.pt, s.pl, (s.oh + kM - 1) / kM, (s.ow + kM - 1) / kM};
}

// Calls f(local tile index, image, tile row, tile column) for the tiles of images [b0, b1).
template <typename F>
void forTiles(const Plan& p, int64_t b0, int64_t b1, F f) {
  int64_t t = 0;
  for (int64_t b = b0; b < b1; ++b)
    for (int64_t ty = 0; ty < p.tilesY; ++ty)
      for (int64_t tx = 0; tx < p.tilesX; ++tx) f(t++, b, ty, tx);
}

// Where a tile's pixels are: the offsets (in floats) of its S rows and S columns in
// an NHWC batch of height×width×channels images, -1 for those outside the image, so
// that the loops over channels below do no index arithmetic.
template <int S>
struct Window {
  int64_t row[S], col[S];
  Window(int64_t b, int64_t top, int64_t left, int64_t height, int64_t width, int64_t channels) {
    for (int i = 0; i < S; ++i) {
      const int64_t y = top + i, x = left + i;
      row[i] = y >= 0 && y < height ? (b * height + y) * width * channels : -1;
      col[i] = x >= 0 && x < width ? x * channels : -1;
    }
  }
  bool inside(int i, int j) const { return (row[i] | col[j]) >= 0; }
  int64_t at(int i, int j) const { return row[i] + col[j]; }
};

// Non-finite values are found by summing the values a tile reads (a NaN or Inf makes
// the sum one; a sum that overflows only sends the layer to the direct kernel).
inline v8 sum(const v8* v, int n) {
  v8 a = v[0], b = v[1];
  for (int k = 2; k + 1 < n; k += 2) {
    a += v[k];
    b += v[k + 1];
  }
  if (n % 2) a += v[n - 1];
  return a + b;
}

// V[t][ξ][c] = (Bᵀ d B)[ξ] for the chunk's tiles, d the 6×6 input patch (zero outside the image).
void transformInput(const Plan& p, const float* x, int64_t b0, int64_t b1, float* v, v8& bad) {
  const int64_t c = p.c;
  v8 seen = {};
  forTiles(p, b0, b1, [&, c, x, v](int64_t t, int64_t b, int64_t ty, int64_t tx) {
    const Window<kA> at(b, ty * kM - p.pt, tx * kM - p.pl, p.h, p.w, c);
    float* out = v + t * kA2 * c;
    for (int64_t c0 = 0; c0 < c; c0 += kLanes) {
      v8 d[kA2], scratch[kA2];
      for (int i = 0; i < kA; ++i)
        for (int j = 0; j < kA; ++j) d[i * kA + j] = at.inside(i, j) ? load(x + at.at(i, j) + c0) : v8{};
      seen += sum(d, kA2);
      inputTile(d, scratch);
      for (int k = 0; k < kA2; ++k) store(out + k * c + c0, d[k]);
    }
  });
  probe(bad, seen);
}

// dM[t][ξ][oc] = (A dY Aᵀ)[ξ] for the chunk's tiles (dY zero beyond the output).
void transformOutputGrad(const Plan& p, const float* dy, int64_t b0, int64_t b1, float* dm, v8& bad) {
  const int64_t oc = p.oc;
  v8 seen = {};
  forTiles(p, b0, b1, [&, oc, dy, dm](int64_t t, int64_t b, int64_t ty, int64_t tx) {
    const Window<kM> at(b, ty * kM, tx * kM, p.oh, p.ow, oc);
    float* out = dm + t * kA2 * oc;
    for (int64_t c0 = 0; c0 < oc; c0 += kLanes) {
      v8 g[kM * kM], rows[kA * kM], d[kA2];
      for (int i = 0; i < kM; ++i)
        for (int j = 0; j < kM; ++j) g[i * kM + j] = at.inside(i, j) ? load(dy + at.at(i, j) + c0) : v8{};
      seen += sum(g, kM * kM);
      outputAdjointTile(g, rows, d);
      for (int k = 0; k < kA2; ++k) store(out + k * oc + c0, d[k]);
    }
  });
  probe(bad, seen);
}

// U[ξ][c][oc] = (G g Gᵀ)[ξ] for an HWIO 3×3 filter. False if the filter is not finite.
bool transformFilter(const float* w, int64_t c, int64_t oc, float* u) {
  v8 bad = {};
  for (int64_t ci = 0; ci < c; ++ci)
    for (int64_t o = 0; o < oc; o += kLanes) {
      v8 g[9], rows[kA * 3], out[kA2];
      for (int k = 0; k < 9; ++k) {
        g[k] = load(w + (k * c + ci) * oc + o);
        probe(bad, g[k]);
      }
      filterTile(g, rows, out);
      for (int k = 0; k < kA2; ++k) store(u + (k * c + ci) * oc + o, out[k]);
    }
  return clean(bad);
}

// Runs body(i0, i1, bad) over [0, items) in runs of `per` on the OpenMP threads, handed
// out on demand; false if any run saw a non-finite value.
template <typename Body>
bool overRuns(int64_t items, int64_t per, Body body) {
  bool finite = true;
  const int64_t runs = (items + per - 1) / per;
#pragma omp parallel if (runs > 1)
  {
    v8 bad = {};
#pragma omp for schedule(dynamic, 1)
    for (int64_t run = 0; run < runs; ++run) body(run * per, std::min(items, (run + 1) * per), bad);
    if (!clean(bad)) {
#pragma omp atomic write
      finite = false;
    }
  }
  return finite;
}

// Per-thread scratch for one chunk's transformed tiles.
std::vector<float>& scratch(int which, int64_t size) {
  static thread_local std::vector<float> buffers[2];
  buffers[which].resize(size);
  return buffers[which];
}

}  // namespace

bool winogradFits(const ConvShape& s) {
  return s.kh == 3 && s.kw == 3 && s.sh == 1 && s.sw == 1 && s.dh == 1 && s.dw == 1 && s.c >= kWinogradMinChannels &&
         s.oc >= kWinogradMinChannels && s.c % kLanes == 0 && s.oc % kLanes == 0 && s.pt <= 2 && s.pl <= 2;
}

bool winogradForward(const ConvShape& s, const float* x, const float* w, const float* bias, bool relu, float* y) {
  if (!winogradFits(s)) return false;
  const Plan p = planOf(s);
  std::vector<float> u(kA2 * p.c * p.oc);
  if (!transformFilter(w, p.c, p.oc, u.data())) return false;
  return overRuns(p.n, p.imagesPerChunk(), [&](int64_t b0, int64_t b1, v8& bad) {
    const int64_t count = (b1 - b0) * p.perImage();
    float* v = scratch(0, kA2 * count * p.c).data();
    float* m = scratch(1, kA2 * count * p.oc).data();
    transformInput(p, x, b0, b1, v, bad);
    for (int k = 0; k < kA2; ++k)
      gemm(count, p.oc, p.c, {v + k * p.c, kA2 * p.c, 1}, u.data() + k * p.c * p.oc, p.oc, m + k * p.oc, kA2 * p.oc, false);
    // y = Aᵀ m A per tile, plus bias and ReLU, keeping outputs inside the image.
    const int64_t oc = p.oc;
    forTiles(p, b0, b1, [&, oc, m, y, bias, relu](int64_t t, int64_t b, int64_t ty, int64_t tx) {
      const Window<kM> at(b, ty * kM, tx * kM, p.oh, p.ow, oc);
      const float* from = m + t * kA2 * oc;
      for (int64_t o = 0; o < oc; o += kLanes) {
        v8 in[kA2], rows[kM * kA], out[kM * kM];
        for (int k = 0; k < kA2; ++k) in[k] = load(from + k * oc + o);
        outputTile(in, rows, out);
        const v8 add = bias != nullptr ? load(bias + o) : v8{};
        for (int i = 0; i < kM; ++i)
          for (int j = 0; j < kM; ++j) {
            if (!at.inside(i, j)) continue;
            v8 value = out[i * kM + j] + add;
            if (relu) value = value < 0 ? v8{} : value;
            store(y + at.at(i, j) + o, value);
          }
      }
    });
  });
}

bool winogradBackwardData(const ConvShape& s, const float* dy, const float* w, float* dx) {
  if (!winogradFits(s)) return false;
  const Plan p = planOf(s);
  std::vector<float> u(kA2 * p.c * p.oc), ut(u.size());
  if (!transformFilter(w, p.c, p.oc, u.data())) return false;
  // Uᵀ[ξ][oc][c], the right operand of dV = dM · Uᵀ.
  for (int k = 0; k < kA2; ++k)
    for (int64_t ci = 0; ci < p.c; ++ci)
      for (int64_t o = 0; o < p.oc; ++o) ut[(k * p.oc + o) * p.c + ci] = u[(k * p.c + ci) * p.oc + o];
  return overRuns(p.n, p.imagesPerChunk(), [&](int64_t b0, int64_t b1, v8& bad) {
    const int64_t count = (b1 - b0) * p.perImage();
    float* dm = scratch(0, kA2 * count * p.oc).data();
    float* dv = scratch(1, kA2 * count * p.c).data();
    transformOutputGrad(p, dy, b0, b1, dm, bad);
    for (int k = 0; k < kA2; ++k)
      gemm(count, p.c, p.oc, {dm + k * p.oc, kA2 * p.oc, 1}, ut.data() + k * p.oc * p.c, p.c, dv + k * p.c, kA2 * p.c, false);
    // dx = Σ over tiles of B dV Bᵀ on each tile's 6×6 patch (patches overlap by two).
    std::memset(dx + b0 * p.h * p.w * p.c, 0, sizeof(float) * (b1 - b0) * p.h * p.w * p.c);
    const int64_t c = p.c;
    forTiles(p, b0, b1, [&, c, dv, dx](int64_t t, int64_t b, int64_t ty, int64_t tx) {
      const Window<kA> at(b, ty * kM - p.pt, tx * kM - p.pl, p.h, p.w, c);
      const float* from = dv + t * kA2 * c;
      for (int64_t c0 = 0; c0 < c; c0 += kLanes) {
        v8 d[kA2], scratch[kA2];
        for (int k = 0; k < kA2; ++k) d[k] = load(from + k * c + c0);
        inputAdjointTile(d, scratch);
        for (int i = 0; i < kA; ++i)
          for (int j = 0; j < kA; ++j)
            if (at.inside(i, j)) {
              float* to = dx + at.at(i, j) + c0;
              store(to, load(to) + d[i * kA + j]);
            }
      }
    });
  });
}

bool winogradBackwardWeights(const ConvShape& s, const float* x, const float* dy, float* dw) {
  if (!winogradFits(s)) return false;
  const Plan p = planOf(s);
  const int64_t size = kA2 * p.c * p.oc;
  // The batch is cut into a fixed number of groups of images, whose sums dU are kept
  // apart and added in order at the end: the result does not depend on the thread
  // count or timing. Within a group, chunks of images add into the group's sum.
  // (Fewer groups for very wide layers, so that the partial sums stay within 64 MB.)
  const int64_t groups = std::max<int64_t>(1, std::min({kWeightGroups, p.n, (int64_t{1} << 24) / size}));
  const int64_t perGroup = (p.n + groups - 1) / groups;
  // (Its memory is passed to the worker threads as a pointer: each thread has its own
  // instance of a thread_local.)
  static thread_local std::vector<float> sums;
  sums.resize(groups * size);
  float* const partial = sums.data();
  const int64_t chunkImages = std::max<int64_t>(1, kWeightChunkTiles / p.perImage());
  const bool finite = overRuns(groups, 1, [&](int64_t g, int64_t, v8& bad) {
    float* du = partial + g * size;
    const int64_t end = std::min(p.n, (g + 1) * perGroup);
    for (int64_t b0 = g * perGroup; b0 < end; b0 += chunkImages) {
      const int64_t b1 = std::min(end, b0 + chunkImages), count = (b1 - b0) * p.perImage();
      float* v = scratch(0, kA2 * count * p.c).data();
      float* dm = scratch(1, kA2 * count * p.oc).data();
      transformInput(p, x, b0, b1, v, bad);
      transformOutputGrad(p, dy, b0, b1, dm, bad);
      // dU[ξ] += V[ξ]ᵀ · dM[ξ]: [c × tiles] · [tiles × oc].
      for (int k = 0; k < kA2; ++k)
        gemm(p.c, p.oc, count, {v + k * p.c, 1, kA2 * p.c}, dm + k * p.oc, kA2 * p.oc, du + k * p.c * p.oc, p.oc,
             b0 != g * perGroup);
    }
  });
  if (!finite) return false;
  for (int64_t g = 1; g < groups; ++g)
    for (int64_t i = 0; i < size; ++i) partial[i] += partial[g * size + i];
  // dw = Gᵀ dU G per input channel and 8 output channels.
  for (int64_t ci = 0; ci < p.c; ++ci)
    for (int64_t o = 0; o < p.oc; o += kLanes) {
      v8 in[kA2], rows[3 * kA], out[9];
      for (int k = 0; k < kA2; ++k) in[k] = load(partial + (k * p.c + ci) * p.oc + o);
      filterAdjointTile(in, rows, out);
      for (int k = 0; k < 9; ++k) store(dw + (k * p.c + ci) * p.oc + o, out[k]);
    }
  return true;
}

}  // namespace sparring
