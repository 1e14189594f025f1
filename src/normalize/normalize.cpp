// The normalizer: one pass over the input, rules of docs/normalization.md.
//
// Speed comes from a byte-level fast path: ASCII and the Arabic letters that
// no rule touches are copied in bulk; only code points that may change (the
// "interesting" ones for the active options) go to the rule handlers. The
// handlers judge context on what is already written (the previous output
// character, so contexts are seen after deletions) and on a look-ahead that
// skips what the rules delete, so a single pass reaches the fixed point.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "text/avx2.hpp"
#include "text/simd.hpp"

#include "kurdi/normalize.hpp"
#include "morph/repair.hpp"
#include "normalize/final_heh.hpp"
#include "normalize/presentation_forms.hpp"
#include "normalize/by_handlers.hpp"
#include "normalize/quick.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace kurdi {
namespace {

using normalize_detail::is_presentation_form;
using normalize_detail::presentation_expansion;
using text::kTatweel;
using text::kZwj;
using text::kZwnj;
using text::kZwsp;

constexpr char32_t kHeh = 0x0647;             // ه
constexpr char32_t kHehDoachashmee = 0x06BE;  // ھ: a real /h/ at word end
constexpr char32_t kAe = 0x06D5;              // ە
constexpr char32_t kReh = 0x0631;             // ر
constexpr char32_t kRreh = 0x0695;            // ڕ
constexpr char32_t kHamza = 0x0621;           // ء (non-joining)

// Context-free letter rules of the standard profile (docs/normalization.md,
// section "Letters"). Anything not listed is kept.
constexpr char32_t standard_letter(char32_t cp) noexcept {
  switch (cp) {
    case 0x0643:  // ك Arabic kaf
    case 0x06AA:  // ڪ swash kaf
      return 0x06A9;  // ک
    case 0x06AB:  // ګ kaf with ring
    case 0x06AC:  // ڬ kaf with dot above
      return 0x06AF;  // گ
    case 0x064A:  // ي Arabic yeh
    case 0x0649:  // ى alef maksura
    case 0x06D2:  // ے yeh barree
    case 0x06CD:  // ۍ yeh with tail
      return 0x06CC;  // ی
    case 0x0629:  // ة teh marbuta
      return kAe;
    case 0x0692:  // ڒ reh with small v above
      return kRreh;
    default:
      return 0;
  }
}

// Search-profile folds of hamza/madda carriers.
constexpr char32_t search_fold(char32_t cp) noexcept {
  switch (cp) {
    case 0x0622:  // آ
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0671:  // ٱ
      return 0x0627;  // ا
    case 0x0624:  // ؤ
      return 0x0648;  // و
    default:
      return 0;
  }
}

// Base letter + combining mark -> precomposed letter ("compose before
// removing marks").
char32_t compose(char32_t base, char32_t mark) noexcept {
  switch (mark) {
    case 0x0654:  // hamza above
      if (base == 0x06CC) return 0x0626;  // ی -> ئ (ي is already ی here)
      if (base == 0x0627) return 0x0623;  // ا -> أ
      if (base == 0x0648) return 0x0624;  // و -> ؤ
      return 0;
    case 0x0653:  // madda above
      return base == 0x0627 ? 0x0622 : 0;  // ا -> آ
    case 0x0655:  // hamza below
      return base == 0x0627 ? 0x0625 : 0;  // ا -> إ
    case 0x065A:  // small v above
    case 0x065B:  // inverted small v above
      if (base == 0x06CC) return 0x06CE;  // ی -> ێ
      if (base == 0x0648) return 0x06C6;  // و -> ۆ
      if (base == 0x0644) return 0x06B5;  // ل -> ڵ
      return 0;
    default:
      return 0;
  }
}

bool is_digit(char32_t cp) noexcept { return text::digit_value(cp) >= 0; }

// The byte-level fast path classifies a character by its first two bytes
// (one load from a 64 KiB table built at compile time): the low two bits are
// how many bytes to copy when no rule applies (1 for ASCII, 2 for a letter of
// U+0600..U+06FF, 0 when the rule handlers must look), the other bits mark
// characters that only some options change.
enum PairBits : unsigned {
  kAdvance = 3,
  kAsciiUpper = 4,      // A-Z: lower-cased by the search profile
  kAsciiDigit = 8,      // 0-9: changed by --digits arabic-indic
  kArabicDigit = 16,    // ٠-٩: changed by --digits ascii
  kPersianDigit = 32,   // ۰-۹: changed by any digit conversion
  kSearchFold = 64,     // أ إ آ ٱ ؤ ٪ ٫ ٬: search profile only
  kContext = 128,       // ر and ه: copied when the neighbour is a letter; also
                        // set (with advance 0) on everything else that needs
                        // the handlers, so the hot loop tests one mask
};

constexpr bool arabic_block_format(char32_t cp) noexcept {
  return (cp >= 0x0600 && cp <= 0x0605) || cp == 0x061C || cp == 0x06DD;
}

constexpr unsigned pair_bits(unsigned b0, unsigned b1) noexcept {
  if (b0 < 0x80) {
    if (b0 >= 'A' && b0 <= 'Z') return 1 | kAsciiUpper;
    if (b0 >= '0' && b0 <= '9') return 1 | kAsciiDigit;
    return 1;
  }
  if (b0 < 0xD8 || b0 > 0xDB || (b1 & 0xC0) != 0x80) return kContext;
  const char32_t cp = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
  if (standard_letter(cp) != 0 || cp == kHehDoachashmee || cp == kTatweel ||
      text::is_haraka(cp) || arabic_block_format(cp))
    return kContext;
  if (cp == kReh || cp == kHeh) return 2 | kContext;
  if (cp >= 0x0660 && cp <= 0x0669) return 2 | kArabicDigit;
  if (cp >= 0x06F0 && cp <= 0x06F9) return 2 | kPersianDigit;
  if (search_fold(cp) != 0 || (cp >= 0x066A && cp <= 0x066C)) return 2 | kSearchFold;
  return 2;
}

// Both tables below depend on the first byte only through its class, so
// they are indexed by (lead class, second byte): a few KiB that stay in the
// L1 cache (64 KiB tables indexed by both bytes did not, and were slower).
enum LeadRow : unsigned char {
  kRowAscii, kRowAsciiUpper, kRowAsciiDigit, kRowD8, kRowD9, kRowDA, kRowDB,
  kRowContinuation, kRowOther, kRows
};
constexpr unsigned char kRowByte[kRows] = {'a', 'A', '0', 0xD8, 0xD9, 0xDA, 0xDB, 0x80, 0xC0};

constexpr std::array<unsigned char, 256> build_lead_rows() {
  std::array<unsigned char, 256> t{};
  for (unsigned b = 0; b < 256; ++b) {
    unsigned char r = kRowOther;
    if (b >= 'A' && b <= 'Z') r = kRowAsciiUpper;
    else if (b >= '0' && b <= '9') r = kRowAsciiDigit;
    else if (b < 0x80) r = kRowAscii;
    else if (b < 0xC0) r = kRowContinuation;
    else if (b >= 0xD8 && b <= 0xDB) r = static_cast<unsigned char>(kRowD8 + (b - 0xD8));
    t[b] = r;
  }
  return t;
}
constexpr std::array<unsigned char, 256> kLeadRows = build_lead_rows();

constexpr std::array<unsigned char, kRows * 256> build_pair_table() {
  std::array<unsigned char, kRows * 256> t{};
  for (unsigned r = 0; r < kRows; ++r)
    for (unsigned b1 = 0; b1 < 256; ++b1)
      t[r * 256 + b1] = static_cast<unsigned char>(pair_bits(kRowByte[r], b1));
  return t;
}
constexpr std::array<unsigned char, kRows * 256> kPairTable = build_pair_table();

inline unsigned pair_at(const unsigned char* p) noexcept {
  return kPairTable[kLeadRows[p[0]] * 256u + p[1]];
}

// Two-byte characters whose rule needs no look-ahead, done without the
// general handlers: on dirty text (Arabic-keyboard ك ى ي, decorative
// tatweel, harakat) they are nine in ten of the characters that need work,
// and the handlers' decoding and dispatch cost more than the rule itself.
// Each entry: the action in the low byte, for kQuickLetter the replacement's
// two bytes above it.
enum QuickAction : unsigned {
  kQuickNone,
  kQuickLetter,   // a context-free letter rule (standard_letter), same length
  kQuickTatweel,  // deleted when the last written character is a letter
  kQuickHaraka,   // deleted when it composes with nothing (and is not kept)
};

constexpr std::uint32_t quick_entry(unsigned b0, unsigned b1) noexcept {
  if (b0 < 0xD8 || b0 > 0xDB || (b1 & 0xC0) != 0x80) return kQuickNone;
  const char32_t cp = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
  if (const char32_t m = standard_letter(cp)) {
    // Every replacement is a two-byte letter that no search fold changes,
    // so the rule is the same in every profile.
    if (m < 0x80 || m >= 0x800 || search_fold(m) != 0) return kQuickNone;
    const std::uint32_t r0 = 0xC0u | (m >> 6), r1 = 0x80u | (m & 0x3Fu);
    return kQuickLetter | (r0 << 8) | (r1 << 16);
  }
  if (cp == kTatweel) return kQuickTatweel;
  if (text::is_haraka(cp)) return kQuickHaraka;
  return kQuickNone;
}

constexpr std::array<std::uint32_t, kRows * 256> build_quick_table() {
  std::array<std::uint32_t, kRows * 256> t{};
  for (unsigned r = 0; r < kRows; ++r)
    for (unsigned b1 = 0; b1 < 256; ++b1) t[r * 256 + b1] = quick_entry(kRowByte[r], b1);
  return t;
}
constexpr std::array<std::uint32_t, kRows * 256> kQuickTable = build_quick_table();

// The window check: bits for a byte position j, from the two bytes at j and
// j+1. Every position of a
// 16-byte window is classified independently (no dependency between
// positions, so the CPU overlaps the loads), and the window is copied as a
// whole when no position needs a rule.
enum WindowBits : unsigned {
  kWinSlow = 1u << 8,     // a handler must look (as kContext without ر/ه)
  kWinReh = 1u << 9,      // ر starts here: fine after a two-byte Arabic letter
  kWinHeh = 1u << 10,     // ه starts here: fine before a two-byte Arabic letter
  kWinLetter = 1u << 11,  // a two-byte Arabic letter starts here
  kWinStray = 1u << 12,   // the NEXT byte is a continuation byte without a
                          // two-byte Arabic lead here (flags that next position)
  // Low bits: the option-dependent kAsciiUpper .. kSearchFold of PairBits.
};

constexpr unsigned window_bits(unsigned b0, unsigned b1) noexcept {
  const bool b0_cont = (b0 & 0xC0) == 0x80, b1_cont = (b1 & 0xC0) == 0x80;
  unsigned w = 0;
  // A continuation byte is only allowed right after a two-byte Arabic lead
  // (every other multi-byte lead already makes its window slow).
  if (b1_cont && (b0 < 0xD8 || b0 > 0xDB)) w |= kWinStray;
  if (b0_cont) return w;  // not a character start; its lead was checked
  const unsigned p = pair_bits(b0, b1);
  if ((p & kAdvance) == 0) return w | kWinSlow;
  w |= p & (kAsciiUpper | kAsciiDigit | kArabicDigit | kPersianDigit | kSearchFold);
  if (p & kContext) w |= (b1 == 0xB1 ? kWinReh : kWinHeh);  // ر is D8 B1, ه is D9 87
  if ((p & kAdvance) == 2) {
    const char32_t cp = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
    if (text::is_arabic_letter_constexpr(cp)) w |= kWinLetter;
  }
  return w;
}

constexpr std::array<std::uint16_t, kRows * 256> build_window_table() {
  std::array<std::uint16_t, kRows * 256> t{};
  for (unsigned r = 0; r < kRows; ++r)
    for (unsigned b1 = 0; b1 < 256; ++b1)
      t[r * 256 + b1] = static_cast<std::uint16_t>(window_bits(kRowByte[r], b1));
  return t;
}
constexpr std::array<std::uint16_t, kRows * 256> kWindowTable = build_window_table();
constexpr std::size_t kWindow = 16;  // the SSE2 and portable window; AVX2 checks 32 bytes

// The result of a scan for characters that need a look: the window
// [start, end) and its mask, bit k for the character starting at start + k
// (see scan_function for what a set and a clear bit promise). A mask of 0
// means no window fits before the end of the input any more; start is then
// where the character-by-character tail begins.
struct Hit {
  std::size_t start, end;
  std::uint64_t mask;  // 16, 32 or 64 lanes
  // [fix_from, fix_to): the windows scanned by this call that hold one of
  // the Arabic-keyboard letters ك ى ي (fix_to == 0: none). The SIMD scans
  // leave those letters unflagged, in the verbatim run; copying the run
  // rewrites them (fix_letters). On dirty text they are three in four of the
  // characters that need work, and breaking the run at each cost more than
  // the rule.
  std::size_t fix_from = kNoFix, fix_to = 0;
  static constexpr std::size_t kNoFix = ~std::size_t{0};
};

// Where the next window starts after [.., end) when nothing in it was
// handled: a two-byte character may straddle the end (its lead, clean, is
// the last byte). That happens about half the time, so the flag is added
// instead of branched on (a mispredicted branch there cost a fifth of the
// time on clean text).
inline std::size_t after_window(const unsigned char* in, std::size_t end) noexcept {
  return end + static_cast<std::size_t>(static_cast<unsigned>(in[end - 1] - 0xD8) < 4);
}

// Scans windows from in + i while one fits in [0, n) (each reads 2 bytes
// before and 4 after it), copying nothing: returns the first window that
// holds a character needing a look. `option_bits` are the PairBits the
// options make slow (kAsciiUpper .. kSearchFold, plus kContext).
using ScanFn = Hit (*)(const unsigned char* in, std::size_t i, std::size_t n,
                       unsigned option_bits) noexcept;

// The scan loop of the AVX2 and AVX-512 checks: windows of kWide bytes from
// i while one fits, `check(p, &fix)` giving a window's mask and its fix
// lanes (Hit::fix_from); the bytes after the last window go to `tail(i)`,
// the next narrower scan. Inlined into the target-specific scan.
template <std::size_t kWide, typename Check, typename Tail>
__attribute__((always_inline)) inline Hit scan_windows(const unsigned char* in, std::size_t i, std::size_t n,
                                                       Check check, Tail tail) noexcept {
  std::size_t fix_from = Hit::kNoFix, fix_to = 0;
  while (i + kWide + 3 < n) {
    std::uint64_t fix;
    const std::uint64_t m = check(in + i, &fix);
    if (fix != 0) {
      if (fix_to == 0) fix_from = i;
      fix_to = i + kWide + 1;  // a letter's second byte may follow the window
    }
    if (m != 0) {
      Hit hit{i, i + kWide, m};
      hit.fix_from = fix_from;
      hit.fix_to = fix_to;
      return hit;
    }
    i = after_window(in, i + kWide);
  }
  Hit hit = tail(i);
  if (fix_to != 0) {
    if (hit.fix_to == 0) hit.fix_to = fix_to;
    hit.fix_from = fix_from;
  }
  return hit;
}

namespace portable {
// The window check from kWindowTable, one byte position at a time.
inline unsigned window_mask(const unsigned char* in, std::size_t i, unsigned option_bits) noexcept {
  const std::uint16_t* const t = kWindowTable.data();
  std::uint16_t w[kWindow + 4];  // positions i-2 .. i+kWindow+1
  const unsigned char* const p = in + i - 2;
  for (std::size_t k = 0; k < kWindow + 4; ++k) w[k] = t[kLeadRows[p[k]] * 256u + p[k + 1]];
  const unsigned slow = (option_bits | kWinSlow) & ~unsigned{kContext};
  unsigned mask = 0;
  for (std::size_t k = 2; k < kWindow + 2; ++k) {
    const unsigned e = w[k];
    // A stray continuation byte here (flagged by the pair before it), or a
    // character the options or the rules change.
    unsigned bad = (w[k - 1] & kWinStray) | (e & slow);
    // ر needs a letter just before it, ه one just after it.
    bad |= (e & kWinReh) & ~(w[k - 2] >> 2);  // kWinLetter >> 2 == kWinReh
    bad |= (e & kWinHeh) & ~(w[k + 2] >> 1);  // kWinLetter >> 1 == kWinHeh
    if (bad != 0) mask |= 1u << (k - 2);
  }
  return mask;
}

// Used without SSE2 only, compiled everywhere so that it keeps building.
[[maybe_unused]] inline Hit scan(const unsigned char* in, std::size_t i, std::size_t n,
                                 unsigned option_bits) noexcept {
  while (i + kWindow + 3 < n) {
    const unsigned m = window_mask(in, i, option_bits);
    if (m != 0) return {i, i + kWindow, m};
    i = after_window(in, i + kWindow);
  }
  return {i, i, 0};
}
}  // namespace portable

#if defined(KURDI_SSE2)
// The window check with SSE2 (part of baseline x86-64): 16 byte positions
// at once with compares instead of table loads. It may call a clean window dirty (the
// scalar loop then does the work) but never the reverse; the property
// tests and the fuzz target hold it to the same output.
namespace sse {
inline __m128i load(const unsigned char* p) noexcept {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}
inline __m128i eq(__m128i x, int c) noexcept {
  return _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(c)));
}
// lo <= x <= hi, as unsigned bytes.
inline __m128i in(__m128i x, int lo, int hi) noexcept {
  const __m128i width = _mm_set1_epi8(static_cast<char>(hi - lo));
  const __m128i d = _mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_max_epu8(d, width), width);
}
// Lanes where (lead, second) encodes an Arabic letter of U+0600..U+06FF.
// Only a subset of them: ٮ ٯ (D9 AE..AF) and ۮ ۯ ۺ ۻ ۼ ۿ (DB AE..BF) are
// left out, which only sends a ر or ه next to one of those rare letters to
// the scalar step. Signed compares test ranges of continuation bytes in
// one instruction (80..BF are the signed bytes -128..-65), which took half
// the compares of the exact ranges.
inline __m128i gt(__m128i x, int c) noexcept {  // x > c, as signed bytes
  return _mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(c)));
}
inline __m128i lt(__m128i x, int c) noexcept {  // x < c, as signed bytes
  return _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(c)), x);
}
inline __m128i arabic_letter(__m128i second, __m128i lead) noexcept {
  const __m128i cont = lt(second, -64);                                  // 80..BF
  const __m128i d8 = _mm_and_si128(eq(lead, 0xD8), gt(second, -97));    // A0..BF
  const __m128i d9 = _mm_and_si128(
      eq(lead, 0xD9), _mm_or_si128(in(second, 0x81, 0x8A), gt(second, -80)));  // 81..8A, B1..BF
  const __m128i da = eq(lead, 0xDA);                                     // 80..BF
  const __m128i db = _mm_and_si128(
      eq(lead, 0xDB), _mm_or_si128(lt(second, -108), eq(second, 0x95)));  // 80..93, 95
  return _mm_and_si128(cont, _mm_or_si128(_mm_or_si128(d8, d9), _mm_or_si128(da, db)));
}
// A character is judged at its lead byte, as in the table check: the 16
// lanes are the characters whose first byte is at p[0..15], their
// continuation bytes at p[1..16]. Needs p[-2] .. p[18]. `option_bits` are
// the PairBits the options make slow (kAsciiUpper .. kSearchFold). Returns
// the lanes that need a look (see Engine::window_mask for what a set and a
// clear bit promise).
inline unsigned window_mask(const unsigned char* p, unsigned option_bits, unsigned* fix) noexcept {
  const __m128i before = load(p - 1), x = load(p), next = load(p + 1);
  const __m128i x_cont = in(x, 0x80, 0xBF), x_lead = in(x, 0xD8, 0xDB);
  const __m128i next_cont = in(next, 0x80, 0xBF);
  // Only ASCII and two-byte Arabic characters (leads D8..DB) pass, each
  // lead followed by a continuation byte and each continuation byte after
  // one (checked for p[0..15]).
  const __m128i high = _mm_cmplt_epi8(x, _mm_setzero_si128());
  __m128i bad = _mm_andnot_si128(_mm_or_si128(x_cont, x_lead), high);
  bad = _mm_or_si128(bad, _mm_xor_si128(x_cont, in(before, 0xD8, 0xDB)));
  // (a lead without its continuation byte is flagged at the lead; a byte
  // after a continuation byte is not judged here, so that flags stay at
  // character starts: a stray continuation byte is flagged at itself)
  bad = _mm_or_si128(bad, _mm_andnot_si128(next_cont, x_lead));
  // Letters the standard profile changes (the rows of docs/normalization.md):
  // lead in x, continuation in next.
  const __m128i d8 = _mm_and_si128(
      eq(x, 0xD8), _mm_or_si128(_mm_or_si128(in(next, 0x80, 0x85), eq(next, 0x9C)), eq(next, 0xA9)));
  // (ك ى ي, D9 83 / 89 / 8A, are left to fix_letters: reported in *fix)
  const __m128i d9 = _mm_and_si128(
      eq(x, 0xD9), _mm_or_si128(eq(next, 0x80), _mm_or_si128(in(next, 0x8B, 0x9F), eq(next, 0xB0))));
  *fix = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(
      eq(x, 0xD9), _mm_or_si128(eq(next, 0x83), in(next, 0x89, 0x8A)))));
  const __m128i da = _mm_and_si128(
      eq(x, 0xDA), _mm_or_si128(_mm_or_si128(eq(next, 0x92), in(next, 0xAA, 0xAC)), eq(next, 0xBE)));
  const __m128i db = _mm_and_si128(
      eq(x, 0xDB), _mm_or_si128(_mm_or_si128(eq(next, 0x8D), eq(next, 0x92)), eq(next, 0x9D)));
  bad = _mm_or_si128(bad, _mm_or_si128(_mm_or_si128(d8, d9), _mm_or_si128(da, db)));
  // ر (D8 B1) needs an Arabic letter just before it (lead at p[k-2]), ه
  // (D9 87) one just after it (lead at p[k+2]).
  const __m128i reh = _mm_and_si128(eq(x, 0xD8), eq(next, 0xB1));
  const __m128i heh = _mm_and_si128(eq(x, 0xD9), eq(next, 0x87));
  const __m128i letter_before = arabic_letter(before, load(p - 2));
  const __m128i letter_after = arabic_letter(load(p + 3), load(p + 2));
  bad = _mm_or_si128(bad, _mm_andnot_si128(letter_before, reh));
  bad = _mm_or_si128(bad, _mm_andnot_si128(letter_after, heh));
  // Characters only some options change.
  if (option_bits & kAsciiUpper) bad = _mm_or_si128(bad, in(x, 'A', 'Z'));
  if (option_bits & kAsciiDigit) bad = _mm_or_si128(bad, in(x, '0', '9'));
  if (option_bits & kArabicDigit)
    bad = _mm_or_si128(bad, _mm_and_si128(eq(x, 0xD9), in(next, 0xA0, 0xA9)));  // ٠-٩
  if (option_bits & kPersianDigit)
    bad = _mm_or_si128(bad, _mm_and_si128(eq(x, 0xDB), in(next, 0xB0, 0xB9)));  // ۰-۹
  if (option_bits & kSearchFold) {
    const __m128i folds = _mm_or_si128(
        _mm_and_si128(eq(x, 0xD8), in(next, 0xA2, 0xA5)),  // آ أ ؤ إ
        _mm_and_si128(eq(x, 0xD9), _mm_or_si128(in(next, 0xAA, 0xAC), eq(next, 0xB1))));  // ٪ ٫ ٬ ٱ
    bad = _mm_or_si128(bad, folds);
  }
  return static_cast<unsigned>(_mm_movemask_epi8(bad));
}

