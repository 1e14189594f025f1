// Evidence for guessing unknown words: the stems of data/lexicon/guess_stems.tsv
// (RULE G1 of scripts/lexicon/build_lexicon.py), word-list words that the
// lists also hold with a definiteness or indefiniteness marker. Compiled at
// build time (guess_stems_compiler.cpp) into an open-addressing table keyed
// by the lexicon's hash (lexicon_format.hpp), used in place.
#pragma once
#include <cstdint>
#include <string_view>

namespace kurdi::morph {

namespace guess_format {
/// One row: the stem is kGuessStemPool[offset, offset + length).
struct GuessStem {
  std::uint32_t offset;
  std::uint8_t length;
  std::uint8_t marked;
};
/// A slot of the table: 0 when empty, else the top 16 bits of the stem's
/// hash above the row's index + 1 (so a probe that misses rarely reads a row).
constexpr std::uint32_t slot_value(std::uint64_t hash, std::uint32_t row) noexcept {
  return static_cast<std::uint32_t>(hash >> 48) << 16 | (row + 1);
}
inline constexpr std::uint32_t kMaxRows = 0xFFFE;
/// A Bloom filter over the stems' hashes, two bits each, checked before the
/// table: most prefixes of an unknown word are no stem, and the filter
/// (32 KiB) answers them from cache where a slot probe (256 KiB) would miss.
inline constexpr std::uint32_t kFilterBits = 1u << 18;
constexpr std::uint32_t filter_bit_1(std::uint64_t hash) noexcept {
  return static_cast<std::uint32_t>(hash >> 20) & (kFilterBits - 1);
}
constexpr std::uint32_t filter_bit_2(std::uint64_t hash) noexcept {
  return static_cast<std::uint32_t>(hash >> 38) & (kFilterBits - 1);
}
}  // namespace guess_format

/// How many forms of `stem` with a marker the word lists hold; 0 when the
/// stem is not in the table. `hash` is format::hash(stem): the analyzer
/// computes it for every prefix of a word in one pass.
unsigned marked_forms(std::string_view stem, std::uint64_t hash) noexcept;

}  // namespace kurdi::morph
