// The letter tables of transliteration: one row per letter, as in
// docs/transliteration.md ("Letters" and "IPA").
#include "translit/letters.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <utility>

#include "translit/bizroke_model.hpp"

namespace kurdi::translit_detail {

namespace {

// Sorted by code point.
constexpr ArabicLetter kArabicRows[] = {
    {0x0621, Kind::consonant, kStop, {"'", "'", "'", "ʔ"}},    // ء hamza (rare after normalization)
    {0x0626, Kind::hamza, kStop, {"'", "'", "'", "ʔ"}},        // ئ
    {0x0627, Kind::vowel, 0, {"a", "a", "a", "a"}},            // ا
    {0x0628, Kind::consonant, kStop, {"b", "b", "b", "b"}},    // ب
    {0x062A, Kind::consonant, kStop, {"t", "t", "t", "t"}},    // ت
    {0x062B, Kind::consonant, kFricative, {"ŝ", "s", "s", "s"}},  // ث (Arabic only)
    {0x062C, Kind::consonant, kStop, {"c", "c", "c", "d͡ʒ"}},   // ج
    {0x062D, Kind::consonant, kFricative, {"ḧ", "h", "h", "ħ"}},  // ح
    {0x062E, Kind::consonant, kFricative, {"x", "x", "x", "x"}},  // خ
    {0x062F, Kind::consonant, kStop, {"d", "d", "d", "d"}},    // د
    {0x0630, Kind::consonant, kFricative, {"ẕ", "z", "z", "z"}},  // ذ (Arabic only)
    {0x0631, Kind::consonant, kLiquid, {"r", "r", "r", "ɾ"}},  // ر
    {0x0632, Kind::consonant, kFricative, {"z", "z", "z", "z"}},  // ز
    {0x0633, Kind::consonant, kFricative, {"s", "s", "s", "s"}},  // س
    {0x0634, Kind::consonant, kFricative, {"ş", "ş", "sh", "ʃ"}},  // ش
    {0x0635, Kind::consonant, kFricative, {"ṣ", "s", "s", "s"}},  // ص (Arabic only)
    {0x0636, Kind::consonant, kFricative, {"ż", "z", "z", "z"}},  // ض (Arabic only)
    {0x0637, Kind::consonant, kStop, {"ṭ", "t", "t", "t"}},    // ط (Arabic only)
    {0x0638, Kind::consonant, kFricative, {"ẓ", "z", "z", "z"}},  // ظ (Arabic only)
    {0x0639, Kind::consonant, kStop, {"’", "'", "'", "ʕ"}},    // ع
    {0x063A, Kind::consonant, kFricative, {"ẍ", "x", "gh", "ɣ"}},  // غ
    {0x0641, Kind::consonant, kFricative, {"f", "f", "f", "f"}},  // ف
    {0x0642, Kind::consonant, kStop, {"q", "q", "q", "q"}},    // ق
    {0x0643, Kind::consonant, kStop, {"k", "k", "k", "k"}},    // ك (Arabic kaf)
    {0x0644, Kind::consonant, kLiquid, {"l", "l", "l", "l"}},  // ل
    {0x0645, Kind::consonant, kNasal, {"m", "m", "m", "m"}},   // م
    {0x0646, Kind::consonant, kNasal, {"n", "n", "n", "n"}},   // ن
    {0x0647, Kind::consonant, kFricative, {"h", "h", "h", "h"}},  // ه
    {0x0648, Kind::waw, kGlide, {"", "", "", ""}},             // و
    {0x0649, Kind::yeh, kGlide, {"", "", "", ""}},             // ى
    {0x064A, Kind::yeh, kGlide, {"", "", "", ""}},             // ي
    {0x067E, Kind::consonant, kStop, {"p", "p", "p", "p"}},    // پ
    {0x0686, Kind::consonant, kStop, {"ç", "ç", "ch", "t͡ʃ"}},  // چ
    {0x0695, Kind::consonant, kLiquid, {"ř", "r", "rr", "r"}},  // ڕ
    {0x0698, Kind::consonant, kFricative, {"j", "j", "j", "ʒ"}},  // ژ
    {0x06A4, Kind::consonant, kFricative, {"v", "v", "v", "v"}},  // ڤ
    {0x06A9, Kind::consonant, kStop, {"k", "k", "k", "k"}},    // ک
    {0x06AF, Kind::consonant, kStop, {"g", "g", "g", "ɡ"}},    // گ
    {0x06B5, Kind::consonant, kLiquid, {"ł", "l", "ll", "ɫ"}},  // ڵ
    {0x06BE, Kind::consonant, kFricative, {"h", "h", "h", "h"}},  // ھ (a word-final /h/)
    {0x06C6, Kind::vowel, 0, {"o", "o", "o", "o"}},            // ۆ
    {0x06CC, Kind::yeh, kGlide, {"", "", "", ""}},             // ی
    {0x06CE, Kind::vowel, 0, {"ê", "ê", "e", "e"}},            // ێ
    {0x06D5, Kind::vowel, 0, {"e", "e", "e", "ɛ"}},            // ە
};

// Sorted by code point. i has no letter (the bizroke is not written).
constexpr LatinLetter kLatin[] = {
    {U'\'', "ئ", false}, {U'a', "ا", true}, {U'b', "ب", false}, {U'c', "ج", false},
    {U'd', "د", false}, {U'e', "ە", true}, {U'f', "ف", false}, {U'g', "گ", false},
    {U'h', "ه", false}, {U'i', "", true}, {U'j', "ژ", false}, {U'k', "ک", false},
    {U'l', "ل", false}, {U'm', "م", false}, {U'n', "ن", false}, {U'o', "ۆ", true},
    {U'p', "پ", false}, {U'q', "ق", false}, {U'r', "ر", false}, {U's', "س", false},
    {U't', "ت", false}, {U'u', "و", true}, {U'v', "ڤ", false}, {U'w', "و", false},
    {U'x', "خ", false}, {U'y', "ی", false}, {U'z', "ز", false}, {U'ç', "چ", false},
    {U'ê', "ێ", true}, {U'ë', "ع", false}, {U'î', "ی", true}, {U'û', "وو", true},
    {U'ğ', "غ", false}, {U'ħ', "ح", false}, {U'ı', "", true}, {U'ł', "ڵ", false}, {U'ř', "ڕ", false},
    {U'ŝ', "ث", false}, {U'ş', "ش", false}, {U'ż', "ض", false}, {U'ƹ', "ع", false}, {U'ʼ', "ئ", false},
    {U'ḧ', "ح", false}, {U'ṣ', "ص", false}, {U'ṭ', "ط", false}, {U'ẍ', "غ", false},
    {U'ẓ', "ظ", false}, {U'ẕ', "ذ", false}, {U'’', "ع", false},
};

struct CasePair {
  char32_t upper, lower;
};
// Non-ASCII capitals, sorted by upper.
constexpr CasePair kCase[] = {
    {U'Ç', U'ç'}, {U'Ê', U'ê'}, {U'Ë', U'ë'}, {U'Î', U'î'}, {U'Û', U'û'}, {U'Ğ', U'ğ'},
    {U'Ħ', U'ħ'}, {U'İ', U'i'}, {U'Ł', U'ł'}, {U'Ř', U'ř'}, {U'Ŝ', U'ŝ'}, {U'Ş', U'ş'},
    {U'Ż', U'ż'}, {U'Ƹ', U'ƹ'}, {U'Ḧ', U'ḧ'},
    {U'Ṣ', U'ṣ'}, {U'Ṭ', U'ṭ'}, {U'Ẍ', U'ẍ'}, {U'Ẓ', U'ẓ'}, {U'Ẕ', U'ẕ'},
};

struct Composition {
  char32_t base, mark, result;
};
constexpr Composition kCompose[] = {
    {U'c', 0x0327, U'ç'}, {U's', 0x0327, U'ş'}, {U'e', 0x0302, U'ê'}, {U'i', 0x0302, U'î'},
    {U'u', 0x0302, U'û'}, {U's', 0x0302, U'ŝ'}, {U'r', 0x030C, U'ř'}, {U'h', 0x0308, U'ḧ'},
    {U'x', 0x0308, U'ẍ'}, {U'e', 0x0308, U'ë'}, {U's', 0x0323, U'ṣ'}, {U't', 0x0323, U'ṭ'},
    {U'z', 0x0323, U'ẓ'}, {U'z', 0x0307, U'ż'}, {U'z', 0x0331, U'ẕ'}, {U'g', 0x0306, U'ğ'},
};

// The rows with their model ids (kModelLetterId) filled in.
template <std::size_t... I>
constexpr std::array<ArabicLetter, sizeof...(I)> with_model_ids(std::index_sequence<I...>) {
  auto with_id = [](ArabicLetter l) {
    l.model_id = kModelLetterId[l.cp & 0xFF];
    return l;
  };
  return {with_id(kArabicRows[I])...};
}
constexpr auto kArabic = with_model_ids(std::make_index_sequence<std::size(kArabicRows)>());

}  // namespace

namespace {

// U+0600..U+06FF -> the letter by its low byte: one load per letter.
constexpr std::array<const ArabicLetter*, 256> arabic_block() {
  std::array<const ArabicLetter*, 256> block{};
  for (const ArabicLetter& l : kArabic) block[l.cp - 0x0600] = &l;
  return block;
}

}  // namespace

constexpr std::array<const ArabicLetter*, 256> kArabicBlock = arabic_block();

namespace {

constexpr std::array<Phone, 256> letter_phones() {
  std::array<Phone, 256> phones{};
  for (const ArabicLetter& l : kArabic) {
    phones[l.cp - 0x0600] = l.kind == Kind::hamza ? Phone{&kReadGlottal, false, false, kStop, false}
                                                  : Phone{&l.reading, l.kind == Kind::vowel, false, l.sonority, false};
  }
  return phones;
}

}  // namespace

constexpr std::array<Phone, 256> kLetterPhone = letter_phones();

namespace {

// U+0000..U+02FF -> 1 + index into kLatin (0: none), and lower case.
constexpr char32_t kDirect = 0x300;
struct LatinIndex {
  unsigned char slot[kDirect] = {};
  char16_t lower[kDirect] = {};
  constexpr LatinIndex() {
    for (std::size_t i = 0; i < kDirect; ++i) lower[i] = static_cast<char16_t>(i);
    for (char32_t c = U'A'; c <= U'Z'; ++c) lower[c] = static_cast<char16_t>(c + 32);
    for (const CasePair& c : kCase)
      if (c.upper < kDirect) lower[c.upper] = static_cast<char16_t>(c.lower);
    for (std::size_t i = 0; i < std::size(kLatin); ++i)
      if (kLatin[i].cp < kDirect) slot[kLatin[i].cp] = static_cast<unsigned char>(i + 1);
  }
};
constexpr LatinIndex kLatinIndex;

}  // namespace

const LatinLetter* latin_letter(char32_t cp) noexcept {
  if (cp < kDirect) {
    const unsigned slot = kLatinIndex.slot[cp];
    return slot == 0 ? nullptr : &kLatin[slot - 1];
  }
  const auto* it = std::lower_bound(std::begin(kLatin), std::end(kLatin), cp,
                                    [](const LatinLetter& l, char32_t c) { return l.cp < c; });
  return it != std::end(kLatin) && it->cp == cp ? it : nullptr;
}

char32_t latin_lower(char32_t cp) noexcept {
  if (cp < kDirect) return kLatinIndex.lower[cp];
  for (const CasePair& c : kCase)
    if (c.upper == cp) return c.lower;
  return cp;
}

char32_t latin_upper(char32_t cp) noexcept {
  if (cp >= U'a' && cp <= U'z') return cp - 32;
  if (cp < 0xC0) return cp;
  for (const CasePair& c : kCase)
    if (c.lower == cp) return c.upper;
  return cp;
}

char32_t compose(char32_t base, char32_t mark) noexcept {
  for (const Composition& c : kCompose)
    if (c.base == base && c.mark == mark) return c.result;
  return 0;
}

}  // namespace kurdi::translit_detail
