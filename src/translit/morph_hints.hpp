// Morphology-aware reading (docs/transliteration.md, "Morpheme boundaries"):
// where a word's stem ends and its suffixes, clitics and person endings start,
// found with the morphological lexicon, turned into per-letter hints for the
// syllable DP (syllables.hpp): the stem keeps its own reading, a one-consonant
// ending after a consonant takes its i (قسەکانت qisekanit), a plural clitic
// does not (خوشکمان xuşkman), and the subjunctive prefix is bi-.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "translit/letters.hpp"
#include "translit/syllables.hpp"

namespace kurdi::translit_detail {

/// Fills `hints` (one per letter) for the word `word` (its normalized UTF-8;
/// its letters are `letters`) when its morphology says something its reading
/// by the rules alone does not (`plain`: bit i set when that reading has an
/// unwritten i before letter i; WordReader::read's `bizroke`):
/// only when that reading breaks a boundary rule where a boundary may be
/// (a few letter comparisons) is the word split (suffixes from a short list,
/// the stem looked up in the lexicon: a few lookups) and the stem read on its
/// own (into `scratch`). Returns false (hints unspecified) for most words.
/// `endings`: bit k set when letter (size - 1 - k) is م ت ن right
/// after a consonant letter. Bounded work per word.
bool morph_hints(const std::vector<const ArabicLetter*>& letters, std::string_view word, std::uint32_t endings,
                 std::uint64_t plain, WordReader& reader, std::vector<Hint>& hints,
                 std::vector<Decision>& scratch);

/// A boundary rule is checked in the last kEndingWindow letters.
inline constexpr std::size_t kEndingWindow = 16;


}  // namespace kurdi::translit_detail
