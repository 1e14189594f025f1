// Test support: the escapes used by test data files and docs tables.
#pragma once
#include <string>
#include <string_view>

namespace kurdi_test {

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Undoes \\ \t \n \r \uXXXX \UXXXXXXXX (tests/golden/vectors/extract_vectors.py writes
// them; docs/normalization.md uses \uXXXX).
inline std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    const char e = s[++i];
    if (e == 't') {
      out += '\t';
    } else if (e == 'n') {
      out += '\n';
    } else if (e == 'r') {
      out += '\r';
    } else if (e == 'u' || e == 'U') {
      const std::size_t digits = e == 'u' ? 4 : 8;
      const std::string hex(s.substr(i + 1, digits));
      append_utf8(out, static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
      i += digits;
    } else {
      out += e;
    }
  }
  return out;
}

}  // namespace kurdi_test
