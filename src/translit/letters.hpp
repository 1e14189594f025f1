// The letter tables of transliteration (docs/transliteration.md, "Letters").
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kurdi::translit_detail {

/// How a Sorani Arabic-script letter takes part in syllables.
enum class Kind : std::uint8_t {
  vowel,      ///< always a vowel: ا ە ێ ۆ
  consonant,  ///< always a consonant
  waw,        ///< و: u, w, or (doubled) û
  yeh,        ///< ی: î or y
  hamza,      ///< ئ: a glottal stop; not written at the start of a word, ' inside
};

/// Sonority classes used by the syllable scoring.
/// (w and y are both glides; y is kept apart for the word-final pairs: dayn, but kirawin.)
enum Sonority : std::uint8_t { kStop = 0, kFricative = 1, kNasal = 2, kLiquid = 3, kGlide = 4, kGlideY = 5 };

/// One spelling packed for the writer: its bytes (at most 7), then its
/// length in the last byte. Copying all 8 bytes and advancing by the length
/// appends it without a call or a branch.
struct PackedSpelling {
  char bytes[8] = {};
  constexpr PackedSpelling() = default;
  constexpr explicit PackedSpelling(std::string_view s) {
    if (s.size() > 7) throw "a spelling longer than 7 bytes";  // not a constant expression: fails the build
    for (std::size_t i = 0; i < s.size(); ++i) bytes[i] = s[i];
    bytes[7] = static_cast<char>(s.size());
  }
  constexpr std::size_t size() const { return static_cast<unsigned char>(bytes[7]); }
};

/// How one sound is written in each Latin scheme and in IPA.
struct Reading {
  std::string_view hawar;
  std::string_view simplified;
  std::string_view ascii;
  std::string_view ipa;
  /// The same four, packed, in that order (index: kSpellHawar ... kSpellIpa).
  PackedSpelling packed[4];
  constexpr Reading(std::string_view h, std::string_view s, std::string_view a, std::string_view i)
      : hawar(h), simplified(s), ascii(a), ipa(i), packed{PackedSpelling(h), PackedSpelling(s), PackedSpelling(a), PackedSpelling(i)} {}
};
inline constexpr unsigned kSpellHawar = 0, kSpellSimplified = 1, kSpellAscii = 2, kSpellIpa = 3;

struct ArabicLetter {
  char32_t cp;
  Kind kind;
  std::uint8_t sonority;  ///< for consonants
  Reading reading;        ///< empty for و and ی (their reading depends on the word)
  std::uint8_t model_id = 0;  ///< its id in the learned bizroke costs (bizroke_model.hpp)
};

/// The letters of the block U+0600..U+06FF by the code point's low byte
/// (nullptr: not a letter transliteration reads).
extern const std::array<const ArabicLetter*, 256> kArabicBlock;

/// The entry for `cp`, or nullptr when `cp` is not a letter transliteration
/// reads as Sorani. Inline: the scan calls it once per letter.
inline const ArabicLetter* arabic_letter(char32_t cp) noexcept {
  return cp - 0x0600 < 256 ? kArabicBlock[cp - 0x0600] : nullptr;
}

// The readings of و and ی, of the unwritten i and of ئ.
inline constexpr Reading kReadU{"u", "u", "u", "ʊ"};
inline constexpr Reading kReadW{"w", "w", "w", "w"};
inline constexpr Reading kReadUU{"û", "û", "u", "uː"};
inline constexpr Reading kReadII{"î", "î", "i", "iː"};
inline constexpr Reading kReadY{"y", "y", "y", "j"};
inline constexpr Reading kReadBizroke{"i", "i", "i", "ɪ"};
inline constexpr Reading kReadGlottal{"'", "'", "'", "ʔ"};

/// One sound of the chosen reading of a word.
struct Phone {
  const Reading* reading;
  bool vowel;
  bool word_initial_glottal;  ///< a word-initial ئ: not written in Latin
  std::uint8_t sonority;
  bool syllable_start;  ///< a syllable boundary falls before this phone (not the first)
};

/// The phone of each letter of the block U+0600..U+06FF read as itself, by
/// the code point's low byte: its own reading, or for ئ the glottal stop
/// (word_initial_glottal unset). A table in static memory, so that a phone
/// is written as one 16-byte copy.
extern const std::array<Phone, 256> kLetterPhone;

/// A Latin letter read by Script::arab: its Arabic spelling and whether it is a
/// vowel (a word-initial vowel is written after ئ). `arabic` is empty for i.
struct LatinLetter {
  char32_t cp;  ///< lower case
  const char* arabic;
  bool vowel;
};

/// The entry for the lower-case letter `cp`, or nullptr.
const LatinLetter* latin_letter(char32_t cp) noexcept;

/// Lower case of a Latin letter transliteration knows (ASCII and Hawar's
/// capitals), else `cp`.
char32_t latin_lower(char32_t cp) noexcept;
/// Upper case of a lower-case Latin letter transliteration writes, else `cp`.
char32_t latin_upper(char32_t cp) noexcept;
/// A base letter followed by a combining mark (e + U+0302 -> ê), or 0.
char32_t compose(char32_t base, char32_t mark) noexcept;

}  // namespace kurdi::translit_detail
