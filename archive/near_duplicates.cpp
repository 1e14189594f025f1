#include "near_duplicates.hpp"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <string>
#include <vector>

#include "kurdi/search.hpp"
#include "kurdi/tokenize.hpp"

namespace kurdi::archive {
namespace {

// One-permutation hashing with optimal densification (Shrivastava, "Optimal
// densification for fast and accurate minwise hashing", ICML 2017): a
// shingle's XXH3 hash h falls in bin h >> 59 (32 bins) and offers the
// value of its bits 27 to 58; each bin keeps the least value offered. A bin
// that no shingle fell in (short bodies) takes the value of the first
// filled bin of a pseudo-random sequence fixed for that bin, the same
// sequence in every document, which keeps the chance that two signatures
// agree in a position equal to the Jaccard similarity. One hash a shingle,
// where 32 hash functions cost twice the SimHash they replaced. Signatures
// are stored and compared with those of later documents, so XXH3, the bin
// and value bits, the densification sequence and the shingling must never
// change without a schema migration that recomputes them.
constexpr int kBinBits = 5;
static_assert(kMinHashes == 1 << kBinBits);

// (Its own copy, not util::mix64: that one serves in-memory caches and may
// change; this sequence decides stored signatures and may not.)
constexpr std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// The bin that empty bin `bin` looks at in its `attempt`th try.
constexpr int donor_bin(int bin, int attempt) {
  return static_cast<int>(splitmix64((std::uint64_t{static_cast<unsigned>(bin)} << 32) |
                                     static_cast<unsigned>(attempt)) >>
                          (64 - kBinBits));
}

constexpr std::size_t kShingle = 3;

}  // namespace

std::optional<MinHash> minhash(std::string_view body) {
  static const TokenizeOptions options = search::search_tokenize_options();
  return minhash(tokenize(body, options));
}

std::optional<MinHash> minhash(const Tokens& tokens) {
  std::vector<std::string_view> words;
  words.reserve(tokens.tokens.size());
  for (const Token& t : tokens.tokens)
    if (search::is_indexed(t.type)) words.push_back(tokens.norm(t));
  if (words.size() < kShingle + kMinShingles - 1) return std::nullopt;

  MinHash signature;
  signature.fill(std::numeric_limits<std::uint32_t>::max());
  std::uint32_t filled = 0;  // bit i: bin i holds a shingle's value
  std::string shingle;
  for (std::size_t i = 0; i + kShingle <= words.size(); ++i) {
    shingle.clear();
    for (std::size_t k = 0; k < kShingle; ++k) {
      shingle.append(words[i + k]);
      shingle.push_back('\0');  // no two word sequences give the same bytes
    }
    // XXH3 is stable across versions and platforms: stored signatures stay valid.
    const std::uint64_t h = XXH3_64bits(shingle.data(), shingle.size());
    const auto bin = static_cast<int>(h >> (64 - kBinBits));
    const auto value = static_cast<std::uint32_t>(h >> (64 - kBinBits - 32));
    // A repeated shingle offers the same value again, so the signature is
    // that of the set of shingles, as Jaccard similarity needs.
    signature[bin] = std::min(signature[bin], value);
    filled |= std::uint32_t{1} << bin;
  }
  const MinHash offered = signature;
  for (int bin = 0; bin < kMinHashes; ++bin) {
    if (filled >> bin & 1u) continue;
    // Some bin is filled (there are kMinShingles shingles). A sequence that
    // missed it 4,096 times (a chance of 1 in e^130 with one bin filled)
    // would fall back on the lowest filled bin, so the signature is always
    // defined.
    int donor = std::countr_zero(filled);
    for (int attempt = 0; attempt < 4096; ++attempt)
      if (const int d = donor_bin(bin, attempt); filled >> d & 1u) {
        donor = d;
        break;
      }
    signature[bin] = offered[donor];
  }
  return signature;
}

int agreement(const MinHash& a, const MinHash& b) noexcept {
  int same = 0;
  for (int i = 0; i < kMinHashes; ++i) same += a[i] == b[i];
  return same;
}

std::array<std::int64_t, kBands> minhash_bands(const MinHash& signature) noexcept {
  // Hashed as stored (little-endian), so that keys are the same on every machine.
  const std::string bytes = to_blob(signature);
  std::array<std::int64_t, kBands> keys{};
  for (int band = 0; band < kBands; ++band) {
    const std::uint64_t h = XXH3_64bits(bytes.data() + band * kBandRows * 4, kBandRows * 4);
    keys[band] = static_cast<std::int64_t>((std::uint64_t{static_cast<unsigned>(band)} << 56) | (h >> 8));
  }
  return keys;
}

std::string to_blob(const MinHash& signature) {
  std::string blob(kMinHashes * 4, '\0');
  for (int i = 0; i < kMinHashes; ++i)
    for (int b = 0; b < 4; ++b) blob[4 * i + b] = static_cast<char>((signature[i] >> (8 * b)) & 0xff);
  return blob;
}

std::optional<MinHash> from_blob(std::string_view blob) noexcept {
  if (blob.size() != kMinHashes * 4) return std::nullopt;
  MinHash signature{};
  for (int i = 0; i < kMinHashes; ++i)
    for (int b = 0; b < 4; ++b)
      signature[i] |= std::uint32_t{static_cast<unsigned char>(blob[4 * i + b])} << (8 * b);
  return signature;
}

}  // namespace kurdi::archive
