// Near-duplicate detection for the archive: a 64-bit SimHash over
// overlapping three-word shingles of a body's search-profile words (the
// core's tokenizer, so spelling variants and punctuation do not make two
// copies of an article differ). Two bodies whose SimHashes differ in at most
// kNearDistance bits are reported as near-duplicates.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "kurdi/tokenize.hpp"

namespace kurdi::archive {

/// At most this many differing bits make two documents near-duplicates.
inline constexpr int kNearDistance = 3;

/// Bodies with fewer shingles than this get no SimHash: on a few words one
/// changed word flips too many bits for the distance to mean anything.
inline constexpr std::size_t kMinShingles = 8;

/// The SimHash of `body`, or nullopt when it is too short.
std::optional<std::uint64_t> simhash(std::string_view body);
/// The same from `body`'s tokens, tokenized with
/// search::search_tokenize_options() (the archive shares them with the FTS5
/// tokenizer: kurdi::sqlite::Pretokenized).
std::optional<std::uint64_t> simhash(const Tokens& tokens);

/// Number of differing bits.
int hamming_distance(std::uint64_t a, std::uint64_t b) noexcept;

/// The four band keys of a SimHash (band number << 16 | 16-bit value). By
/// the pigeonhole principle two hashes at distance <= 3 share one.
std::array<std::int64_t, 4> simhash_bands(std::uint64_t hash) noexcept;

}  // namespace kurdi::archive