inline Hit scan(const unsigned char* in, std::size_t i, std::size_t n,
                unsigned option_bits) noexcept {
  Hit hit{i, i, 0};
  while (i + kWindow + 3 < n) {
    unsigned fix;
    const unsigned m = window_mask(in + i, option_bits, &fix);
    if (fix != 0) {
      if (hit.fix_to == 0) hit.fix_from = i;
      hit.fix_to = i + kWindow + 1;  // a letter's second byte may follow the window
    }
    if (m != 0) {
      hit.start = i;
      hit.end = i + kWindow;
      hit.mask = m;
      return hit;
    }
    i = after_window(in, i + kWindow);
  }
  hit.start = hit.end = i;
  return hit;
}

// fix_letters on the 16 bytes at p (p[16] is read too): returns the lanes
// that held a fixed lead. `carry` has lane 0 set when p[-1] was a fixed
// lead, whose second byte is p[0].
inline __m128i fix_block(unsigned char* p, __m128i carry) noexcept {
  const __m128i x = load(p), next = load(p + 1);
  const __m128i kaf = eq(next, 0x83), yeh = in(next, 0x89, 0x8A);
  const __m128i lead = _mm_and_si128(eq(x, 0xD9), _mm_or_si128(kaf, yeh));
  const __m128i second = _mm_or_si128(_mm_slli_si128(lead, 1), carry);
  // ک is DA A9, ی is DB 8C.
  const __m128i new_lead = _mm_or_si128(_mm_and_si128(kaf, _mm_set1_epi8(static_cast<char>(0xDA))),
                                        _mm_andnot_si128(kaf, _mm_set1_epi8(static_cast<char>(0xDB))));
  const __m128i x_kaf = eq(x, 0x83);
  const __m128i new_second =
      _mm_or_si128(_mm_and_si128(x_kaf, _mm_set1_epi8(static_cast<char>(0xA9))),
                   _mm_andnot_si128(x_kaf, _mm_set1_epi8(static_cast<char>(0x8C))));
  __m128i out = _mm_or_si128(_mm_and_si128(lead, new_lead), _mm_andnot_si128(lead, x));
  out = _mm_or_si128(_mm_and_si128(second, new_second), _mm_andnot_si128(second, out));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(p), out);
  return lead;
}

