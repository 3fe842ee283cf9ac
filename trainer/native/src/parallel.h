// How the elementwise loops share work between the OpenMP threads that oneDNN also
// uses. Below kParallelMin elements a fork/join costs more than it saves. Work is
// handed out in chunks of kChunk elements on demand (dynamic scheduling) rather than
// split in equal halves: on a shared machine one thread is often descheduled, and the
// other then takes over its chunks instead of waiting for it.
#pragma once
#include <cstdint>

namespace sparring {
constexpr int64_t kParallelMin = 1 << 18;
constexpr int64_t kChunk = 1 << 14;
}  // namespace sparring
