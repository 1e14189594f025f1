// Small string helpers shared by the readers. UTF-8 validity comes from the
// core (kurdi/utf8.hpp); the only byte-format knowledge here is that a UTF-8
// continuation byte is 10xxxxxx, which is enough to count code points and to
// cut a valid string at a code point boundary without decoding it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kurdi::archive::detail {

/// Space, tab, LF, CR, form feed, vertical tab: the whitespace the input
/// formats themselves use (Unicode spaces are text, left to the analyzer).
constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// A UTF-8 continuation byte (10xxxxxx): not the start of a code point.
constexpr bool is_continuation_byte(char c) noexcept {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

std::string_view trim_ascii(std::string_view text) noexcept;

/// Every run of ASCII whitespace (line breaks included) as one space, trimmed.
std::string collapse_ascii_space(std::string_view text);

/// Code points in valid UTF-8.
std::size_t code_points(std::string_view valid_utf8) noexcept;

/// Where a byte offset sits: 1-based line (counting from `first_line`) and
/// 1-based column in code points, for messages. The text before `offset`
/// must be valid UTF-8.
struct Position {
  std::uint64_t line = 1;
  std::uint64_t column = 1;
};
Position position_of(std::string_view text, std::size_t offset, std::uint64_t first_line = 1) noexcept;

/// `value` in single quotes for a message, cut to 40 code points ("..."),
/// with its control characters (C0, DEL, C1) written as \x1B or \u009B.
std::string quoted_for_message(std::string_view valid_utf8);

/// The last component of a path ("a/b/c.txt" -> "c.txt").
std::string_view base_name(std::string_view path) noexcept;

}  // namespace kurdi::archive::detail