// fix_letters over [p, p + len), len >= 16, p[len] readable.
inline void fix_blocks(unsigned char* p, std::size_t len) noexcept {
  __m128i carry = _mm_setzero_si128();
  std::size_t j = 0;
  for (; j + 16 <= len; j += 16) carry = _mm_srli_si128(fix_block(p + j, carry), 15);
  if (_mm_movemask_epi8(carry) & 1) {  // the second byte of the last block's last lead
    p[j] = p[j] == 0x83 ? 0xA9 : 0x8C;
    ++j;
  }
  // The rest in one block that ends at len. It overlaps bytes already
  // fixed, which no longer match (the rule is idempotent), and the carry
  // into it was just handled.
  if (j < len) fix_block(p + len - 16, _mm_setzero_si128());
}
}  // namespace sse
#endif

#if defined(KURDI_AVX2)
// The same check on 32 byte positions with AVX2, for CPUs that have it
// (chosen at run time, see scan_function; the build itself stays baseline
// x86-64). It flags what sse::window_mask flags, except that its character
// sets are exact where the SSE2 one takes a subset (a change of the rules
// must be made to both); the sets are tested with vpshufb lookups (CharSet),
// which took about half the instructions of the compares. ctest runs the
// rule, golden and property suites a second time with KURDI_SIMD=sse2 so
// that both are held to the same output.
namespace avx2 {
#define KURDI_AVX2_FN __attribute__((target("avx2"))) inline
using namespace text::avx2;  // splat, load, eq, in, cont, arabic_lead, CharSet, in_set
constexpr unsigned pair_bits_of_index(unsigned c) noexcept {
  return pair_bits(0xD8 + (c >> 6), 0x80 | (c & 0x3F));
}
// The options that change some of these characters, as an index 0..7.
constexpr unsigned option_set_index(unsigned option_bits) noexcept {
  return ((option_bits & kArabicDigit) ? 1u : 0u) | ((option_bits & kPersianDigit) ? 2u : 0u) |
         ((option_bits & kSearchFold) ? 4u : 0u);
}
constexpr bool is_fix_letter(unsigned c) noexcept {  // ك ى ي, left to fix_letters
  return c == 0x43 || c == 0x49 || c == 0x4A;
}
// Characters a handler must look at, whatever surrounds them (ر and ه,
// which depend on their neighbours, are tested on their own), under the
// options of option_set_index k.
constexpr bool is_slow_index(unsigned c, unsigned k) noexcept {
  const unsigned options = ((k & 1) ? kArabicDigit : 0u) | ((k & 2) ? kPersianDigit : 0u) |
                           ((k & 4) ? kSearchFold : 0u);
  const unsigned bits = pair_bits_of_index(c);
  if (is_fix_letter(c)) return false;
  return (bits & kAdvance) == 0 || (bits & options) != 0;
}
constexpr std::array<CharSet, 8> build_slow_sets() {
  std::array<CharSet, 8> sets{};
  for (unsigned k = 0; k < 8; ++k) sets[k] = make_char_set([k](unsigned c) { return is_slow_index(c, k); });
  return sets;
}
alignas(32) constexpr std::array<CharSet, 8> kSlowSets = build_slow_sets();
alignas(32) constexpr CharSet kFixSet = make_char_set(is_fix_letter);
alignas(32) constexpr CharSet kLetterSet =
    make_char_set([](unsigned c) { return text::is_arabic_letter_constexpr(0x0600 + c); });
// Lanes p[0..31]; needs p[-1] .. p[32]. `slow` is kSlowSets for the options.
KURDI_AVX2_FN unsigned window_mask(const unsigned char* p, unsigned option_bits, const CharSet& slow,
                                   unsigned* fix) noexcept {
  const __m256i before = load(p - 1), x = load(p), next = load(p + 1);
  const __m256i x_cont = cont(x), x_lead = arabic_lead(x);
  const __m256i next_cont = cont(next);
  const __m256i high = _mm256_cmpgt_epi8(_mm256_setzero_si256(), x);
  __m256i bad = _mm256_andnot_si256(_mm256_or_si256(x_cont, x_lead), high);
  bad = _mm256_or_si256(bad, _mm256_xor_si256(x_cont, arabic_lead(before)));
  bad = _mm256_or_si256(bad, _mm256_andnot_si256(next_cont, x_lead));
  const __m256i c = char_index(x, next);
  bad = _mm256_or_si256(bad, _mm256_and_si256(x_lead, in_set(c, slow)));
  *fix = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_and_si256(x_lead, in_set(c, kFixSet))));
  // ر (index 0x31) needs an Arabic letter just before it (starting at
  // p[k-2]), ه (0x47) one just after it (at p[k+2]): the lanes where a
  // letter starts, moved two lanes up and two down. Lanes 0-1 and 30-31 see
  // no letter outside the window, so a ر or ه there goes to the scalar step,
  // which looks (about one window in a hundred; testing the letters at
  // p[-2] and p[+2] separately took a third of the window check).
  const __m256i letter =
      _mm256_and_si256(_mm256_and_si256(x_lead, next_cont), in_set(c, kLetterSet));
  const __m256i letter_before =
      _mm256_alignr_epi8(letter, _mm256_permute2x128_si256(letter, letter, 0x08), 14);
  const __m256i letter_after =
      _mm256_alignr_epi8(_mm256_permute2x128_si256(letter, letter, 0x81), letter, 2);
  const __m256i reh = _mm256_and_si256(x_lead, eq<0x31>(c));
  const __m256i heh = _mm256_and_si256(x_lead, eq<0x47>(c));
  bad = _mm256_or_si256(bad, _mm256_andnot_si256(letter_before, reh));
  bad = _mm256_or_si256(bad, _mm256_andnot_si256(letter_after, heh));
  if (option_bits & kAsciiUpper) bad = _mm256_or_si256(bad, in<'A', 'Z'>(x));
  if (option_bits & kAsciiDigit) bad = _mm256_or_si256(bad, in<'0', '9'>(x));
  return static_cast<unsigned>(_mm256_movemask_epi8(bad));
}

