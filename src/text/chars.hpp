// Character classes used by the normalizer and the segmenter. The tables are
// small range lists covering the scripts Sorani text meets in practice
// (Arabic, Latin, Greek, Cyrillic, ...); they are not a full Unicode database.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>

namespace kurdi::text {

// Class bits of the code points below U+0800 (ASCII, Latin, Greek, Cyrillic,
// Hebrew, Arabic), computed at compile time from the range tables in
// chars.cpp, so the hot paths classify with one load.
enum LowClass : std::uint8_t {
  kClassLetter = 1,
  kClassArabic = 2,   // Arabic-script letter
  kClassLatin = 4,    // Latin letter
  kClassMark = 8,     // combining mark
  kClassSpace = 16,
  kClassJoinsLeft = 32,
  kClassPunct = 64,
  kClassSymbol = 128,
};
extern const std::array<std::uint8_t, 0x800> kLowClasses;

/// Indexed by a two-byte code point (U+0080..U+07FF, i.e. the low 11 bits
/// of a valid two-byte UTF-8 sequence): 1 when it is a letter of a script
/// other than Latin or a combining mark, a character that continues a "word"
/// token. Lets the tokenizer scan Sorani words with one small-table load per
/// letter.
extern const std::array<std::uint8_t, 0x800> kWordChars;

namespace detail {
struct Range {
  char32_t lo, hi;
};
// Sorted, disjoint ranges. A plain binary search (not std::lower_bound)
// keeps the compile-time table builds cheap.
template <std::size_t N>
constexpr bool in_ranges(const Range (&table)[N], char32_t cp) noexcept {
  std::size_t lo = 0, hi = N;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (table[mid].hi < cp) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < N && table[lo].lo <= cp;
}
inline constexpr Range kArabicLetters[] = {
    {0x0620, 0x063F}, {0x0641, 0x064A}, {0x066E, 0x066F}, {0x0671, 0x06D3}, {0x06D5, 0x06D5},
    {0x06EE, 0x06EF}, {0x06FA, 0x06FC}, {0x06FF, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08C9},
    {0xFB50, 0xFBB1}, {0xFBD3, 0xFD3D}, {0xFD50, 0xFDC7}, {0xFDF0, 0xFDFB}, {0xFE70, 0xFE74},
    {0xFE76, 0xFEFC},
};
}  // namespace detail

/// Compile-time form of is_arabic_letter, for tables built by constexpr code.
constexpr bool is_arabic_letter_constexpr(char32_t cp) noexcept {
  return detail::in_ranges(detail::kArabicLetters, cp);
}

inline constexpr char32_t kZwnj = 0x200C, kZwj = 0x200D, kZwsp = 0x200B;
inline constexpr char32_t kTatweel = 0x0640;

/// a letter of any script
bool is_letter_slow(char32_t cp) noexcept;
inline bool is_letter(char32_t cp) noexcept {
  return cp < 0x800 ? (kLowClasses[cp] & kClassLetter) != 0 : is_letter_slow(cp);
}
/// a letter of the Arabic script
bool is_arabic_letter_slow(char32_t cp) noexcept;
inline bool is_arabic_letter(char32_t cp) noexcept {
  return cp < 0x800 ? (kLowClasses[cp] & kClassArabic) != 0 : is_arabic_letter_slow(cp);
}
bool is_latin_letter_slow(char32_t cp) noexcept;
inline bool is_latin_letter(char32_t cp) noexcept {
  return cp < 0x800 ? (kLowClasses[cp] & kClassLatin) != 0 : is_latin_letter_slow(cp);
}
/// Dual-joining Arabic letter: its shape connects to a following letter, so a
/// ZWNJ after it is meaningful.
bool joins_left_slow(char32_t cp) noexcept;
inline bool joins_left(char32_t cp) noexcept {
  return cp < 0x800 ? (kLowClasses[cp] & kClassJoinsLeft) != 0 : joins_left_slow(cp);
}
/// Combining mark (Mn/Me): transparent when judging letter contexts.
bool is_mark_slow(char32_t cp) noexcept;
inline bool is_mark(char32_t cp) noexcept {
  return cp < 0x800 ? (kLowClasses[cp] & kClassMark) != 0 : is_mark_slow(cp);
}
/// The harakat removed by normalization: U+064B..U+065F and U+0670.
constexpr bool is_haraka(char32_t cp) noexcept {
  return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670;
}
/// Format character (general category Cf), ZWNJ and ZWJ included.
bool is_format(char32_t cp) noexcept;
/// No-break and other space characters that normalization turns into U+0020.
bool is_exotic_space(char32_t cp) noexcept;
/// White space for segmentation (ASCII, exotic spaces, line separators).
bool is_space_slow(char32_t cp) noexcept;
inline bool is_space(char32_t cp) noexcept {
  return cp < 0x800 ? (kLowClasses[cp] & kClassSpace) != 0 : is_space_slow(cp);
}
/// Line break for sentence segmentation.
inline bool is_line_break(char32_t cp) noexcept {
  return cp == '\n' || cp == '\r' || cp == 0x0085 || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x0B || cp == 0x0C;
}
/// Value of an ASCII, Arabic-Indic or Persian (Extended Arabic-Indic) digit, else -1.
inline int digit_value(char32_t cp) noexcept {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp >= 0x0660 && cp <= 0x0669) return static_cast<int>(cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return static_cast<int>(cp - 0x06F0);
  return -1;
}
bool is_pictographic(char32_t cp) noexcept;  ///< emoji base (Extended_Pictographic, approximately)
inline bool is_regional_indicator(char32_t cp) noexcept { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }
inline bool is_emoji_modifier(char32_t cp) noexcept { return cp >= 0x1F3FB && cp <= 0x1F3FF; }
inline bool is_variation_selector(char32_t cp) noexcept {
  return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}
inline bool is_tag(char32_t cp) noexcept { return cp >= 0xE0020 && cp <= 0xE007F; }
/// punctuation (general categories P*)
bool is_punct_slow(char32_t cp) noexcept;
inline bool is_punct(char32_t cp) noexcept {
  return cp < 0x800 ? (kLowClasses[cp] & kClassPunct) != 0 : is_punct_slow(cp);
}
/// symbols (S*) that are not emoji
bool is_symbol_slow(char32_t cp) noexcept;
inline bool is_symbol(char32_t cp) noexcept {
  return cp < 0x800 ? (kLowClasses[cp] & kClassSymbol) != 0 : is_symbol_slow(cp);
}
/// Lower-case form of a Latin capital (ASCII, Latin-1, Latin Extended-A and
/// Additional, which hold every Hawar capital); other code points unchanged.
char32_t latin_to_lower(char32_t cp) noexcept;

}  // namespace kurdi::text
