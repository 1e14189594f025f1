// The normalizer with its SIMD window scan turned off: every character goes
// through the scalar step. The output must equal kurdi::normalize's; tests
// hold the scans (AVX2, SSE2, portable) to it on random text.
#pragma once
#include <string>
#include <string_view>

#include "kurdi/normalize.hpp"

namespace kurdi::normalize_detail {

std::string normalize_without_scan(std::string_view text, const NormalizeOptions& options,
                                   OffsetMap* map = nullptr);

}  // namespace kurdi::normalize_detail