__attribute__((target("avx2"), always_inline)) inline Hit scan(const unsigned char* in, std::size_t i, std::size_t n,
                                         unsigned option_bits) noexcept {
  const CharSet& slow = kSlowSets[option_set_index(option_bits)];
  return scan_windows<32>(
      in, i, n,
      [&](const unsigned char* p, std::uint64_t* fix) __attribute__((target("avx2"))) {
        unsigned f;
        const unsigned m = window_mask(p, option_bits, slow, &f);
        *fix = f;
        return std::uint64_t{m};
      },
      [&](std::size_t at) { return sse::scan(in, at, n, option_bits); });  // the last bytes in 16-byte windows
}
// fix_letters on the 32 bytes at src (src[32] is read too), as
// sse::fix_block, stored at dst (which may be src): returns the lanes that
// held a fixed lead. `previous` is that result for the 32 bytes before src
// (its lane 31 is a lead whose second byte is src[0]).
KURDI_AVX2_FN __m256i fix_block(unsigned char* dst, const unsigned char* src, __m256i previous) noexcept {
  const __m256i x = load(src), next = load(src + 1);
  const __m256i kaf = eq<0x83>(next);
  const __m256i lead = _mm256_and_si256(eq<0xD9>(x), _mm256_or_si256(kaf, in<0x89, 0x8A>(next)));
  // `lead` one byte up across the 128-bit halves, lane 0 from `previous`.
  const __m256i second =
      _mm256_alignr_epi8(lead, _mm256_permute2x128_si256(previous, lead, 0x21), 15);
  // ک is DA A9, ی is DB 8C.
  const __m256i new_lead = _mm256_blendv_epi8(splat<0xDB>(), splat<0xDA>(), kaf);
  const __m256i new_second = _mm256_blendv_epi8(splat<0x8C>(), splat<0xA9>(), eq<0x83>(x));
  const __m256i out = _mm256_blendv_epi8(_mm256_blendv_epi8(x, new_lead, lead), new_second, second);
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst), out);
  return lead;
}

// fix_letters over [p, p + len), len >= 32, p[len] readable.
__attribute__((target("avx2"))) void fix_blocks(unsigned char* p, std::size_t len) noexcept {
  __m256i previous = _mm256_setzero_si256();
  std::size_t j = 0;
  for (; j + 32 <= len; j += 32) previous = fix_block(p + j, p + j, previous);
  if (static_cast<unsigned>(_mm256_movemask_epi8(previous)) >> 31) {  // the last lead's second byte
    p[j] = p[j] == 0x83 ? 0xA9 : 0x8C;
    ++j;
  }
  // The rest in one block that ends at len, over bytes already fixed (which
  // no longer match: the rule is idempotent); the carry into it was just
  // handled.
  if (j < len) fix_block(p + len - 32, p + len - 32, _mm256_setzero_si256());
}

// A verbatim run [src, src + len), len >= 1, whole characters, copied to
// dst in 32-byte blocks, with fix_letters applied when `fix`: one pass
// instead of a copy and a second pass over the output, and no call to
// memcpy for the short runs of dirty text (one every ~50 bytes). Stores up
// to 31 bytes past dst + len (the caller has room there and overwrites
// them) and reads up to src[len + 31].
__attribute__((target("avx2"))) void copy_blocks(unsigned char* dst, const unsigned char* src, std::size_t len,
                                                 bool fix) noexcept {
  if (!fix) {
    for (std::size_t j = 0; j < len; j += 32) _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst + j), load(src + j));
    return;
  }
  // The run starts at a character, so nothing carries into its first block.
  __m256i previous = _mm256_setzero_si256();
  for (std::size_t j = 0; j < len; j += 32) previous = fix_block(dst + j, src + j, previous);
}
#undef KURDI_AVX2_FN
}  // namespace avx2

