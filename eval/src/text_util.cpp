// kurdi eval: small text helpers shared by the evaluation commands.
#include "text_util.hpp"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace kurdi_eval {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw std::runtime_error("cannot read " + path);
  return ss.str();
}

namespace {

// Length of a well-formed UTF-8 sequence at `i`, or 0 when malformed.
std::size_t sequence_length(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c0 = b(i);
  if (c0 < 0x80) {
    cp = c0;
    return 1;
  }
  std::size_t len = 0;
  char32_t v = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c0 >= 0xC2 && c0 <= 0xDF) {
    len = 2;
    v = c0 & 0x1Fu;
  } else if (c0 >= 0xE0 && c0 <= 0xEF) {
    len = 3;
    v = c0 & 0x0Fu;
    if (c0 == 0xE0) lo = 0xA0;
    if (c0 == 0xED) hi = 0x9F;
  } else if (c0 >= 0xF0 && c0 <= 0xF4) {
    len = 4;
    v = c0 & 0x07u;
    if (c0 == 0xF0) lo = 0x90;
    if (c0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char c = b(i + k);
    const unsigned char l = k == 1 ? lo : 0x80;
    const unsigned char h = k == 1 ? hi : 0xBF;
    if (c < l || c > h) return 0;
    v = (v << 6) | (c & 0x3Fu);
  }
  cp = v;
  return len;
}

}  // namespace

std::vector<CodePoint> decode(std::string_view text, std::size_t* malformed) {
  std::vector<CodePoint> out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    std::size_t len = sequence_length(text, i, cp);
    if (len == 0) {
      // One U+FFFD for the lead byte and the continuation bytes after it.
      std::size_t j = i + 1;
      while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0u) == 0x80u) ++j;
      out.push_back({U'\uFFFD', i, j});
      if (malformed) ++*malformed;
      i = j;
      continue;
    }
    out.push_back({cp, i, i + len});
    i += len;
  }
  return out;
}

std::u32string decode_u32(std::string_view text) {
  std::u32string s;
  for (const CodePoint& c : decode(text)) s.push_back(c.cp);
  return s;
}

void append_utf8(std::string& out, char32_t cp) {
  const auto put = [&](unsigned v) { out.push_back(static_cast<char>(v)); };
  const auto c = static_cast<unsigned>(cp);
  if (c < 0x80) {
    put(c);
  } else if (c < 0x800) {
    put(0xC0 | (c >> 6));
    put(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    put(0xE0 | (c >> 12));
    put(0x80 | ((c >> 6) & 0x3F));
    put(0x80 | (c & 0x3F));
  } else {
    put(0xF0 | (c >> 18));
    put(0x80 | ((c >> 12) & 0x3F));
    put(0x80 | ((c >> 6) & 0x3F));
    put(0x80 | (c & 0x3F));
  }
}

std::string encode(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

bool is_space(char32_t c) noexcept {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

bool is_letter_or_digit(char32_t c) noexcept {
  if (c < 0x80) {
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
  }
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;  // Latin-1 letters, Latin Ext-A/B
  if (c >= 0x370 && c <= 0x3FF) return c != 0x37E && c != 0x387 && c != 0x375;  // Greek
  if (c >= 0x400 && c <= 0x52F) return !(c >= 0x482 && c <= 0x489);  // Cyrillic
  // Arabic
  if (c >= 0x620 && c <= 0x64A) return c != 0x640;  // tatweel is Lm but not a letter here
  if (c >= 0x660 && c <= 0x669) return true;  // Arabic-Indic digits
  if (c >= 0x66E && c <= 0x66F) return true;
  if (c >= 0x671 && c <= 0x6D3) return true;
  if (c == 0x6D5) return true;
  if (c >= 0x6EE && c <= 0x6FC) return true;  // incl. Persian digits U+06F0..U+06F9
  if (c == 0x6FF) return true;
  if (c >= 0x750 && c <= 0x77F) return true;
  if (c >= 0x8A0 && c <= 0x8C9) return true;
  // Arabic presentation forms (letters and ligatures; excludes U+FD3E/FD3F
  // ornate parentheses and U+FDFC..FDFF signs/ligature words kept as letters)
  if (c >= 0xFB50 && c <= 0xFDFB) return c != 0xFD3E && c != 0xFD3F;
  if (c >= 0xFE70 && c <= 0xFEFC) return true;
  if (c >= 0xFF10 && c <= 0xFF19) return true;  // fullwidth digits
  if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) return true;
  if (c >= 0x4E00 && c <= 0x9FFF) return true;  // CJK
  return false;
}

std::string cp_name(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

namespace {
bool invisible(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || is_space(c) ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || c == 0x061C ||
         (c >= 0x064B && c <= 0x065F) || c == 0x0670;  // harakat shown by code
}
}  // namespace

std::string show(std::u32string_view s) {
  if (s.empty()) return "∅";
  std::string out;
  for (char32_t c : s) {
    if (c == U' ') {
      out += "<SP>";
    } else if (invisible(c)) {
      out += '<';
      out += cp_name(c);
      out += '>';
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

std::string cp_list(std::u32string_view s) {
  if (s.empty()) return "∅";
  std::string out;
  for (char32_t c : s) {
    if (!out.empty()) out += ' ';
    out += cp_name(c);
  }
  return out;
}

bool is_closing_mark(char32_t c) noexcept {
  return c == U'"' || c == U'\'' || c == U'»' || c == U'«' || c == U')' || c == U']' ||
         c == U'”' || c == U'’' || c == U'›';
}

std::string_view trim_ascii(std::string_view s) noexcept {
  constexpr std::string_view ws = " \t\r\n";
  while (!s.empty() && ws.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && ws.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string_view strip_bom(std::string_view text) noexcept {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

std::string fixed(double value, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  return buf;
}

std::string percent(double num, double den, int digits) {
  if (den == 0) return "n/a";
  return fixed(100.0 * num / den, digits) + " %";
}

}  // namespace kurdi_eval
