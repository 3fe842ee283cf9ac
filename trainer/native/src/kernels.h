// The native kernels, each a plain C++ function over raw float buffers owned by
// JavaScript (Float32Array memory, never copied). addon.cc adapts them to N-API.
#pragma once
#include <cstdint>

namespace sparring {

// ---- matmul.cc -------------------------------------------------------------
// c[i] = op(a[i % batchA]) · op(b[i % batchB]) (+ bias, then ReLU if relu) for
// i < batch; a is [batchA, m, k] (or [batchA, k, m] when transA), b is
// [batchB, k, n] (or [batchB, n, k] when transB), c is [batch, m, n].
void matmul(const float* a, const float* b, float* c, int64_t batch, int64_t batchA,
            int64_t batchB, int64_t m, int64_t n, int64_t k, bool transA, bool transB,
            const float* bias, bool relu);

// ---- gemm.cc ---------------------------------------------------------------
// c[m × n] = op(a)·op(b) (+ bias[n] per column, then ReLU if relu), row-major; op(a)
// is a's transpose when transA (a then stored [k][m]), op(b) likewise ([n][k]).
void gemm(const float* a, bool transA, const float* b, bool transB, float* c, int64_t m, int64_t n, int64_t k,
          const float* bias, bool relu);

// ---- conv.cc ---------------------------------------------------------------
// Geometry of a 2-D convolution over NHWC images with HWIO filters, as tfjs's
// computeConv2DInfo describes it (dilation 1 means none).
struct ConvShape {
  int64_t n, h, w, c;          // input
  int64_t kh, kw, oc;          // filter
  int64_t oh, ow;              // output
  int64_t sh, sw;              // strides
  int64_t pt, pl, pb, pr;      // padding: top, left, bottom, right
  int64_t dh, dw;              // dilations
};
// How a filter is laid out in memory: tfjs's [kh, kw, in, out], or [out, in, kh, kw]
// (which a matrix product needs for a transposed right operand).
enum class FilterLayout : int { HWIO = 0, OIHW = 1 };
void convForward(const ConvShape& s, const float* x, const float* w, const float* bias,
                 bool relu, float* y, FilterLayout layout = FilterLayout::HWIO);
void convBackwardData(const ConvShape& s, const float* dy, const float* w, float* dx);

// ---- conv_input_grad.cc ----------------------------------------------------
// convBackwardData for inputs of at most kFewChannels channels; false (nothing
// done) for more.
constexpr int64_t kFewChannels = 4;
bool convBackwardDataFewChannels(const ConvShape& s, const float* dy, const float* w, float* dx);
void convBackwardWeights(const ConvShape& s, const float* x, const float* dy, float* dw);

// ---- winograd.cc -----------------------------------------------------------
// 3×3, stride-1 convolutions by Winograd's F(4×4, 3×3) for layers with at least
// kWinogradMinChannels input and output channels. Each returns false, having written
// nothing, when the shape does not fit or an operand holds an Inf or NaN; the caller
// then runs the direct convolution.
constexpr int64_t kWinogradMinChannels = 8;
bool winogradFits(const ConvShape& s);
bool winogradForward(const ConvShape& s, const float* x, const float* w, const float* bias, bool relu, float* y);
bool winogradBackwardData(const ConvShape& s, const float* dy, const float* w, float* dx);
bool winogradBackwardWeights(const ConvShape& s, const float* x, const float* dy, float* dw);

// ---- pool.cc ---------------------------------------------------------------
struct PoolShape {
  int64_t n, h, w, c;   // input, NHWC
  int64_t oh, ow;       // output
  int64_t fh, fw;       // window
  int64_t sh, sw;       // strides
  int64_t pt, pl;       // padding before (padding after is implied by oh, ow)
};
void maxPool(const PoolShape& s, const float* x, float* y);
void maxPoolGrad(const PoolShape& s, const float* dy, const float* x, float* dx);
// Max pooling that also records each output's winner: its position in the window
// (row-major, padding counted; fh·fw < kNoWinner) or kNoWinner when no value won.
constexpr int32_t kNoWinner = 255;
void maxPoolWinners(const PoolShape& s, const float* x, float* y, uint8_t* winners);
// maxPoolGrad from such a record, without reading x; disjoint windows only (sh >= fh,
// sw >= fw): every dx element is assigned once.
void maxPoolGradWinners(const PoolShape& s, const float* dy, const uint8_t* winners, float* dx);

// ---- conv_pooled_grad.cc -----------------------------------------------------
// The filter gradient of a convolution whose dy is maxPoolGradWinners(p, g, winners):
// computed from the pooled gradient g and the winners, never reading that dy (which is
// mostly zeros). Covers one input channel, 3×3 filters, stride 1, no padding or
// dilation, tiling pools (stride = window, no padding) and output channels in
// multiples of 8; false (nothing written) otherwise or when x holds Inf or NaN
// (whose products with dy's zeros are NaN).
bool convBackwardWeightsPooled(const ConvShape& s, const PoolShape& p, const float* x, const float* g,
                               const uint8_t* winners, float* dw);

// ---- elementwise.cc --------------------------------------------------------
// ReluGrad(dy, x) = dy · step(x), ReLU's gradient as tfjs defines it, in one pass.
enum class BinaryOp : int { Add = 0, Sub = 1, Mul = 2, Div = 3, Maximum = 4, Minimum = 5, SquaredDifference = 6, ReluGrad = 7 };
// How an operand maps onto an output seen as [outer, inner]: the full tensor,
// one row repeated for every outer index, one value per outer index repeated
// along inner, or a single value.
enum class Broadcast : int { Full = 0, Row = 1, Column = 2, Scalar = 3 };
void binary(BinaryOp op, const float* a, Broadcast aMode, const float* b, Broadcast bMode,
            float* out, int64_t outer, int64_t inner);

enum class UnaryOp : int { Relu = 0, Step = 1, Sqrt = 2, Square = 3, Neg = 4, Exp = 5, Log = 6, Sign = 7, Abs = 8, Clip = 9, Tanh = 10 };
// alpha: Step's value for x <= 0, Clip's minimum; beta: Clip's maximum.
void unary(UnaryOp op, const float* x, float* out, int64_t n, float alpha, float beta);

// ClipByValue's gradient: out = dy where lo <= x <= hi, else 0 (NaN x: 0).
void clipGrad(const float* dy, const float* x, float* out, int64_t n, float lo, float hi);

// out[o, i] = sum over m of x[o, m, i], accumulated in double as tfjs does.
void reduceSum(const float* x, float* out, int64_t outer, int64_t mid, int64_t inner);


// ---- adam.cc ----------------------------------------------------------------
struct AdamStep {
  float beta1, beta2;            // decay rates
  float oneMinusBeta1, oneMinusBeta2;
  float oneMinusAccBeta1, oneMinusAccBeta2;  // bias corrections 1 - beta^t
  float epsilon, negLearningRate;
};
// One Adam update of n parameters, the same float operations in the same order
// as tfjs's AdamOptimizer; outputs may alias inputs.
void adam(const AdamStep& p, const float* value, const float* m, const float* v,
          const float* grad, float* outValue, float* outM, float* outV, int64_t n);

// ---- addon.cc --------------------------------------------------------------
// OpenMP threads the kernels (and oneDNN) use.
int threadCount();

}  // namespace sparring