// The same check on 64 byte positions with AVX-512 BW and VBMI, chosen at
// run time like AVX2 (KURDI_SIMD=avx2 turns it off, so the tests can hold
// the AVX2 check to the same output). The lane predicates are mask
// registers, and the four character sets the AVX2 check looks up one at a
// time are bits of one 256-byte table, looked up for all of them at once
// with two 128-entry vpermi2b. A third of the instructions per byte of the
// AVX2 check.
namespace avx512 {
#define KURDI_AVX512_TARGET target("avx512f,avx512bw,avx512vbmi")
#define KURDI_AVX512_FN __attribute__((KURDI_AVX512_TARGET)) inline
enum SetBits : unsigned char { kSetSlow = 1, kSetFix = 2, kSetLetter = 4, kSetReh = 8, kSetHeh = 16 };
struct alignas(64) SetTable {
  std::array<unsigned char, 256> bytes{};
};
// Per option_set_index: the flags of each character index c (avx2::char_index).
constexpr std::array<SetTable, 8> build_set_tables() {
  std::array<SetTable, 8> tables{};
  for (unsigned k = 0; k < 8; ++k) {
    for (unsigned c = 0; c < 256; ++c) {
      unsigned f = 0;
      if (avx2::is_slow_index(c, k)) f |= kSetSlow;
      if (avx2::is_fix_letter(c)) f |= kSetFix;
      if (text::is_arabic_letter_constexpr(0x0600 + c)) f |= kSetLetter;
      if (c == 0x31) f |= kSetReh;  // ر
      if (c == 0x47) f |= kSetHeh;  // ه
      tables[k].bytes[c] = static_cast<unsigned char>(f);
    }
  }
  return tables;
}
constexpr std::array<SetTable, 8> kSetTables = build_set_tables();

struct Table {
  __m512i q0, q1, q2, q3;  // the table's four 64-byte quarters
};
KURDI_AVX512_FN __m512i splat(int c) noexcept { return _mm512_set1_epi8(static_cast<char>(c)); }
KURDI_AVX512_FN __mmask64 in_range(__m512i x, int lo, int hi) noexcept {  // lo <= x <= hi, unsigned
  return _mm512_cmple_epu8_mask(_mm512_sub_epi8(x, splat(lo)), splat(hi - lo));
}

// Lanes p[0..63]; needs p[-1] .. p[64]. What the bits promise: as
// avx2::window_mask, lane for lane.
KURDI_AVX512_FN std::uint64_t window_mask(const unsigned char* p, unsigned option_bits, const Table& t,
                                          std::uint64_t* fix) noexcept {
  const __m512i before = _mm512_loadu_si512(p - 1), x = _mm512_loadu_si512(p), next = _mm512_loadu_si512(p + 1);
  const __mmask64 x_cont = _mm512_cmplt_epi8_mask(x, splat(0xC0));  // 80..BF are the signed bytes below -64
  const __mmask64 next_cont = _mm512_cmplt_epi8_mask(next, splat(0xC0));
  const __mmask64 x_lead = in_range(x, 0xD8, 0xDB);
  const __mmask64 before_lead = in_range(before, 0xD8, 0xDB);
  __mmask64 bad = _mm512_movepi8_mask(x) & ~(x_cont | x_lead);  // other non-ASCII leads
  bad |= x_cont ^ before_lead;                                  // stray or missing continuation
  bad |= x_lead & ~next_cont;
  // c = (lead & 3) << 6 | (second & 0x3F): bits 6-7 from the shifted lead,
  // the rest from the second byte (vpternlog "A where C, else B").
  const __m512i c = _mm512_ternarylogic_epi32(_mm512_slli_epi16(x, 6), next, splat(0xC0), 0xE4);
  const __m512i low = _mm512_permutex2var_epi8(t.q0, c, t.q1);   // c & 0x7F in 0..127
  const __m512i high = _mm512_permutex2var_epi8(t.q2, c, t.q3);  // and in 128..255
  const __m512i flags = _mm512_mask_blend_epi8(_mm512_movepi8_mask(c), low, high);
  const __mmask64 slow = _mm512_mask_test_epi8_mask(x_lead, flags, splat(kSetSlow));
  *fix = _mm512_mask_test_epi8_mask(x_lead, flags, splat(kSetFix));
  // ر needs an Arabic letter just before it (at p[k-2]), ه one just after
  // it (at p[k+2]); lanes 0-1 and 62-63 see none outside the window.
  const __mmask64 letter = _mm512_mask_test_epi8_mask(x_lead & next_cont, flags, splat(kSetLetter));
  const __mmask64 reh = _mm512_mask_test_epi8_mask(x_lead, flags, splat(kSetReh));
  const __mmask64 heh = _mm512_mask_test_epi8_mask(x_lead, flags, splat(kSetHeh));
  bad |= slow | (reh & ~(letter << 2)) | (heh & ~(letter >> 2));
  if (option_bits & kAsciiUpper) bad |= in_range(x, 'A', 'Z');
  if (option_bits & kAsciiDigit) bad |= in_range(x, '0', '9');
  return bad;
}

__attribute__((KURDI_AVX512_TARGET, always_inline)) inline Hit scan(const unsigned char* in, std::size_t i,
                                                                    std::size_t n, unsigned option_bits) noexcept {
  const unsigned char* const bytes = kSetTables[avx2::option_set_index(option_bits)].bytes.data();
  const Table t{_mm512_load_si512(bytes), _mm512_load_si512(bytes + 64), _mm512_load_si512(bytes + 128),
                _mm512_load_si512(bytes + 192)};
  return scan_windows<64>(
      in, i, n,
      [&](const unsigned char* p, std::uint64_t* fix)
          __attribute__((KURDI_AVX512_TARGET)) { return window_mask(p, option_bits, t, fix); },
      [&](std::size_t at) __attribute__((target("avx2"))) {  // the last bytes in 32-byte windows
        return avx2::scan(in, at, n, option_bits);
      });
}
#undef KURDI_AVX512_FN
}  // namespace avx512
#endif

// The scans, chosen once per process: AVX-512 when the CPU has BW and
// VBMI, else AVX2 (both inlined into Engine::scan_avx512 / scan_avx2), else
// SSE2 (baseline x86-64), else the portable tables (KURDI_NO_SIMD or
// another architecture; scan_function below). KURDI_SIMD=avx2 or sse2 in
// the environment caps the choice, so the tests can hold each path to the
// same output on one machine.
//
// What a mask promises: bit k set when the character starting at start + k
// may need a look; a clear bit means the byte at start + k is either a
// continuation byte of a two-byte character whose lead is clean, or starts
// a character that no rule changes whatever was written before it (its
// context is judged on the input bytes around it, which every rule keeps
// letters). Set bits are only ever at character starts (or at stray
// bytes), so the scalar step can start there. The byte after the window is
// not judged: the next window (or the tail loop) starts there unless the
// window's last byte is a clean two-byte lead (after_window).
ScanFn pick_scan() noexcept {
#if defined(KURDI_SSE2)
  return sse::scan;
#else
  return portable::scan;
#endif
}

ScanFn scan_function() noexcept {
  static const ScanFn scan = pick_scan();
  return scan;
}

// The rule of standard_letter for ك ى ي (D9 83, D9 89, D9 8A -> ک DA A9,
// ی DB 8C) over [p, p + len), which holds whole characters. Same length,
// so offsets and the offset map are unchanged. The targets are letters no
// other rule or search fold touches, and every context rule judges ك like
// ک and ى ي like ی (all are joining Arabic letters), so rewriting them when
// the run is copied gives what the handler would have written.
void fix_letters(unsigned char* p, std::size_t len) noexcept {  // p[len] must be readable
#if defined(KURDI_AVX2)
  if (len >= 32 && text::avx2_enabled()) return avx2::fix_blocks(p, len);
#endif
#if defined(KURDI_SSE2)
  if (len >= 16) return sse::fix_blocks(p, len);
#endif
  // D9 is always a lead byte, so the scan may start inside a character.
  for (std::size_t j = 0; j + 1 < len; ++j) {
    if (p[j] != 0xD9) continue;
    const unsigned c = p[j + 1];
    if (c == 0x83) {
      p[j] = 0xDA;
      p[++j] = 0xA9;
    } else if (c == 0x89 || c == 0x8A) {
      p[j] = 0xDB;
      p[++j] = 0x8C;
    }
  }
}

