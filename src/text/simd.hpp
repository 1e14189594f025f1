// Which SIMD code paths the core compiles. SSE2 is part of baseline x86-64,
// so it needs no -march flag. AVX2 code is compiled only into functions
// marked __attribute__((target("avx2"))) and chosen at run time when the CPU
// has it (__builtin_cpu_supports), so the build stays baseline x86-64.
// AVX-512 (BW and VBMI, for 64-byte windows with 128-entry byte lookups) is
// compiled and chosen the same way.
// KURDI_NO_SIMD (the CMake option of the same name) builds the portable
// table paths instead; the sanitizer build in scripts/test.sh uses it, so
// every path is tested.
#pragma once

#if defined(__SSE2__) && !defined(KURDI_NO_SIMD)
#define KURDI_SSE2 1
#include <emmintrin.h>
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define KURDI_AVX2 1
#include <immintrin.h>
#endif
#endif

namespace kurdi::text {

/// Whether the AVX2 paths run: the CPU has AVX2, the build has the code
/// (KURDI_AVX2) and KURDI_SIMD=sse2 is not set in the environment (the tests
/// set it to hold the SSE2 paths to the same output). Decided once.
bool avx2_enabled() noexcept;

/// Whether the AVX-512 paths run: the CPU has AVX-512 BW and VBMI, the build
/// has the code (KURDI_AVX2) and KURDI_SIMD is neither sse2 nor avx2 (the
/// tests set those to hold the narrower paths to the same output).
bool avx512_enabled() noexcept;

}  // namespace kurdi::text
