// AVX2 building blocks shared by the normalizer's window check and the
// tokenizer's word scan. Compiled only into functions marked
// target("avx2") (see text/simd.hpp): the build stays baseline x86-64 and
// callers choose these paths at run time.
#pragma once
#include <array>

#include "text/simd.hpp"

#if defined(KURDI_AVX2)
namespace kurdi::text::avx2 {

#define KURDI_AVX2_INLINE __attribute__((target("avx2"))) inline

// Constants are loaded from memory (one fused load per compare) rather than
// left to _mm256_set1_epi8, which GCC builds from immediates with three
// instructions each inside the loop: with some 35 constants that took more
// time than the compares themselves.
template <int C>
struct Splat {
  static constexpr std::array<unsigned char, 32> make() {
    std::array<unsigned char, 32> a{};
    for (auto& b : a) b = static_cast<unsigned char>(C);
    return a;
  }
  alignas(32) static constexpr std::array<unsigned char, 32> bytes = make();
};
template <int C>
KURDI_AVX2_INLINE __m256i splat() noexcept {
  return _mm256_load_si256(reinterpret_cast<const __m256i*>(Splat<C>::bytes.data()));
}
KURDI_AVX2_INLINE __m256i load(const unsigned char* p) noexcept {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}
template <int C>
KURDI_AVX2_INLINE __m256i eq(__m256i x) noexcept {
  return _mm256_cmpeq_epi8(x, splat<C>());
}
template <int Lo, int Hi>
KURDI_AVX2_INLINE __m256i in(__m256i x) noexcept {
  const __m256i d = _mm256_sub_epi8(x, splat<Lo>());
  return _mm256_cmpeq_epi8(_mm256_max_epu8(d, splat<Hi - Lo>()), splat<Hi - Lo>());
}
// Continuation bytes 80..BF are the signed bytes below -64; leads D8..DB
// are the bytes that are D8 once their two low bits are cleared.
KURDI_AVX2_INLINE __m256i cont(__m256i x) noexcept { return _mm256_cmpgt_epi8(splat<0xC0>(), x); }
KURDI_AVX2_INLINE __m256i arabic_lead(__m256i x) noexcept {
  return _mm256_cmpeq_epi8(_mm256_and_si256(x, splat<0xFC>()), splat<0xD8>());
}
// Sets of characters of U+0600..U+06FF tested 32 lanes at a time with byte
// shuffles instead of a compare per range: a character with lead D8..DB
// and second byte s has the index c = (lead & 3) << 6 | (s & 0x3F), and a
// set holds bit (c >> 4) & 7 of byte c & 15 of `low` (c < 128) or `high`.
// Each half is repeated for the two 128-bit lanes of vpshufb. The sets
// are built from the same predicates as the scalar tables, so the vector
// check cannot drift from them.
struct CharSet {
  alignas(32) std::array<unsigned char, 32> low{}, high{};
};
template <typename Pred>
constexpr CharSet make_char_set(Pred contains) {
  CharSet set;
  for (unsigned c = 0; c < 256; ++c) {
    if (!contains(c)) continue;
    auto& half = c < 128 ? set.low : set.high;
    const auto bit = static_cast<unsigned char>(1u << ((c >> 4) & 7));
    half[c & 15] |= bit;
    half[(c & 15) + 16] |= bit;
  }
  return set;
}
constexpr std::array<unsigned char, 32> build_row_bits() {
  std::array<unsigned char, 32> t{};
  for (unsigned k = 0; k < 32; ++k) t[k] = static_cast<unsigned char>(1u << (k & 7));
  return t;
}
alignas(32) inline constexpr std::array<unsigned char, 32> kRowBits = build_row_bits();

KURDI_AVX2_INLINE __m256i char_index(__m256i lead, __m256i second) noexcept {
  // (lead & 3) << 6 stays inside its byte, so a 16-bit shift does.
  return _mm256_or_si256(_mm256_slli_epi16(_mm256_and_si256(lead, splat<0x03>()), 6),
                         _mm256_and_si256(second, splat<0x3F>()));
}
// Lanes whose index c is in `set` (meaningful where the lane holds a lead
// followed by a continuation byte).
KURDI_AVX2_INLINE __m256i in_set(__m256i c, const CharSet& set) noexcept {
  const __m256i column = _mm256_and_si256(c, splat<0x0F>());
  const __m256i row_bit = _mm256_shuffle_epi8(
      load(kRowBits.data()), _mm256_and_si256(_mm256_srli_epi16(c, 4), splat<0x0F>()));
  const __m256i bits = _mm256_blendv_epi8(_mm256_shuffle_epi8(load(set.low.data()), column),
                                          _mm256_shuffle_epi8(load(set.high.data()), column), c);
  return _mm256_cmpeq_epi8(_mm256_and_si256(bits, row_bit), row_bit);
}

}  // namespace kurdi::text::avx2
#endif