// The output as it is written: the caller's string, whose size runs ahead
// of the writes so that a block copy may store whole 32-byte blocks past
// the end of its run (room(len + 32)). It runs ahead by at most kStep and
// by no more than the output this call is expected to write (`expected`),
// so resize() zero-fills memory that is about to be used, and a short call
// (one word) stays within the string's own small buffer and leaves no
// spare capacity behind. The size is cut back to what was written by
// finish(), or by the destructor when a handler throws.
class Sink {
 public:
  Sink(std::string& s, std::size_t expected) : s_(s), start_(s.size()), size_(s.size()), end_(s.size() + expected) {
    s_.reserve(end_);
    refresh();
  }
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  ~Sink() { finish(); }

  void finish() noexcept {
    if (s_.size() != size_) s_.erase(size_);
  }

  // Absolute sizes in the caller's string (the first byte written is at start()).
  std::size_t start() const noexcept { return start_; }
  std::size_t size() const noexcept { return size_; }
  // What this call has written.
  const unsigned char* begin() const noexcept { return data_ + start_; }
  const unsigned char* end() const noexcept { return data_ + size_; }

  // At least n writable bytes from the write position, which it returns.
  unsigned char* room(std::size_t n) {
    if (size_ + n > limit_) grow(n);
    return data_ + size_;
  }
  void advance(std::size_t n) noexcept { size_ += n; }
  void push(char c) {
    *room(1) = static_cast<unsigned char>(c);
    ++size_;
  }
  void append_cp(char32_t cp) { size_ += text::encode(cp, room(4)); }
  void truncate(std::size_t size) noexcept { size_ = size; }

 private:
  static constexpr std::size_t kStep = std::size_t{1} << 16;
  void grow(std::size_t n) {
    const std::size_t need = size_ + n;
    // Past the expected size (expansions, a block copy's overhang at the
    // end), a quarter of what is written more, for amortized growth.
    const std::size_t ahead = need < end_ ? end_ - need : (need - start_) / 4;
    s_.resize(need + std::min(ahead, kStep));
    refresh();
  }
  void refresh() noexcept {
    data_ = text::bytes_mut(s_.data());
    limit_ = s_.size();
  }

  std::string& s_;
  std::size_t start_;
  std::size_t size_;   // written so far
  std::size_t end_;    // start_ + the expected output size
  std::size_t limit_;  // s_.size(): writable up to here
  unsigned char* data_;
};

class Engine {
 public:
  Engine(std::string_view in, const NormalizeOptions& options, std::string& out, OffsetMap* map,
         bool handlers_only)
      : handlers_only_(handlers_only),
        in_(text::bytes(in.data())),
        n_(in.size()),
        options_(options),
        out_(out, in.size() + in.size() / 16),
        map_(map) {
    const DigitStyle digits = options.digits != DigitStyle::profile_default ? options.digits
                              : options.profile == Profile::search         ? DigitStyle::ascii
                                                                           : DigitStyle::keep;
    digits_ = digits;
    search_ = options.profile == Profile::search;
    slow_mask_ = kContext;
    if (search_) slow_mask_ |= kAsciiUpper | kSearchFold;
    if (digits == DigitStyle::ascii) slow_mask_ |= kArabicDigit | kPersianDigit;
    if (digits == DigitStyle::arabic_indic) slow_mask_ |= kAsciiDigit | kPersianDigit;
  }

  void run() {
    block_copy_ = text::avx2_enabled();
    const std::size_t n = n_;
    std::size_t i = 0;
    std::size_t run = 0;  // start of the pending verbatim run
    // Windows of 16 or 32 bytes, each with a mask of the characters that need
    // a look (rules or context). Clean text has one such character every
    // ~145 bytes (ckb-clean.txt: word-final ه, ZWNJ, word-initial ر), so the
    // characters between flagged ones stay in the verbatim run and only the
    // flagged ones go through the scalar step.
    if (!handlers_only_ && n >= kWindow + 4) {
      while (i < 2) step(i, run);  // a window needs in[i-2]
#if defined(KURDI_AVX2)
      if (text::avx512_enabled()) {
        scan_avx512(i, run);
      } else if (block_copy_) {
        scan_avx2(i, run);
      } else
#endif
      {
        scan_with(scan_function(), i, run);
      }
    }
    // The tail (and short inputs) character by character.
    while (i + 1 < n) step(i, run);
    if (i < n_) {  // a last single byte
      if (run < i) copy(run, i);
      i = run = handle_at(i);
    }
    if (run < i) copy(run, i);
    if (map_) sync(n_);
    out_.finish();
  }

 private:
  // The windows from i on: each character a scan flags goes through step().
  template <typename Scan>
  __attribute__((always_inline)) void scan_with(Scan scan, std::size_t& i, std::size_t& run) {
    while (true) {
      const Hit hit = scan(in_, i, n_, slow_mask_);
      if (hit.fix_to != 0) {
        if (fix_from_ == Hit::kNoFix) fix_from_ = hit.fix_from;
        fix_to_ = hit.fix_to;
      }
      i = hit.start;
      if (hit.mask == 0) break;
      for (std::uint64_t mask = hit.mask; mask != 0; mask &= mask - 1) {
        const std::size_t q = hit.start + static_cast<unsigned>(__builtin_ctzll(mask));
        // A handler may have gone past flagged positions (a deleted run,
        // a three-byte character, a malformed sequence): skip those.
        if (q >= i) {
          i = q;  // the characters in between are clean: part of the run
          step(i, run);
        }
      }
      if (i < hit.end) i = after_window(in_, hit.end);
    }
  }
#if defined(KURDI_AVX2)
  // The same loop with avx2::scan inlined: its constants are set up once
  // per call instead of once per flagged window (one window in five of
  // dirty text).
  __attribute__((target("avx2"))) void scan_avx2(std::size_t& i, std::size_t& run) {
    scan_with([](const unsigned char* in, std::size_t at, std::size_t n, unsigned option_bits)
                  __attribute__((target("avx2"))) { return avx2::scan(in, at, n, option_bits); },
              i, run);
  }
  __attribute__((KURDI_AVX512_TARGET)) void scan_avx512(std::size_t& i, std::size_t& run) {
    scan_with([](const unsigned char* in, std::size_t at, std::size_t n, unsigned option_bits)
                  __attribute__((KURDI_AVX512_TARGET)) { return avx512::scan(in, at, n, option_bits); },
              i, run);
  }
#endif

  // One character at i (i + 1 < n): left in the verbatim run when no rule
  // changes it, else the run so far is written and the handlers take over.
  // Advances i past what was consumed.
  void step(std::size_t& i, std::size_t& run) {
    if (handlers_only_) {
      i = run = handle_at(i);
      return;
    }
    const unsigned bits = pair_at(in_ + i);
    if ((bits & slow_mask_) == 0) {
      i += in_[i] < 0x80 ? 1 : 2;
      return;
    }
    if ((bits & kAdvance) == 2 && (bits & kContext) != 0 && context_unchanged(i, run)) {
      i += 2;
      return;
    }
    if (zwnj_unchanged(i, run)) {
      i += 3;
      return;
    }
    if (run < i) copy(run, i);
    i = run = quick_or_handle(i);
  }

