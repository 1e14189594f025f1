// The compiled transliteration exception lexicon (data/translit/exceptions.tsv,
// docs/transliteration.md "The exception lexicon"): shared by the build-time
// compiler (exceptions_compiler.cpp) and the library (exceptions.cpp).
//
// Layout: an array of entries (normalized Arabic word, Hawar spelling, hash
// of the word's code points) and an open-addressing table of slots (entry
// index + 1, 0 = empty) indexed by the hash, at most a quarter full. Before
// any hashing, a 4,096-bit filter indexed by the word's first, second and
// last letters and its length turns about 95 % of the words away with one
// load and a bit test.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kurdi::translit_detail {

struct ExceptionEntry {
  std::string_view arabic;  ///< standard-normalized, letters of the table only
  std::string_view hawar;   ///< the Hawar spelling
  std::uint64_t hash;       ///< exception_hash over arabic's code points
};

/// FNV-1a over code points (not bytes): the scan over the text already
/// decodes every letter, so the hash costs one xor and one multiply each.
inline constexpr std::uint64_t kExceptionHashSeed = 0xcbf29ce484222325ULL;
constexpr std::uint64_t exception_hash_step(std::uint64_t h, char32_t cp) noexcept {
  return (h ^ static_cast<std::uint64_t>(cp)) * 0x100000001b3ULL;
}

// Defined in the generated source (build/src/generated/translit_exceptions.cpp).
extern const ExceptionEntry kExceptions[];  ///< kExceptionCount entries (+ a sentinel)
extern const std::size_t kExceptionCount;
extern const std::uint16_t kExceptionSlots[];  ///< kExceptionSlotMask + 1 slots
extern const std::size_t kExceptionSlotMask;
/// Bit exception_filter_bit(...) of each entry is set (4,096 bits).
extern const std::uint64_t kExceptionFilter[64];

/// The filter bit of a word of `length` (>= 2) letters: its first, second
/// and last code points.
constexpr unsigned exception_filter_bit(char32_t first, char32_t second, char32_t last,
                                        std::size_t length) noexcept {
  return static_cast<unsigned>((first * 31u + second * 7u + last * 131u + length * 1009u) & 4095u);
}

/// Whether a word may be an entry (no false negatives).
inline bool may_be_exception(char32_t first, char32_t second, char32_t last, std::size_t length) noexcept {
  const unsigned bit = exception_filter_bit(first, second, last, length);
  return (kExceptionFilter[bit >> 6] >> (bit & 63)) & 1u;
}

}  // namespace kurdi::translit_detail
