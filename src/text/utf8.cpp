// Public UTF-8 validation and UTF-16 decoding (include/kurdi/utf8.hpp).
#include "kurdi/utf8.hpp"

#include <cstring>

#include "text/utf8.hpp"

namespace kurdi {

std::size_t find_invalid_utf8(std::string_view s, std::size_t from) noexcept {
  const unsigned char* const begin = text::bytes(s.data());
  const unsigned char* const end = begin + s.size();
  const unsigned char* p = begin + (from < s.size() ? from : s.size());
  while (p < end) {
    // Skip ASCII eight bytes at a time: the common case in mixed text.
    while (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      if (w & 0x8080808080808080ull) break;
      p += 8;
    }
    if (p == end) break;
    if (*p < 0x80) {
      ++p;
      continue;
    }
    const text::Decoded d = text::decode(p, end);
    if (!d.valid) return static_cast<std::size_t>(p - begin);
    p += d.len;
  }
  return std::string_view::npos;
}

std::size_t invalid_utf8_length(std::string_view s, std::size_t offset) noexcept {
  if (offset >= s.size()) return 1;
  const unsigned char* const begin = text::bytes(s.data());
  return text::decode(begin + offset, begin + s.size()).len;
}

void Utf16Decoder::decode(std::string_view in, std::string& out) {
  out.reserve(out.size() + in.size() * 3 / 2);
  const unsigned char* p = text::bytes(in.data());
  const unsigned char* const end = p + in.size();
  auto unit_at = [&](unsigned a, unsigned b) -> char16_t {
    return static_cast<char16_t>(big_endian_ ? (a << 8) | b : (b << 8) | a);
  };
  while (p < end) {
    char16_t u;
    if (pending_byte_ >= 0) {
      u = unit_at(static_cast<unsigned>(pending_byte_), *p);
      pending_byte_ = -1;
      p += 1;
    } else if (end - p >= 2) {
      u = unit_at(p[0], p[1]);
      p += 2;
    } else {
      pending_byte_ = *p;
      break;
    }
    if (pending_high_ != 0) {
      const char16_t high = pending_high_;
      pending_high_ = 0;
      if (u >= 0xDC00 && u <= 0xDFFF) {
        text::append(out, 0x10000 + ((char32_t{high} - 0xD800) << 10) + (char32_t{u} - 0xDC00));
        continue;
      }
      text::append(out, text::kReplacement);  // unpaired high surrogate
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      pending_high_ = u;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      text::append(out, text::kReplacement);  // unpaired low surrogate
    } else {
      text::append(out, u);
    }
  }
}

void Utf16Decoder::finish(std::string& out) {
  if (pending_high_ != 0 || pending_byte_ >= 0) text::append(out, text::kReplacement);
  pending_high_ = 0;
  pending_byte_ = -1;
}

}  // namespace kurdi
