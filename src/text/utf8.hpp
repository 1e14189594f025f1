// UTF-8 decoding and encoding: the only place that knows the byte format.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace kurdi::text {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t cp;     ///< the code point, or U+FFFD for a malformed sequence
  unsigned len;    ///< bytes consumed (>= 1): a malformed sequence's maximal subpart
  bool valid;
};

/// Decodes the code point at p (p < end). Malformed input yields U+FFFD and
/// consumes the maximal subpart (Unicode's recommended practice).
inline Decoded decode(const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned b0 = p[0];
  if (b0 < 0x80) return {b0, 1, true};
  auto cont = [&](std::ptrdiff_t i, unsigned lo, unsigned hi) {
    return p + i < end && p[i] >= lo && p[i] <= hi;
  };
  if (b0 < 0xC2) return {kReplacement, 1, false};
  if (b0 < 0xE0) {
    if (!cont(1, 0x80, 0xBF)) return {kReplacement, 1, false};
    return {((b0 & 0x1Fu) << 6) | (p[1] & 0x3Fu), 2, true};
  }
  if (b0 < 0xF0) {
    const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    if (!cont(1, lo, hi)) return {kReplacement, 1, false};
    if (!cont(2, 0x80, 0xBF)) return {kReplacement, 2, false};
    return {((b0 & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu), 3, true};
  }
  if (b0 < 0xF5) {
    const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (!cont(1, lo, hi)) return {kReplacement, 1, false};
    if (!cont(2, 0x80, 0xBF)) return {kReplacement, 2, false};
    if (!cont(3, 0x80, 0xBF)) return {kReplacement, 3, false};
    return {((b0 & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
                (p[3] & 0x3Fu),
            4, true};
  }
  return {kReplacement, 1, false};
}

/// Decodes the code point that ends at `end` (begin < end), assuming valid
/// UTF-8 (used on the normalizer's own output). Sets *len to its length.
inline char32_t decode_before(const unsigned char* begin, const unsigned char* end,
                              unsigned* len) noexcept {
  const unsigned char* p = end - 1;
  while (p > begin && (*p & 0xC0) == 0x80 && end - p < 4) --p;
  *len = static_cast<unsigned>(end - p);
  return decode(p, end).cp;
}

inline unsigned encoded_length(char32_t cp) noexcept {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/// Writes the UTF-8 encoding of cp (a valid scalar value) to out[0..3];
/// returns its length.
inline unsigned encode(char32_t cp, unsigned char* out) noexcept {
  if (cp < 0x80) {
    out[0] = static_cast<unsigned char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<unsigned char>(0xC0 | (cp >> 6));
    out[1] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<unsigned char>(0xE0 | (cp >> 12));
    out[1] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<unsigned char>(0xF0 | (cp >> 18));
  out[1] = static_cast<unsigned char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
  return 4;
}

/// Appends the UTF-8 encoding of cp (a valid scalar value).
inline void append(std::string& out, char32_t cp) {
  unsigned char buf[4];
  const unsigned n = encode(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), n);
}

inline const unsigned char* bytes(const char* p) noexcept {
  return reinterpret_cast<const unsigned char*>(p);
}
inline unsigned char* bytes_mut(char* p) noexcept { return reinterpret_cast<unsigned char*>(p); }

}  // namespace kurdi::text
