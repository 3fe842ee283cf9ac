// Elementwise arithmetic, activations and sums as tight loops on the tensors' own
// memory. The training step's large elementwise work (bias broadcasts, ReLU and its
// gradient mask, bias gradients) would otherwise run through tfjs's per-element
// closures and, for broadcasts, per-element index arithmetic.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "kernels.h"
#include "parallel.h"

namespace sparring {

namespace {

// Elements per parallel block (see kChunk).
constexpr int64_t kBlock = kChunk;

// An operand as a base pointer plus how it advances along [outer, inner].
struct Operand {
  const float* data;
  Broadcast mode;
  const float* row(int64_t o, int64_t inner) const {
    switch (mode) {
      case Broadcast::Full: return data + o * inner;
      case Broadcast::Column: return data + o;
      default: return data;
    }
  }
  bool stepsAlongInner() const { return mode == Broadcast::Full || mode == Broadcast::Row; }
};

// One contiguous run of `len` outputs; AS and BS (0 or 1) are the operands' steps,
// fixed at compile time so that each variant vectorises.
template <int AS, int BS, typename Op>
void run(Op op, const float* a, const float* b, float* out, int64_t len) {
#pragma omp simd
  for (int64_t i = 0; i < len; ++i) out[i] = op(a[i * AS], b[i * BS]);
}

template <typename Op>
void binaryWith(Op op, Operand a, Operand b, float* out, int64_t outer, int64_t inner) {
  const int64_t n = outer * inner;
  const int64_t blocks = (n + kBlock - 1) / kBlock;
#pragma omp parallel for schedule(dynamic) if (n >= kParallelMin)
  for (int64_t block = 0; block < blocks; ++block) {
    const int64_t end = std::min(n, (block + 1) * kBlock);
    for (int64_t pos = block * kBlock; pos < end;) {
      const int64_t o = pos / inner, i = pos % inner;
      const int64_t len = std::min(inner - i, end - pos);
      const float* pa = a.row(o, inner) + (a.stepsAlongInner() ? i : 0);
      const float* pb = b.row(o, inner) + (b.stepsAlongInner() ? i : 0);
      if (a.stepsAlongInner() && b.stepsAlongInner()) run<1, 1>(op, pa, pb, out + pos, len);
      else if (a.stepsAlongInner()) run<1, 0>(op, pa, pb, out + pos, len);
      else if (b.stepsAlongInner()) run<0, 1>(op, pa, pb, out + pos, len);
      else run<0, 0>(op, pa, pb, out + pos, len);
      pos += len;
    }
  }
}

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

template <typename Op>
void unaryWith(Op op, const float* x, float* out, int64_t n) {
#pragma omp parallel if (n >= kParallelMin)
  {
    // A copy per thread: the op's captured parameters then live where no store to
    // `out` can reach, and the loop vectorises.
    const Op local = op;
#pragma omp for simd schedule(dynamic, kChunk)
    for (int64_t i = 0; i < n; ++i) out[i] = local(x[i]);
  }
}

}  // namespace

void binary(BinaryOp op, const float* a, Broadcast aMode, const float* b, Broadcast bMode, float* out,
            int64_t outer, int64_t inner) {
  const Operand pa{a, aMode}, pb{b, bMode};
  switch (op) {
    case BinaryOp::Add: return binaryWith([](float x, float y) { return x + y; }, pa, pb, out, outer, inner);
    case BinaryOp::Sub: return binaryWith([](float x, float y) { return x - y; }, pa, pb, out, outer, inner);
    case BinaryOp::Mul: return binaryWith([](float x, float y) { return x * y; }, pa, pb, out, outer, inner);
    case BinaryOp::Div: return binaryWith([](float x, float y) { return x / y; }, pa, pb, out, outer, inner);
    // Math.max / Math.min semantics: NaN wins.
    case BinaryOp::Maximum:
      return binaryWith([](float x, float y) { return x != x || y != y ? kNaN : (x > y ? x : y); }, pa, pb, out,
                        outer, inner);
    case BinaryOp::Minimum:
      return binaryWith([](float x, float y) { return x != x || y != y ? kNaN : (x < y ? x : y); }, pa, pb, out,
                        outer, inner);
    // Squared in double, as JavaScript computes it, then rounded once.
    case BinaryOp::SquaredDifference:
      return binaryWith(
          [](float x, float y) {
            const double d = double(x) - double(y);
            return float(d * d);
          },
          pa, pb, out, outer, inner);
    // dy · step(x) with step(NaN) = NaN, multiplied out so that dy's infinities and
    // NaNs behave exactly as in tfjs's mul(dy, step(x)).
    case BinaryOp::ReluGrad:
      return binaryWith(
          [](float dy, float x) {
            const float s = x > 0 ? 1.0f : 0.0f;
            return dy * (x != x ? x : s);
          },
          pa, pb, out, outer, inner);
  }
}

void unary(UnaryOp op, const float* x, float* out, int64_t n, float alpha, float beta) {
  switch (op) {
    // Math.max(0, x): NaN stays NaN.
    case UnaryOp::Relu: return unaryWith([](float v) { return v > 0 ? v : (v == v ? 0.0f : v); }, x, out, n);
    // Written as two selects so that it compiles to blends: a branch on the sign of
    // random data mispredicts half the time.
    case UnaryOp::Step:
      return unaryWith(
          [alpha](float v) {
            const float s = v > 0 ? 1.0f : alpha;
            return v != v ? v : s;
          },
          x, out, n);
    case UnaryOp::Sqrt: return unaryWith([](float v) { return std::sqrt(v); }, x, out, n);
    case UnaryOp::Square: return unaryWith([](float v) { return v * v; }, x, out, n);
    case UnaryOp::Neg: return unaryWith([](float v) { return -v; }, x, out, n);
    // In double, as Math.exp and Math.log are, then rounded once.
    case UnaryOp::Exp: return unaryWith([](float v) { return float(std::exp(double(v))); }, x, out, n);
    case UnaryOp::Log: return unaryWith([](float v) { return float(std::log(double(v))); }, x, out, n);
    case UnaryOp::Sign: return unaryWith([](float v) { return v < 0 ? -1.0f : (v > 0 ? 1.0f : 0.0f); }, x, out, n);
    case UnaryOp::Abs: return unaryWith([](float v) { return std::fabs(v); }, x, out, n);
    case UnaryOp::Clip:
      return unaryWith([alpha, beta](float v) { return v > beta ? beta : (v < alpha ? alpha : v); }, x, out, n);
    case UnaryOp::Tanh: return unaryWith([](float v) { return float(std::tanh(double(v))); }, x, out, n);
  }
}

void clipGrad(const float* dy, const float* x, float* out, int64_t n, float lo, float hi) {
#pragma omp parallel for simd schedule(dynamic, kChunk) if (parallel : n >= kParallelMin)
  for (int64_t i = 0; i < n; ++i) {
    const float g = dy[i], v = x[i];
    out[i] = (v >= lo) & (v <= hi) ? g : 0.0f;
  }
}

void reduceSum(const float* x, float* out, int64_t outer, int64_t mid, int64_t inner) {
  if (inner == 1) {
    // Whole rows: one output per contiguous run.
#pragma omp parallel for schedule(dynamic, 64) if (outer * mid >= kParallelMin)
    for (int64_t o = 0; o < outer; ++o) {
      double sum = 0;
      const float* row = x + o * mid;
      for (int64_t m = 0; m < mid; ++m) sum += row[m];
      out[o] = float(sum);
    }
    return;
  }
  // Columns (e.g. a bias gradient: [1, N·H·W, C]): each thread sums a slice of the
  // rows into its own accumulators, which are then added up.
  for (int64_t o = 0; o < outer; ++o) {
    const float* base = x + o * mid * inner;
    std::vector<double> total(inner, 0.0);
#pragma omp parallel if (mid * inner >= kParallelMin)
    {
      std::vector<double> acc(inner, 0.0);
#pragma omp for schedule(dynamic, 256) nowait
      for (int64_t m = 0; m < mid; ++m) {
        const float* row = base + m * inner;
        for (int64_t i = 0; i < inner; ++i) acc[i] += row[i];
      }
#pragma omp critical
      for (int64_t i = 0; i < inner; ++i) total[i] += acc[i];
    }
    for (int64_t i = 0; i < inner; ++i) out[o * inner + i] = float(total[i]);
  }
}

}  // namespace sparring
