#include "near_duplicates.hpp"

#include <xxhash.h>

#include <bit>
#include <string>
#include <vector>

#include "kurdi/search.hpp"
#include "kurdi/tokenize.hpp"

namespace kurdi::archive {

std::optional<std::uint64_t> simhash(std::string_view body) {
  static const TokenizeOptions options = search::search_tokenize_options();
  return simhash(tokenize(body, options));
}

std::optional<std::uint64_t> simhash(const Tokens& tokens) {
  std::vector<std::string_view> words;
  words.reserve(tokens.tokens.size());
  for (const Token& t : tokens.tokens)
    if (search::is_indexed(t.type)) words.push_back(tokens.norm(t));
  constexpr std::size_t kShingle = 3;
  if (words.size() < kShingle + kMinShingles - 1) return std::nullopt;

  int weights[64] = {};
  std::string shingle;
  for (std::size_t i = 0; i + kShingle <= words.size(); ++i) {
    shingle.clear();
    for (std::size_t k = 0; k < kShingle; ++k) {
      shingle.append(words[i + k]);
      shingle.push_back('\0');  // no two word sequences give the same bytes
    }
    // XXH3 is stable across versions and platforms: stored hashes stay valid.
    const std::uint64_t h = XXH3_64bits(shingle.data(), shingle.size());
    for (int bit = 0; bit < 64; ++bit) weights[bit] += (h >> bit) & 1 ? 1 : -1;
  }
  std::uint64_t hash = 0;
  for (int bit = 0; bit < 64; ++bit)
    if (weights[bit] > 0) hash |= std::uint64_t{1} << bit;
  return hash;
}

int hamming_distance(std::uint64_t a, std::uint64_t b) noexcept { return std::popcount(a ^ b); }

std::array<std::int64_t, 4> simhash_bands(std::uint64_t hash) noexcept {
  std::array<std::int64_t, 4> bands{};
  for (int i = 0; i < 4; ++i)
    bands[i] = (static_cast<std::int64_t>(i) << 16) | static_cast<std::int64_t>((hash >> (16 * i)) & 0xffff);
  return bands;
}

}  // namespace kurdi::archive
