#include "near_duplicates.hpp"

#include <xxhash.h>

#include <array>
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

  // Each bit of the SimHash is a vote of the shingles' hashes: set when more
  // than half of them have it. The votes are counted eight bits at a time:
  // a byte of a hash indexes a word whose byte i is that byte's bit i, and
  // lanes[b] adds up byte b of every hash in eight byte-wide counters,
  // emptied into `set` before they can overflow. (A loop over the 64 bits
  // of every hash was an eighth of `kurdi index`'s time.)
  static constexpr auto kSpread = [] {
    std::array<std::uint64_t, 256> t{};
    for (unsigned v = 0; v < 256; ++v)
      for (unsigned i = 0; i < 8; ++i) t[v] |= std::uint64_t{(v >> i) & 1u} << (8 * i);
    return t;
  }();
  std::uint64_t lanes[8] = {};
  std::uint32_t set[64] = {};
  auto empty_lanes = [&] {
    for (int b = 0; b < 8; ++b) {
      for (int i = 0; i < 8; ++i) set[8 * b + i] += static_cast<std::uint32_t>((lanes[b] >> (8 * i)) & 0xFF);
      lanes[b] = 0;
    }
  };
  std::size_t shingles = 0, pending = 0;
  std::string shingle;
  for (std::size_t i = 0; i + kShingle <= words.size(); ++i) {
    shingle.clear();
    for (std::size_t k = 0; k < kShingle; ++k) {
      shingle.append(words[i + k]);
      shingle.push_back('\0');  // no two word sequences give the same bytes
    }
    // XXH3 is stable across versions and platforms: stored hashes stay valid.
    const std::uint64_t h = XXH3_64bits(shingle.data(), shingle.size());
    for (int b = 0; b < 8; ++b) lanes[b] += kSpread[(h >> (8 * b)) & 0xFF];
    ++shingles;
    if (++pending == 255) {  // a byte counter holds 255
      empty_lanes();
      pending = 0;
    }
  }
  empty_lanes();
  std::uint64_t hash = 0;
  for (int bit = 0; bit < 64; ++bit)
    if (2 * std::size_t{set[bit]} > shingles) hash |= std::uint64_t{1} << bit;
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
