// Whole-word exceptions to the syllable reading (docs/transliteration.md,
// "The exception lexicon"): lookup in the compiled table and the alignment
// of an entry's Hawar spelling with the word's letters, so that an entry
// yields the same phones as a reading of the DP (every Latin scheme and IPA
// then follow from it).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "translit/exceptions_format.hpp"
#include "translit/syllables.hpp"

namespace kurdi::translit_detail {

/// The entry for the normalized word `word` whose code points hash to
/// `hash` (exception_hash_step from kExceptionHashSeed), or nullptr.
const ExceptionEntry* find_exception(std::uint64_t hash, std::string_view word) noexcept;

/// Reads `letters` as spelt by `hawar`: each letter consumes its own Hawar
/// spelling (و: u, w, or û with the next و; ی: î or y; ئ nothing at the start
/// of the word, ' inside), and a plain i before a letter is an unwritten i.
/// Returns false, leaving `phones` unspecified, when they do not align.
bool read_exception(const std::vector<const ArabicLetter*>& letters, std::string_view hawar,
                    Phones& phones);

}  // namespace kurdi::translit_detail
