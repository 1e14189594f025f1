#pragma once
#include <string_view>

namespace kurdi::normalize_detail {

/// Base characters of an Arabic presentation form (U+FB50..U+FDFF,
/// U+FE70..U+FEFC); empty when `cp` is not one or has no decomposition.
std::u16string_view presentation_expansion(char32_t cp) noexcept;

inline bool is_presentation_form(char32_t cp) noexcept {
  return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC);
}

}  // namespace kurdi::normalize_detail
