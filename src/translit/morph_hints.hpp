// Morphology-aware reading (docs/transliteration.md, "Morpheme boundaries"):
// where a word's stem ends and its suffixes, clitics and person endings start,
// found with the morphological lexicon, turned into per-letter hints for the
// syllable DP (syllables.hpp): the stem keeps its own reading, a one-consonant
// ending after a consonant takes its i (قسەکانت qisekanit), a plural clitic
// does not (خوشکمان xuşkman), and the subjunctive prefix is bi-.
#pragma once
#include <string_view>
#include <vector>

#include "translit/letters.hpp"
#include "translit/syllables.hpp"

namespace kurdi::translit_detail {

/// Fills `hints` (one per letter) for the word `word` (its normalized UTF-8;
/// its letters are `letters`) and returns true when its morphology says
/// something the syllables alone do not; false (hints unspecified) for most
/// words, after a few byte comparisons. Bounded work per word: a few lexicon
/// lookups and one DP over the stem. `scratch`: a reusable buffer.
bool morph_hints(const std::vector<const ArabicLetter*>& letters, std::string_view word, WordReader& reader,
                 std::vector<Hint>& hints, std::vector<Decision>& scratch);

}  // namespace kurdi::translit_detail
