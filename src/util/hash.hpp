// A fast seeded hash of byte strings for the in-memory caches (the
// Analyzer's session cache). Not a cryptographic hash: the seed, chosen per
// cache at run time, only keeps a fixed list of words from colliding in
// every process (the words come from user documents).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kurdi::util {

/// MurmurHash3's 64-bit finalizer: every input bit reaches every output bit.
constexpr std::uint64_t mix64(std::uint64_t x) noexcept {
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDull;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ull;
  x ^= x >> 33;
  return x;
}

/// 8 bytes a step, each block mixed before it is folded in; the length and
/// the seed go in first, so "a" and "a\0" differ.
inline std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed) noexcept {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = seed ^ (bytes.size() * kMul);
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ mix64(w)) * kMul;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ mix64(w ^ n)) * kMul;
  }
  return mix64(h);
}

}  // namespace kurdi::util
