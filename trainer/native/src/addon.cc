// The N-API surface: one JavaScript function per kernel. Each reads its arguments,
// checks buffer sizes against the shape it was given, and calls the kernel on the
// arrays' own memory. The TypeScript side (../kernels/) owns all shape logic.
#include <node_api.h>

#include <oneapi/dnnl/dnnl.h>

#include <functional>
#include <string>

#include "js_args.h"
#include "kernels.h"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace sparring {

int threadCount() {
#ifdef _OPENMP
  return omp_get_max_threads();
#else
  return 1;
#endif
}

namespace {

// Runs a binding body, turning C++ exceptions (ours and oneDNN's) into JS errors.
napi_value guarded(napi_env env, const std::function<void()>& body) {
  try {
    body();
  } catch (const std::exception& e) {
    napi_throw_error(env, nullptr, (std::string("native kernel: ") + e.what()).c_str());
  }
  return nullptr;
}

// matmul(a, b, c, [batch, batchA, batchB, m, n, k], transA, transB, bias|null, relu)
napi_value Matmul(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    JsArgs args(env, info, 8);
    const int32_t* d = args.i32(3, 6);
    const int64_t batch = d[0], batchA = d[1], batchB = d[2], m = d[3], n = d[4], k = d[5];
    matmul(args.f32(0, batchA * m * k), args.f32(1, batchB * k * n), args.f32(2, batch * m * n), batch, batchA,
           batchB, m, n, k, args.flag(4), args.flag(5), args.f32OrNull(6, n), args.flag(7));
  });
}

ConvShape convShape(const JsArgs& args, size_t i) {
  const int32_t* d = args.i32(i, 17);
  return {d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15], d[16]};
}
int64_t inputSize(const ConvShape& s) { return s.n * s.h * s.w * s.c; }
int64_t filterSize(const ConvShape& s) { return s.kh * s.kw * s.c * s.oc; }
int64_t outputSize(const ConvShape& s) { return s.n * s.oh * s.ow * s.oc; }

// convForward(x, filter, bias|null, y, shape, relu)
napi_value ConvForward(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    JsArgs args(env, info, 6);
    const ConvShape s = convShape(args, 4);
    convForward(s, args.f32(0, inputSize(s)), args.f32(1, filterSize(s)), args.f32OrNull(2, s.oc), args.flag(5),
                args.f32(3, outputSize(s)));
  });
}

// convBackwardData(dy, filter, dx, shape)
napi_value ConvBackwardData(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    JsArgs args(env, info, 4);
    const ConvShape s = convShape(args, 3);
    convBackwardData(s, args.f32(0, outputSize(s)), args.f32(1, filterSize(s)), args.f32(2, inputSize(s)));
  });
}

// convBackwardWeights(x, dy, dFilter, shape)
napi_value ConvBackwardWeights(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    JsArgs args(env, info, 4);
    const ConvShape s = convShape(args, 3);
    convBackwardWeights(s, args.f32(0, inputSize(s)), args.f32(1, outputSize(s)), args.f32(2, filterSize(s)));
  });
}

PoolShape poolShape(const JsArgs& args, size_t i) {
  const int32_t* d = args.i32(i, 12);
  return {d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11]};
}

// maxPool(x, y, shape)
napi_value MaxPool(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    JsArgs args(env, info, 3);
    const PoolShape s = poolShape(args, 2);
    maxPool(s, args.f32(0, s.n * s.h * s.w * s.c), args.f32(1, s.n * s.oh * s.ow * s.c));
  });
}

// maxPoolWinners(x, y, winners, shape)
napi_value MaxPoolWinners(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    JsArgs args(env, info, 4);
    const PoolShape s = poolShape(args, 3);
    const int64_t out = s.n * s.oh * s.ow * s.c;
    maxPoolWinners(s, args.f32(0, s.n * s.h * s.w * s.c), args.f32(1, out), args.u8(2, out));
  });
}

// maxPoolGradWinners(dy, winners, dx, shape)
napi_value MaxPoolGradWinners(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    JsArgs args(env, info, 4);
    const PoolShape s = poolShape(args, 3);
    const int64_t out = s.n * s.oh * s.ow * s.c;
    maxPoolGradWinners(s, args.f32(0, out), args.u8(1, out), args.f32(2, s.n * s.h * s.w * s.c));
  });
}

// convBackwardWeightsPooled(x, g, winners, dFilter, convShape, poolShape) -> boolean
napi_value ConvBackwardWeightsPooled(napi_env env, napi_callback_info info) {
  napi_value result = nullptr;
  guarded(env, [&] {
    JsArgs args(env, info, 6);
    const ConvShape s = convShape(args, 4);
    const PoolShape p = poolShape(args, 5);
    const int64_t pooled = p.n * p.oh * p.ow * p.c;
    const bool done = convBackwardWeightsPooled(s, p, args.f32(0, inputSize(s)), args.f32(1, pooled),
                                                args.u8(2, pooled), args.f32(3, filterSize(s)));
    napi_get_boolean(env, done, &result);
  });
  return result;
}

