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

/// The two halves of a 64 x 64 -> 128-bit product folded together: one
/// multiplication mixes both inputs into every output bit.
inline std::uint64_t fold_multiply(std::uint64_t a, std::uint64_t b) noexcept {
  __extension__ using u128 = unsigned __int128;  // (GCC and Clang on 64-bit targets)
  const u128 r = static_cast<u128>(a) * b;
  return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

namespace hash_detail {
inline std::uint64_t load8(const char* p) noexcept {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
inline std::uint64_t load4(const char* p) noexcept {
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}
}  // namespace hash_detail

/// 16 bytes a multiplication. The last bytes are read as whole (possibly
/// overlapping) words rather than copied one at a time: the caches hash a
/// word of about 12 bytes per token, so this is on every token's path and
/// makes no library call. The length goes into the final step, so "a" and
/// "a\0" differ.
inline std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed) noexcept {
  using hash_detail::load4;
  using hash_detail::load8;
  constexpr std::uint64_t kA = 0x9E3779B97F4A7C15ull, kB = 0xD6E8FEB86659FD93ull, kC = 0xA0761D6478BD642Full;
  const char* p = bytes.data();
  const std::size_t n = bytes.size();
  std::uint64_t h = seed ^ kC;
  std::uint64_t a = 0, b = 0;
  if (n <= 16) {
    if (n >= 8) {
      a = load8(p);
      b = load8(p + n - 8);
    } else if (n >= 4) {
      a = load4(p);
      b = load4(p + n - 4);
    } else if (n > 0) {
      const auto byte = [p](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
      a = (byte(0) << 16) | (byte(n >> 1) << 8) | byte(n - 1);
    }
  } else {
    std::size_t left = n;
    for (; left > 16; left -= 16, p += 16) h = fold_multiply(load8(p) ^ kA, load8(p + 8) ^ h);
    a = load8(p + left - 16);
    b = load8(p + left - 8);
  }
  return fold_multiply(kB ^ n, fold_multiply(a ^ kA, b ^ h));
}

}  // namespace kurdi::util
