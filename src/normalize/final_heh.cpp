#include "normalize/final_heh.hpp"

#include <cstddef>

namespace kurdi::data {
extern const std::string_view final_heh_exceptions[];
extern const std::size_t final_heh_exceptions_count;
}  // namespace kurdi::data

namespace kurdi::normalize_detail {

bool keeps_final_heh(std::string_view before) noexcept {
  constexpr std::string_view kHeh = "\u0647";
  for (std::size_t i = 0; i < data::final_heh_exceptions_count; ++i) {
    std::string_view entry = data::final_heh_exceptions[i];
    if (!entry.ends_with(kHeh)) continue;  // checked by the word-list test
    entry.remove_suffix(kHeh.size());
    if (before.ends_with(entry)) return true;
  }
  return false;
}

}  // namespace kurdi::normalize_detail