// maxPoolGrad(dy, x, dx, shape)
napi_value MaxPoolGrad(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    JsArgs args(env, info, 4);
    const PoolShape s = poolShape(args, 3);
    const int64_t in = s.n * s.h * s.w * s.c;
    maxPoolGrad(s, args.f32(0, s.n * s.oh * s.ow * s.c), args.f32(1, in), args.f32(2, in));
  });
}

int64_t operandSize(Broadcast mode, int64_t outer, int64_t inner) {
  switch (mode) {
    case Broadcast::Full: return outer * inner;
    case Broadcast::Row: return inner;
    case Broadcast::Column: return outer;
    default: return 1;
  }
}

Broadcast broadcastOf(const JsArgs& args, size_t i) {
  const int64_t mode = args.integer(i);
  if (mode < 0 || mode > 3) throw JsError("unknown broadcast mode");
  return static_cast<Broadcast>(mode);
}

// binary(op, a, aMode, b, bMode, out, outer, inner)
napi_value Binary(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    JsArgs args(env, info, 8);
    const int64_t op = args.integer(0), outer = args.integer(6), inner = args.integer(7);
    if (op < 0 || op > 7) throw JsError("unknown binary op");
    const Broadcast aMode = broadcastOf(args, 2), bMode = broadcastOf(args, 4);
    binary(static_cast<BinaryOp>(op), args.f32(1, operandSize(aMode, outer, inner)), aMode,
           args.f32(3, operandSize(bMode, outer, inner)), bMode, args.f32(5, outer * inner), outer, inner);
  });
}

// unary(op, x, out, n, alpha, beta)
napi_value Unary(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    JsArgs args(env, info, 6);
    const int64_t op = args.integer(0), n = args.integer(3);
    if (op < 0 || op > 10) throw JsError("unknown unary op");
    unary(static_cast<UnaryOp>(op), args.f32(1, n), args.f32(2, n), n, float(args.number(4)), float(args.number(5)));
  });
}

// clipGrad(dy, x, out, n, lo, hi)
napi_value ClipGrad(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    JsArgs args(env, info, 6);
    const int64_t n = args.integer(3);
    clipGrad(args.f32(0, n), args.f32(1, n), args.f32(2, n), n, float(args.number(4)), float(args.number(5)));
  });
}

// reduceSum(x, out, outer, mid, inner)
napi_value ReduceSum(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    JsArgs args(env, info, 5);
    const int64_t outer = args.integer(2), mid = args.integer(3), inner = args.integer(4);
    reduceSum(args.f32(0, outer * mid * inner), args.f32(1, outer * inner), outer, mid, inner);
  });
}

// adam(value, m, v, grad, outValue, outM, outV, params: Float32Array(8), n)
napi_value Adam(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    JsArgs args(env, info, 9);
    const int64_t n = args.integer(8);
    const float* p = args.f32(7, 8);
    const AdamStep step{p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]};
    adam(step, args.f32(0, n), args.f32(1, n), args.f32(2, n), args.f32(3, n), args.f32(4, n), args.f32(5, n),
         args.f32(6, n), n);
  });
}

// info(): { threads, dnnl } for logs and benchmarks.
napi_value Info(napi_env env, napi_callback_info) {
  napi_value result, threads, version;
  napi_create_object(env, &result);
  napi_create_int32(env, threadCount(), &threads);
  const dnnl_version_t* v = dnnl_version();
  const std::string text = std::to_string(v->major) + "." + std::to_string(v->minor) + "." + std::to_string(v->patch);
  napi_create_string_utf8(env, text.c_str(), text.size(), &version);
  napi_set_named_property(env, result, "threads", threads);
  napi_set_named_property(env, result, "dnnl", version);
  return result;
}

napi_value Init(napi_env env, napi_value exports) {
  const napi_property_descriptor fns[] = {
      {"matmul", nullptr, Matmul, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"convForward", nullptr, ConvForward, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"convBackwardData", nullptr, ConvBackwardData, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"convBackwardWeights", nullptr, ConvBackwardWeights, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"maxPool", nullptr, MaxPool, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"maxPoolGrad", nullptr, MaxPoolGrad, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"maxPoolWinners", nullptr, MaxPoolWinners, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"maxPoolGradWinners", nullptr, MaxPoolGradWinners, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"convBackwardWeightsPooled", nullptr, ConvBackwardWeightsPooled, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"binary", nullptr, Binary, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"unary", nullptr, Unary, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"clipGrad", nullptr, ClipGrad, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"reduceSum", nullptr, ReduceSum, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"adam", nullptr, Adam, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"info", nullptr, Info, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
  };
  napi_define_properties(env, exports, sizeof(fns) / sizeof(fns[0]), fns);
  return exports;
}

}  // namespace

}  // namespace sparring

NAPI_MODULE(NODE_GYP_MODULE_NAME, sparring::Init)