  // The two-byte character ending just before i, when it lies in the
  // verbatim run (so it is also the last character written): its class
  // bits (text::kLowClasses), else 0.
  unsigned run_class_before(std::size_t i, std::size_t run) const noexcept {
    if (i < run + 2) return 0;
    const unsigned b0 = in_[i - 2];
    if (b0 < 0xD8 || b0 > 0xDB) return 0;
    return text::kLowClasses[((b0 & 0x1Fu) << 6) | (in_[i - 1] & 0x3Fu)];
  }
  // The class bits of the two-byte Arabic-block character at j, else 0.
  unsigned class_at(std::size_t j) const noexcept {
    if (j + 1 >= n_) return 0;
    const unsigned b0 = in_[j], b1 = in_[j + 1];
    if (b0 < 0xD8 || b0 > 0xDB || (b1 & 0xC0) != 0x80) return 0;
    return text::kLowClasses[((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu)];
  }

  // The common ZWNJ of Sorani text, between a letter that joins to the left
  // and an Arabic letter (گەڕانەوە‌کان): handle_joiner keeps it, so it stays
  // in the verbatim run without the handlers' decoding and look-ahead (a
  // third of the characters that reach them in ckb-dirty.txt). A ZWNJ after
  // another one is not in this case (ZWNJ is not a letter): runs collapse.
  bool zwnj_unchanged(std::size_t i, std::size_t run) const noexcept {
    if (search_ || in_[i] != 0xE2 || i + 2 >= n_ || in_[i + 1] != 0x80 || in_[i + 2] != 0x8C) return false;
    return (run_class_before(i, run) & text::kClassJoinsLeft) != 0 &&
           (class_at(i + 3) & text::kClassArabic) != 0;
  }

  // The character at i (i + 1 < n) through kQuickTable when its rule allows,
  // else through the handlers (which would give the same output); returns
  // where the next character starts.
  std::size_t quick_or_handle(std::size_t i) {
    const std::uint32_t q = kQuickTable[kLeadRows[in_[i]] * 256u + in_[i + 1]];
    switch (q & 0xFFu) {
      case kQuickLetter: {
        if (map_) sync(i);
        unsigned char* const d = out_.room(2);
        d[0] = static_cast<unsigned char>(q >> 8);
        d[1] = static_cast<unsigned char>(q >> 16);
        out_.advance(2);
        return i + 2;
      }
      case kQuickTatweel: {  // as handle_tatweel, first case: the run goes
        if (!text::is_letter(previous())) break;
        std::size_t j = i + 2;
        while (j + 1 < n_ && in_[j] == 0xD9 && in_[j + 1] == 0x80) j += 2;
        return j;
      }
      case kQuickHaraka: {  // as handle_haraka when nothing composes
        if (options_.keep_harakat) break;
        const char32_t cp = ((in_[i] & 0x1Fu) << 6) | (in_[i + 1] & 0x3Fu);
        unsigned len = 0;
        if (compose(last_written(&len), cp) != 0) break;
        return i + 2;
      }
      default:
        break;
    }
    // Word-initial ر after an ASCII character that is not a letter (a space,
    // mostly) and before a letter: ڕ, as the handler decides (that
    // character was written as an ASCII non-letter, and peek() stops at the
    // letter); the rest of the ر that reach here go to the handler.
    if (in_[i] == 0xD8 && in_[i + 1] == 0xB1 && i > 0 && in_[i - 1] < 0x80 &&
        (text::kLowClasses[in_[i - 1]] & text::kClassLetter) == 0 && (class_at(i + 2) & text::kClassLetter) != 0) {
      if (map_) sync(i);
      unsigned char* const d = out_.room(2);
      d[0] = 0xDA;  // ڕ is DA 95
      d[1] = 0x95;
      out_.advance(2);
      return i + 2;
    }
    return handle_at(i);
  }

  // ر after a letter of the same verbatim run stays ر; ه followed directly
  // by an Arabic letter stays ه. Anything else goes to the handlers.
  bool context_unchanged(std::size_t i, std::size_t run) const noexcept {
    if (in_[i + 1] == 0xB1) return (run_class_before(i, run) & text::kClassLetter) != 0;  // ر (D8 B1)
    return (class_at(i + 2) & text::kClassArabic) != 0;                                  // ه (D9 87)
  }

  // Runs the handlers on the character at i; returns where the next starts.
  std::size_t handle_at(std::size_t i) {
    Cursor cur{i, 0};
    do handle(cur);
    while (cur.exp != 0);
    return cur.pos;
  }

  // A position in the input; `exp` > 0 means "inside the expansion of the
  // presentation form at pos, at this index".
  struct Cursor {
    std::size_t pos;
    unsigned exp;
  };
  struct Unit {
    char32_t cp;
    std::size_t begin, end;  // source bytes (empty for the 2nd+ letters of an expansion)
  };
  struct Peek {
    char32_t cp;  // 0 at the end of the input
    Cursor after;
  };

  // ---- input ---------------------------------------------------------------

  Unit next(Cursor& c) const noexcept {
    const text::Decoded d = text::decode(in_ + c.pos, in_ + n_);
    const std::size_t begin = c.pos, end = c.pos + d.len;
    if (d.valid && is_presentation_form(d.cp)) {
      const std::u16string_view e = presentation_expansion(d.cp);
      if (!e.empty()) {
        const unsigned k = c.exp;
        if (k + 1 >= e.size()) {
          c.pos = end;
          c.exp = 0;
        } else {
          c.exp = k + 1;
        }
        if (k == 0) return {e[0], begin, end};
        return {e[k], end, end};
      }
    }
    c.pos = end;
    c.exp = 0;
    return {d.cp, begin, end};
  }

  // Characters that never decide a context: marks (deleted harakat or kept
  // marks) and format characters other than the joiners handled by rules.
  static bool transparent(char32_t cp) noexcept {
    if (cp < 0x0300) return cp == 0x00AD;
    if (cp == kZwnj || cp == kZwsp) return false;
    return text::is_mark(cp) || text::is_format(cp);
  }

  // The next character that decides a context, after what the rules delete.
  Peek peek(Cursor c, bool skip_tatweel, bool skip_joiners, bool* saw_tatweel = nullptr) const {
    while (c.pos < n_) {
      const Unit u = next(c);
      if (transparent(u.cp)) continue;
      if (u.cp == kTatweel && skip_tatweel) {
        if (saw_tatweel) *saw_tatweel = true;
        continue;
      }
      if ((u.cp == kZwnj || u.cp == kZwsp) && skip_joiners) continue;
      return {u.cp, c};
    }
    return {0, c};
  }

  // ---- output --------------------------------------------------------------

  std::size_t out_pos() const noexcept { return out_.size() - out_.start(); }

  // Records an anchor when the input offset `src` is not where the current
  // output position maps by the last anchor.
  void sync(std::size_t src) {
    const std::size_t o = out_pos();
    const auto delta = static_cast<std::ptrdiff_t>(src) - static_cast<std::ptrdiff_t>(o);
    if (delta != delta_) {
      map_->add(o, src);
      delta_ = delta;
    }
  }
  // Writes the verbatim run [begin, end), with fix_letters applied when it
  // may hold letters the scan left to it.
  void copy(std::size_t begin, std::size_t end) {
    if (map_) sync(begin);
    const std::size_t len = end - begin;
    const bool fix = fix_from_ < end;
#if defined(KURDI_AVX2)
    // copy_blocks reads up to in_[end + 31] and writes up to 31 bytes past the run.
    if (block_copy_ && end + 32 <= n_) {
      avx2::copy_blocks(out_.room(len + 32), in_ + begin, len, fix);
    } else
#endif
    {
      unsigned char* const dst = out_.room(len + 1);
      std::memcpy(dst, in_ + begin, len);
      if (fix) fix_letters(dst, len);  // reads dst[len]
    }
    out_.advance(len);
    if (fix) fix_from_ = fix_to_ <= end ? Hit::kNoFix : end;
  }
  void emit(char32_t cp, const Unit& u) {
    if (map_) sync(u.begin);
    out_.append_cp(cp);
  }

  // The last character written by this call, skipping marks; 0 at the start.
  char32_t previous() const noexcept {
    const unsigned char* const begin = out_.begin();
    const unsigned char* end = out_.end();
    while (end > begin) {
      unsigned len;
      const char32_t cp = text::decode_before(begin, end, &len);
      if (!text::is_mark(cp)) return cp;
      end -= len;
    }
    return 0;
  }
  // The last character written, marks included; its length in *len.
  char32_t last_written(unsigned* len) const noexcept {
    const unsigned char* const begin = out_.begin();
    const unsigned char* const end = out_.end();
    if (end == begin) return 0;
    return text::decode_before(begin, end, len);
  }
  // The letters written since the last non-letter (the word so far).
  std::string_view current_word() const noexcept {
    const unsigned char* const begin = out_.begin();
    const unsigned char* const end = out_.end();
    const unsigned char* p = end;
    while (p > begin) {
      unsigned len;
      const char32_t cp = text::decode_before(begin, p, &len);
      if (!text::is_letter(cp) && !text::is_mark(cp)) break;
      p -= len;
    }
    return std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(end - p));
  }

  // ---- rules ---------------------------------------------------------------

  void handle(Cursor& cur) {
    const Unit u = next(cur);
    const char32_t cp = u.cp;
    // Malformed input arrives here as U+FFFD (decode's replacement) and is
    // written as such, like a literal U+FFFD.
    if (cp < 0x80) return handle_ascii(u);
    if (const char32_t m = standard_letter(cp)) return emit(fold(m), u);
    switch (cp) {
      case kHeh:
      case kHehDoachashmee:
        return handle_heh(cur, u);
      case kReh: {  // ڕ at word start: after any non-letter except ZWNJ
        const char32_t p = previous();
        if (text::is_letter(p) || p == kZwnj) return emit(kReh, u);
        // A lone ر is the letter itself (پیتی ر), not a word.
        return emit(text::is_letter(peek(cur, true, true).cp) ? kRreh : kReh, u);
      }
      case kTatweel:
        return handle_tatweel(cur, u);
      case kZwnj:
      case kZwsp:
        return handle_joiner(cur, u);
      case kZwj:
        return handle_zwj(cur, u);
      default:
        break;
    }
    if (text::is_haraka(cp)) return handle_haraka(u);
    if (text::is_format(cp)) {
      // Tags stay inside an emoji tag sequence (a flag like England's).
      if (text::is_tag(cp)) {
        const char32_t p = previous();
        if (p == 0x1F3F4 || text::is_tag(p)) return emit(cp, u);
      }
      return;  // other format characters (bidi controls, BOM, ...) are removed
    }
    if (text::is_exotic_space(cp)) return emit(' ', u);
    if (is_digit(cp)) return emit(digit(cp), u);
    if (search_ && digits_ == DigitStyle::ascii) {
      if (cp == 0x066A) return emit('%', u);  // ٪
      if (cp == 0x066B) return emit('.', u);  // ٫
      if (cp == 0x066C) {                     // ٬: dropped inside a number
        // Look past what this profile deletes (tatweel, and ZWNJ in search),
        // or a second pass would see the digits meet: 0٬‌2 -> 02 at once.
        if (is_digit(previous()) && is_digit(peek(cur, true, true).cp)) return;
        return emit(cp, u);
      }
    }
    if (search_) {
      if (const char32_t f = search_fold(cp)) return emit_folded(f, u);
      const char32_t lower = text::latin_to_lower(cp);
      if (lower != cp) return emit(lower, u);
    }
    emit(cp, u);
  }

