// Reasons shared by several readers, worded once.
#include <string>

#include "archive/read/readers.hpp"
#include "archive/read/text.hpp"

namespace kurdi::archive::detail {

std::string invalid_utf8_reason(std::string_view text, std::size_t offset, std::uint64_t first_line) {
  const Position at = position_of(text, offset, first_line);
  return "invalid UTF-8 at line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
}

std::string too_large_reason(const char* what, std::size_t max_bytes) {
  return std::string("the ") + what + " is longer than " + std::to_string(max_bytes) + " bytes";
}

std::string endless_reason(const char* what, std::size_t max_bytes, std::size_t max_skip_bytes) {
  return too_large_reason(what, max_bytes) + " and does not end within " + std::to_string(max_skip_bytes) +
         " bytes: the rest of the input is not read";
}

}  // namespace kurdi::archive::detail
