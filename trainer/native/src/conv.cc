// 2-D convolutions through oneDNN primitives. Images stay in tfjs's NHWC layout
// (no activation reorders); the small filters are reordered each call from tfjs's
// HWIO (or OIHW) into whatever blocked layout the fastest implementation wants.
// Primitives are built once per shape and kept, since building one costs far more
// than a run.
//
// Implementations built on oneDNN's GEMM ("gemm:jit") are skipped: in oneDNN before
// 3.11.2 its JIT GEMM points the stack pointer into the heap while it runs, so any
// signal delivered meanwhile (a profiler's SIGPROF, a SIGINT handler) corrupts the
// heap (oneDNN issue #4845). Debian ships 2.6.3.
#include <cstdlib>
#include <map>
#include <memory>
#include <oneapi/dnnl/dnnl.hpp>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>

#include "kernels.h"

namespace sparring {

using dnnl::memory;
using tag = dnnl::memory::format_tag;

dnnl::engine& cpuEngine() {
  static dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  return engine;
}

dnnl::stream& cpuStream() {
  static dnnl::stream stream(cpuEngine());
  return stream;
}

namespace {

enum class Kind { Forward, BackwardData, BackwardWeights };

using Key = std::tuple<int, Kind, FilterLayout, bool, bool, int64_t, int64_t, int64_t, int64_t, int64_t, int64_t,
                       int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, int64_t,
                       int64_t, int64_t, int64_t>;

Key keyOf(Kind kind, FilterLayout layout, const ConvShape& s, bool bias, bool relu) {
  // The thread count is part of the key: oneDNN fixes a primitive's work split when
  // it builds it, and omp_set_num_threads may change the count between calls.
  return {threadCount(), kind, layout, bias, relu, s.n, s.h, s.w, s.c, s.kh, s.kw, s.oc, s.oh, s.ow,
          s.sh, s.sw, s.pt, s.pl, s.pb, s.pr, s.dh, s.dw};
}

memory::desc srcDesc(const ConvShape& s) { return {{s.n, s.c, s.h, s.w}, memory::data_type::f32, tag::nhwc}; }
memory::desc dstDesc(const ConvShape& s) { return {{s.n, s.oc, s.oh, s.ow}, memory::data_type::f32, tag::nhwc}; }
memory::desc weightsDesc(const ConvShape& s, tag format) {
  return {{s.oc, s.c, s.kh, s.kw}, memory::data_type::f32, format};
}
memory::desc userWeightsDesc(const ConvShape& s, FilterLayout layout) {
  return weightsDesc(s, layout == FilterLayout::HWIO ? tag::hwio : tag::oihw);
}

// Moves a primitive descriptor past GEMM-based implementations (see the top).
template <typename Pd>
Pd withoutGemm(Pd pd) {
  while (std::string(pd.impl_info_str()).find("gemm") != std::string::npos)
    if (!pd.next_impl()) throw std::runtime_error("only GEMM-based oneDNN convolutions fit this shape");
  return pd;
}

struct Geometry {
  memory::dims strides, dilates, padL, padR;
};
Geometry geometryOf(const ConvShape& s) {
  return {{s.sh, s.sw}, {s.dh - 1, s.dw - 1}, {s.pt, s.pl}, {s.pb, s.pr}};
}

// The forward primitive descriptor; backward primitives need it as a hint.
dnnl::convolution_forward::primitive_desc forwardPd(const ConvShape& s, bool bias, bool relu) {
  const Geometry g = geometryOf(s);
  const memory::desc biasDesc = bias ? memory::desc({s.oc}, memory::data_type::f32, tag::x) : memory::desc();
  dnnl::convolution_forward::desc d(dnnl::prop_kind::forward_training, dnnl::algorithm::convolution_direct,
                                    srcDesc(s), weightsDesc(s, tag::any), biasDesc, dstDesc(s), g.strides,
                                    g.dilates, g.padL, g.padR);
  dnnl::primitive_attr attr;
  if (relu) {
    dnnl::post_ops ops;
    ops.append_eltwise(1.0f, dnnl::algorithm::eltwise_relu, 0.0f, 0.0f);
    attr.set_post_ops(ops);
  }
  return withoutGemm(dnnl::convolution_forward::primitive_desc(d, attr, cpuEngine()));
}

// A primitive plus, when its filter layout is not HWIO, a buffer for the filter in
// the primitive's layout and the reorder between that buffer and HWIO (into the
// buffer for forward and backward-data, out of it for backward-weights).
struct Entry {
  dnnl::primitive primitive;
  bool needsReorder = false;
  memory filterBuffer;
  dnnl::reorder filterReorder;
};

Entry withFilter(dnnl::primitive primitive, const memory::desc& wanted, const memory::desc& user, bool intoUser) {
  Entry e;
  e.primitive = primitive;
  e.needsReorder = wanted != user;
  if (e.needsReorder) {
    e.filterBuffer = memory(wanted, cpuEngine());
    e.filterReorder = intoUser ? dnnl::reorder(dnnl::reorder::primitive_desc(cpuEngine(), wanted, cpuEngine(), user))
                               : dnnl::reorder(dnnl::reorder::primitive_desc(cpuEngine(), user, cpuEngine(), wanted));
  }
  return e;
}

Entry& entryFor(Kind kind, FilterLayout layout, const ConvShape& s, bool bias, bool relu) {
  static std::map<Key, Entry> cache;
  const Key key = keyOf(kind, layout, s, bias, relu);
  auto found = cache.find(key);
  if (found != cache.end()) return found->second;
  const Geometry g = geometryOf(s);
  const memory::desc user = userWeightsDesc(s, layout);
  Entry e;
  if (kind == Kind::Forward) {
    auto pd = forwardPd(s, bias, relu);
    e = withFilter(dnnl::convolution_forward(pd), pd.weights_desc(), user, false);
  } else if (kind == Kind::BackwardData) {
    dnnl::convolution_backward_data::desc d(dnnl::algorithm::convolution_direct, srcDesc(s),
                                            weightsDesc(s, tag::any), dstDesc(s), g.strides, g.dilates,
                                            g.padL, g.padR);
    auto pd = withoutGemm(dnnl::convolution_backward_data::primitive_desc(d, cpuEngine(), forwardPd(s, false, false)));
    e = withFilter(dnnl::convolution_backward_data(pd), pd.weights_desc(), user, false);
  } else {
    dnnl::convolution_backward_weights::desc d(dnnl::algorithm::convolution_direct, srcDesc(s),
                                               weightsDesc(s, tag::any), dstDesc(s), g.strides,
                                               g.dilates, g.padL, g.padR);
    auto pd = withoutGemm(dnnl::convolution_backward_weights::primitive_desc(d, cpuEngine(), forwardPd(s, false, false)));
    e = withFilter(dnnl::convolution_backward_weights(pd), pd.diff_weights_desc(), user, true);
  }
  return cache.emplace(key, std::move(e)).first->second;
}

// 3×3 stride-1 layers run Winograd (winograd.cc) unless SPARRING_WINOGRAD=0, which
// keeps oneDNN's direct kernels (for comparing the two).
bool winogradOn() {
  static const bool on = [] {
    const char* v = std::getenv("SPARRING_WINOGRAD");
    return v == nullptr || std::string(v) != "0";
  }();
  return on;
}

memory wrap(const memory::desc& desc, const float* data) {
  return memory(desc, cpuEngine(), const_cast<float*>(data));
}

}  // namespace

void convForward(const ConvShape& s, const float* x, const float* w, const float* bias, bool relu,
                 float* y, FilterLayout layout) {
  if (layout == FilterLayout::HWIO && winogradOn() && winogradForward(s, x, w, bias, relu, y)) return;
  Entry& e = entryFor(Kind::Forward, layout, s, bias != nullptr, relu);
  auto& stream = cpuStream();
  memory filter = wrap(userWeightsDesc(s, layout), w);
  if (e.needsReorder) {
    e.filterReorder.execute(stream, filter, e.filterBuffer);
    filter = e.filterBuffer;
  }
  std::unordered_map<int, memory> args{{DNNL_ARG_SRC, wrap(srcDesc(s), x)},
                                       {DNNL_ARG_WEIGHTS, filter},
                                       {DNNL_ARG_DST, wrap(dstDesc(s), y)}};
  if (bias != nullptr) args.emplace(DNNL_ARG_BIAS, wrap(memory::desc({s.oc}, memory::data_type::f32, tag::x), bias));
  e.primitive.execute(stream, args);
  stream.wait();
}

void convBackwardData(const ConvShape& s, const float* dy, const float* w, float* dx) {
  if (convBackwardDataFewChannels(s, dy, w, dx)) return;
  if (winogradOn() && winogradBackwardData(s, dy, w, dx)) return;
  Entry& e = entryFor(Kind::BackwardData, FilterLayout::HWIO, s, false, false);
  auto& stream = cpuStream();
  memory filter = wrap(weightsDesc(s, tag::hwio), w);
  if (e.needsReorder) {
    e.filterReorder.execute(stream, filter, e.filterBuffer);
    filter = e.filterBuffer;
  }
  e.primitive.execute(stream, {{DNNL_ARG_DIFF_DST, wrap(dstDesc(s), dy)},
                               {DNNL_ARG_WEIGHTS, filter},
                               {DNNL_ARG_DIFF_SRC, wrap(srcDesc(s), dx)}});
  stream.wait();
}

void convBackwardWeights(const ConvShape& s, const float* x, const float* dy, float* dw) {
  if (winogradOn() && winogradBackwardWeights(s, x, dy, dw)) return;
  Entry& e = entryFor(Kind::BackwardWeights, FilterLayout::HWIO, s, false, false);
  auto& stream = cpuStream();
  memory user = wrap(weightsDesc(s, tag::hwio), dw);
  memory target = e.needsReorder ? e.filterBuffer : user;
  e.primitive.execute(stream, {{DNNL_ARG_SRC, wrap(srcDesc(s), x)},
                               {DNNL_ARG_DIFF_DST, wrap(dstDesc(s), dy)},
                               {DNNL_ARG_DIFF_WEIGHTS, target}});
  if (e.needsReorder) e.filterReorder.execute(stream, target, user);
  stream.wait();
}

}  // namespace sparring