  void handle_ascii(const Unit& u) {
    char32_t cp = u.cp;
    if (cp >= '0' && cp <= '9') cp = digit(cp);
    if (search_ && cp >= 'A' && cp <= 'Z') cp += 0x20;
    emit(cp, u);
  }

  char32_t digit(char32_t cp) const noexcept {
    const int v = text::digit_value(cp);
    switch (digits_) {
      case DigitStyle::ascii:
        return static_cast<char32_t>('0' + v);
      case DigitStyle::arabic_indic:
        return static_cast<char32_t>(0x0660 + v);
      default:
        return cp;
    }
  }

  char32_t fold(char32_t cp) const noexcept {
    if (search_) {
      if (const char32_t f = search_fold(cp)) return f;
    }
    return cp;
  }

  // Writes a search-profile fold. The standard profile would have written
  // the unfolded letter, which composes with no mark, so nothing may compose
  // with the folded one either (search == search of standard).
  void emit_folded(char32_t folded, const Unit& u) {
    emit(folded, u);
    no_compose_at_ = out_.size();
  }

  // ه and ھ: the old spelling of ە before ZWNJ, the vowel ە at word end, a
  // real /h/ (ھ) at word end after tatweel or when written ھ, ه elsewhere.
  void handle_heh(const Cursor& cur, const Unit& u) {
    bool saw_tatweel = false;
    Peek p = peek(cur, true, false, &saw_tatweel);
    if (p.cp == kZwsp) {
      // ZWSP between joining letters is a ZWNJ; elsewhere it is deleted.
      const Peek q = peek(p.after, true, true, &saw_tatweel);
      if (text::is_arabic_letter(q.cp) && q.cp != kHamza) return emit(kAe, u);
      p = q;
    }
    if (p.cp == kZwnj) return emit(kAe, u);
    if (text::is_letter(p.cp)) return emit(kHeh, u);
    if (saw_tatweel || u.cp == kHehDoachashmee) return emit(kHehDoachashmee, u);
    return emit(normalize_detail::keeps_final_heh(current_word()) ? kHeh : kAe, u);
  }

  // A run of tatweel: deleted when it touches a letter, else one '-'.
  void handle_tatweel(Cursor& cur, const Unit& u) {
    while (cur.pos < n_) {  // take the whole run
      Cursor c = cur;
      if (next(c).cp != kTatweel) break;
      cur = c;
    }
    if (text::is_letter(previous())) return;
    if (text::is_letter(peek(cur, true, true).cp)) return;
    if (map_) sync(u.begin);
    out_.push('-');
  }

  // ZWNJ (and ZWSP, which is a ZWNJ between joining letters): one is kept
  // after a letter that joins to the left when an Arabic letter follows.
  void handle_joiner(const Cursor& cur, const Unit& u) {
    const char32_t p = previous();
    if (!text::joins_left(p)) return;
    const char32_t n = peek(cur, true, true).cp;
    if (!text::is_arabic_letter(n)) return;
    if (u.cp == kZwsp && n == kHamza) return;  // ZWSP before a non-joining letter
    if (search_) {
      // The search profile removes the ZWNJ that standard keeps; a mark
      // after it must not compose with the letter before it.
      no_compose_at_ = out_.size();
      return;
    }
    emit(kZwnj, u);
  }

  // ZWJ is kept only inside an emoji sequence.
  void handle_zwj(const Cursor& cur, const Unit& u) {
    const char32_t p = previous();
    const bool after_emoji = text::is_pictographic(p) || text::is_emoji_modifier(p);
    if (after_emoji && text::is_pictographic(peek(cur, false, false).cp)) emit(kZwj, u);
  }

  void handle_haraka(const Unit& u) {
    unsigned len = 0;
    const char32_t base = last_written(&len);
    if (const char32_t c = compose(base, u.cp)) {
      // Blocked (search profile, see no_compose_at_): the mark goes, even
      // with --keep-harakat, because kept it would compose on a second pass.
      if (out_.size() == no_compose_at_) return;
      // Same length (all two-byte letters): rewrite the base in place.
      out_.truncate(out_.size() - len);
      out_.append_cp(fold(c));
      if (fold(c) != c) no_compose_at_ = out_.size();
      return;
    }
    if (options_.keep_harakat) emit(u.cp, u);
  }

  // Every character goes through the rule handlers: no window scan, no
  // verbatim runs, no shortcuts (the reference the fast paths are tested
  // against, normalize_detail::normalize_by_handlers).
  bool handlers_only_;
  const unsigned char* in_;
  std::size_t n_;
  const NormalizeOptions& options_;
  Sink out_;
  bool block_copy_ = false;  // copy() may use avx2::copy_blocks
  OffsetMap* map_;
  std::ptrdiff_t delta_ = 0;
  DigitStyle digits_ = DigitStyle::keep;
  bool search_ = false;
  unsigned slow_mask_ = kContext;
  std::size_t no_compose_at_ = std::string::npos;  // output size at which a mark may not compose
  // Input span that may still hold letters for fix_letters (Hit::fix_from).
  std::size_t fix_from_ = Hit::kNoFix, fix_to_ = 0;
};

}  // namespace

namespace {
void normalize_with(std::string_view text, const NormalizeOptions& options, std::string& out, OffsetMap* map,
                    bool handlers_only) {
  if (map) map->clear();
  const std::size_t start = out.size();
  Engine(text, options, out, map, handlers_only).run();
  // Same-length edits: the offset map stays valid.
  if (options.repair || options.profile == Profile::search) morph::repair_heh(out, start);
}
}  // namespace

void normalize_into(std::string_view text, const NormalizeOptions& options, std::string& out,
                    OffsetMap* map) {
  normalize_with(text, options, out, map, false);
}

namespace normalize_detail {
namespace {
// standard_keeps_word and search_keeps_word: only two-byte characters of
// U+0600..U+06FF that the pair table lets the engine copy, and ر / ه only
// where its window check copies them too: ر after an Arabic letter (not
// word-initial), ه before one (not word-final). Digits are left to the
// engine (options may convert them). The search profile also folds the
// hamza carriers and may repair ه (a lexicon look-up): such words are left
// to the engine too.
bool keeps_word(std::string_view word, bool search) noexcept {
  const unsigned char* p = text::bytes(word.data());
  const std::size_t n = word.size();
  if (n == 0 || n % 2 != 0) return false;
  auto letter_at = [p](std::size_t i) {
    return (pair_at(p + i) & kAdvance) == 2 && text::is_arabic_letter((char32_t{p[i] & 0x1Fu} << 6) | (p[i + 1] & 0x3Fu));
  };
  const unsigned refused = kArabicDigit | kPersianDigit | (search ? kSearchFold : 0u);
  for (std::size_t i = 0; i < n; i += 2) {
    const unsigned bits = pair_at(p + i);
    if ((bits & kAdvance) != 2 || (bits & refused) != 0) return false;
    if ((bits & kContext) == 0) continue;
    const bool reh = p[i] == 0xD8 && p[i + 1] == 0xB1;
    if (!reh && search) return false;  // ه: the repair's to judge
    if (reh ? !(i >= 2 && letter_at(i - 2)) : !(i + 2 < n && letter_at(i + 2))) return false;
  }
  return true;
}
}  // namespace

bool standard_keeps_word(std::string_view word) noexcept { return keeps_word(word, false); }
bool search_keeps_word(std::string_view word) noexcept { return keeps_word(word, true); }

std::string normalize_by_handlers(std::string_view text, const NormalizeOptions& options, OffsetMap* map) {
  std::string out;
  normalize_with(text, options, out, map, true);
  return out;
}
}  // namespace normalize_detail

std::string normalize(std::string_view text, const NormalizeOptions& options, OffsetMap* map) {
  std::string out;
  normalize_into(text, options, out, map);
  return out;
}

std::optional<Profile> parse_profile(std::string_view name) noexcept {
  if (name == "standard") return Profile::standard;
  if (name == "search") return Profile::search;
  return std::nullopt;
}

std::string_view profile_name(Profile profile) noexcept {
  return profile == Profile::search ? "search" : "standard";
}

std::size_t safe_split_point(std::string_view text) noexcept {
  for (std::size_t i = text.size(); i > 0; --i) {
    const char c = text[i - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return i;
  }
  return 0;
}

}  // namespace kurdi
