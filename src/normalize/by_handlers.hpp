// The normalizer with every fast path turned off: no SIMD window scan, no
// verbatim runs, no shortcut for a common case; each character goes through
// the rule handlers. The output and offset map must equal kurdi::normalize's;
// tests hold the fast paths (AVX2, SSE2, portable, and the scalar step's
// shortcuts) to it on random text.
#pragma once
#include <string>
#include <string_view>

#include "kurdi/normalize.hpp"

namespace kurdi::normalize_detail {

std::string normalize_by_handlers(std::string_view text, const NormalizeOptions& options,
                                  OffsetMap* map = nullptr);

}  // namespace kurdi::normalize_detail
