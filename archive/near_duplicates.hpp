// Near-duplicate detection for the archive: a MinHash signature (one
// permutation, densified: near_duplicates.cpp) of the set of overlapping
// three-word shingles of a body's search-profile words (the
// core's tokenizer, so spelling variants and punctuation do not make two
// copies of an article differ). Each of the signature's values agrees
// between two bodies with probability equal to the Jaccard similarity of
// their shingle sets, so the share of agreeing values estimates it; two
// bodies with at least kNearAgreement of kMinHashes values in common are
// near-duplicates.
//
// MinHash replaced a 64-bit SimHash (schema 3 and older), whose bits a
// single changed word flips several of: on 300-word bodies of the samples it
// found 73 % of one-word edits and 11 % of five-word ones, MinHash all of
// both (docs/archive.md, "Near-duplicates").
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kurdi/tokenize.hpp"

namespace kurdi::archive {

/// Values in a signature.
inline constexpr int kMinHashes = 32;
/// Values per band: two signatures that agree on a whole band are
/// candidates. With 8 bands of 4, a pair of Jaccard similarity J is a
/// candidate with probability 1 - (1 - J^4)^8: 0.985 at 0.8, 0.9998 at 0.9
/// (five words changed in a 300-word article), 0.013 at 0.2.
inline constexpr int kBandRows = 4;
inline constexpr int kBands = kMinHashes / kBandRows;
/// At least this many equal values make two documents near-duplicates (an
/// estimated Jaccard similarity of 0.72 or more).
inline constexpr int kNearAgreement = 23;

/// Bodies with fewer shingles than this get no signature: on a few words one
/// changed word changes too large a share of the shingles for the similarity
/// to mean anything.
inline constexpr std::size_t kMinShingles = 8;

using MinHash = std::array<std::uint32_t, kMinHashes>;

/// The signature of `body`, or nullopt when it is too short.
std::optional<MinHash> minhash(std::string_view body);
/// The same from `body`'s tokens, tokenized with
/// search::search_tokenize_options() (the archive shares them with the FTS5
/// tokenizer: kurdi::sqlite::Pretokenized).
std::optional<MinHash> minhash(const Tokens& tokens);

/// How many positions of the two signatures hold the same value.
int agreement(const MinHash& a, const MinHash& b) noexcept;

/// The signature's band keys: band number in the top 8 bits, a hash of the
/// band's values in the rest. Signatures that agree on a band share its key.
std::array<std::int64_t, kBands> minhash_bands(const MinHash& signature) noexcept;

/// The signature as stored (4 bytes a value, little-endian), and back;
/// nullopt for a blob of the wrong size.
std::string to_blob(const MinHash& signature);
std::optional<MinHash> from_blob(std::string_view blob) noexcept;

}  // namespace kurdi::archive
