// Which SIMD code paths the core compiles. SSE2 is part of baseline x86-64,
// so it needs no -march flag or runtime dispatch. KURDI_NO_SIMD (the CMake
// option of the same name) builds the portable table paths instead; the
// sanitizer build in scripts/test.sh uses it, so both paths are tested.
#pragma once

#if defined(__SSE2__) && !defined(KURDI_NO_SIMD)
#define KURDI_SSE2 1
#include <emmintrin.h>
#endif
