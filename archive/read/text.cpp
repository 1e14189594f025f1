#include "archive/read/text.hpp"

#include <cstdio>

namespace kurdi::archive::detail {
std::string_view trim_ascii(std::string_view text) noexcept {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_ascii_space(text[begin])) ++begin;
  while (end > begin && is_ascii_space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

std::string collapse_ascii_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : trim_ascii(text)) {
    if (is_ascii_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::size_t code_points(std::string_view valid_utf8) noexcept {
  std::size_t n = 0;
  for (const char c : valid_utf8) n += is_continuation_byte(c) ? 0 : 1;
  return n;
}

Position position_of(std::string_view text, std::size_t offset, std::uint64_t first_line) noexcept {
  if (offset > text.size()) offset = text.size();
  const std::string_view before = text.substr(0, offset);
  Position at;
  at.line = first_line;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (before[i] == '\n') {
      ++at.line;
      line_start = i + 1;
    }
  }
  at.column = code_points(before.substr(line_start)) + 1;
  return at;
}

std::string quoted_for_message(std::string_view valid_utf8) {
  constexpr std::size_t kMaxCodePoints = 40;
  std::size_t count = 0;
  std::size_t cut = 0;
  for (; cut < valid_utf8.size(); ++cut) {
    if (is_continuation_byte(valid_utf8[cut])) continue;
    if (count == kMaxCodePoints) break;
    ++count;
  }
  // Control characters are written as escapes: the message goes to a
  // terminal, where an ESC or a C1 CSI from the input would be obeyed, and
  // a line break would split the one-line warning.
  std::string out = "'";
  const std::string_view shown = valid_utf8.substr(0, cut);
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const auto byte = static_cast<unsigned char>(shown[i]);
    char escape[8];
    if (byte < 0x20 || byte == 0x7F) {
      std::snprintf(escape, sizeof escape, "\\x%02X", byte);
      out += escape;
    } else if (byte == 0xC2 && i + 1 < shown.size() && static_cast<unsigned char>(shown[i + 1]) < 0xA0) {
      std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned char>(shown[i + 1]));  // U+0080..U+009F
      out += escape;
      ++i;
    } else {
      out += shown[i];
    }
  }
  if (cut < valid_utf8.size()) out += "...";
  out += "'";
  return out;
}

std::string_view base_name(std::string_view path) noexcept {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace kurdi::archive::detail
