#include "text/simd.hpp"

#include <cstdlib>
#include <cstring>

namespace kurdi::text {

bool avx2_enabled() noexcept {
#if defined(KURDI_AVX2)
  static const bool enabled = [] {
    const char* const forced = std::getenv("KURDI_SIMD");
    if (forced != nullptr && std::strcmp(forced, "sse2") == 0) return false;
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return enabled;
#else
  return false;
#endif
}

bool avx512_enabled() noexcept {
#if defined(KURDI_AVX2)
  static const bool enabled = [] {
    if (!avx2_enabled()) return false;
    const char* const forced = std::getenv("KURDI_SIMD");
    if (forced != nullptr && std::strcmp(forced, "avx2") == 0) return false;
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512bw") != 0 && __builtin_cpu_supports("avx512vbmi") != 0;
  }();
  return enabled;
#else
  return false;
#endif
}

}  // namespace kurdi::text
