// Eight floats as one value (one AVX register where the build targets AVX), written
// with GCC's vector extensions so that the kernels also build, slower, without AVX.
// The build turns off floating-point contraction (-ffp-contract=off) so results do
// not depend on the compiler's choices; fma() is the one place it is asked for.
#pragma once
#include <cstdint>
#include <cstring>

#include <immintrin.h>

namespace sparring {

constexpr int64_t kLanes = 8;

typedef float v8 __attribute__((vector_size(32)));

inline v8 load(const float* p) {
  v8 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store(float* p, v8 v) { std::memcpy(p, &v, sizeof v); }

#ifdef __AVX__
// Lanes [0, n) on, the rest off, for the masked loads and stores below.
inline __m256i firstLanes(int n) {
  const __m256i index = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), index);
}
#endif

// The first n (0 ≤ n ≤ 8) floats at p, zeros after; nothing past p + n is touched.
inline v8 loadFirst(const float* p, int n) {
#ifdef __AVX__
  return (v8)_mm256_maskload_ps(p, firstLanes(n));
#else
  v8 v{};
  for (int i = 0; i < n; ++i) v[i] = p[i];
  return v;
#endif
}

// Stores v's first n (0 ≤ n ≤ 8) lanes at p; nothing past p + n is touched.
inline void storeFirst(float* p, v8 v, int n) {
#ifdef __AVX__
  _mm256_maskstore_ps(p, firstLanes(n), (__m256)v);
#else
  for (int i = 0; i < n; ++i) p[i] = v[i];
#endif
}

// *p in every lane, loaded straight into the register.
inline v8 broadcast(const float* p) {
#ifdef __AVX__
  return (v8)_mm256_broadcast_ss(p);
#else
  return v8{} + *p;
#endif
}

// a·b + c, fused where the CPU can.
inline v8 fma(v8 a, v8 b, v8 c) {
#ifdef __FMA__
  return (v8)_mm256_fmadd_ps((__m256)a, (__m256)b, (__m256)c);
#else
  return a * b + c;
#endif
}

// max(0, v) with tfjs's ReLU semantics: NaN and −0 pass through unchanged.
inline v8 relu(v8 v) {
#ifdef __AVX__
  return (v8)_mm256_max_ps(_mm256_setzero_ps(), (__m256)v);  // returns v when either is NaN or both zero
#else
  for (int i = 0; i < kLanes; ++i) v[i] = v[i] < 0 ? 0.0f : v[i];
  return v;
#endif
}

}  // namespace sparring
