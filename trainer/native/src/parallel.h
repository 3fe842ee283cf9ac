// When to split an elementwise loop over the OpenMP threads that oneDNN also uses:
// below this many elements the fork/join costs more than the work saves.
#pragma once
#include <cstdint>

namespace sparring {
constexpr int64_t kParallelMin = 1 << 18;
}  // namespace sparring
