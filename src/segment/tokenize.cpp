// The tokenizer: normalizes the text (keeping the offset map), scans the
// normalized text for typed tokens, and maps every token back to byte
// offsets in the original input. Scanning normalized text means every
// spelling variant tokenizes the same way; harakat, ZWNJ and other deleted
// characters stay inside the original span of the word they belong to.
#include "kurdi/tokenize.hpp"

#include "text/avx2.hpp"
#include "text/chars.hpp"
#include "text/simd.hpp"
#include "text/utf8.hpp"

namespace kurdi {
namespace {

using text::is_letter;

bool is_digit(char32_t cp) noexcept { return text::digit_value(cp) >= 0; }

#if defined(KURDI_SSE2)
// Word scanning 16 bytes at a time (SSE2 is part of baseline x86-64): bit k
// of the result is set when byte p[k] starts a two-byte Arabic letter or
// mark of U+0600..U+06FF, or is a continuation byte. Needs p[0..16]. It may
// reject a word character (the scalar loop then looks) but never accepts
// anything else: the rare marks and letters DB 9F..BF (U+06DF..U+06FF) are
// left to the scalar loop. Continuation bytes 80..BF are the signed bytes
// -128..-65, so most ranges of them take one signed compare.
// Inlined: called twice per step, GCC otherwise keeps it out of line and
// reloads its constants on every call.
[[gnu::always_inline]] inline unsigned arabic_word_bytes(const unsigned char* p) noexcept {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  auto eq = [](__m128i v, int b) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b))); };
  auto gt = [](__m128i v, int b) { return _mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(b))); };
  auto lt = [](__m128i v, int b) { return _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(b)), v); };
  auto in = [](__m128i v, int lo, int hi) {
    const __m128i width = _mm_set1_epi8(static_cast<char>(hi - lo));
    const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
    return _mm_cmpeq_epi8(_mm_max_epu8(d, width), width);
  };
  auto any = [](__m128i a, __m128i b) { return _mm_or_si128(a, b); };
  const __m128i c_cont = lt(c, -64);
  // Letters (kArabicLetters) and marks (kMarks) of the block, by lead byte.
  const __m128i d8 = _mm_and_si128(eq(x, 0xD8), any(gt(c, -97), in(c, 0x90, 0x9A)));  // A0..BF, 90..9A
  const __m128i d9 = _mm_and_si128(
      eq(x, 0xD9), any(_mm_and_si128(gt(c, -128), lt(c, -96)), gt(c, -83)));  // 81..9F, AE..BF
  const __m128i da = eq(x, 0xDA);                                                // 80..BF
  const __m128i db = _mm_andnot_si128(eq(c, 0x94), _mm_and_si128(eq(x, 0xDB), lt(c, -99)));  // 80..9C but 94
  const __m128i letters = _mm_and_si128(c_cont, any(any(d8, d9), any(da, db)));
  const __m128i ok = any(letters, lt(x, -64));
  return static_cast<unsigned>(_mm_movemask_epi8(ok));
}
#endif

#if defined(KURDI_AVX2)
namespace avx2 {
using namespace text::avx2;

// The word characters of U+0600..U+06FF (text::kWordChars) as a set. Built
// once at run time: kWordChars is defined in another file.
const CharSet& word_set() noexcept {
  static const CharSet set =
      make_char_set([](unsigned c) { return text::kWordChars[0x0600 + c] != 0; });
  return set;
}

// The word scan 32 bytes at a time: from e, while p[e..e+32] is readable,
// the first byte that is neither a continuation byte nor the lead of a word
// character of U+0600..U+06FF (those of other blocks go to the scalar loop,
// as with arabic_word_bytes). Returns a position with fewer than 33 bytes
// left when it found none.
__attribute__((target("avx2"))) std::size_t arabic_word_end(const unsigned char* p, std::size_t e,
                                                            std::size_t n, const CharSet& set) noexcept {
  while (e + 33 <= n) {
    const __m256i x = load(p + e), next = load(p + e + 1);
    const __m256i letter = _mm256_and_si256(_mm256_and_si256(arabic_lead(x), cont(next)),
                                            in_set(char_index(x, next), set));
    const auto ok = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_or_si256(cont(x), letter)));
    if (ok != 0xFFFFFFFFu) return e + static_cast<std::size_t>(__builtin_ctz(~ok));
    e += 32;
  }
  return e;
}
}  // namespace avx2
#endif

bool ascii_iequals(std::string_view s, std::size_t pos, std::string_view lower) noexcept {
  if (s.size() - pos < lower.size()) return false;
  for (std::size_t k = 0; k < lower.size(); ++k) {
    char c = s[pos + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 0x20);
    if (c != lower[k]) return false;
  }
  return true;
}

bool is_ascii_alnum(char32_t cp) noexcept {
  return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
}

// Walks the offset map forward; token offsets arrive in increasing order.
class OffsetWalker {
 public:
  explicit OffsetWalker(const OffsetMap& map) : anchors_(map.anchors()) {}
  std::size_t operator()(std::size_t out) {
    while (next_ < anchors_.size() && anchors_[next_].out <= out) ++next_;
    std::size_t in = out;  // identity before the first anchor
    if (next_ > 0) {
      const OffsetMap::Anchor& a = anchors_[next_ - 1];
      in = a.in + (out - a.out);
    }
    if (next_ < anchors_.size() && in > anchors_[next_].in) in = anchors_[next_].in;
    return in;
  }

 private:
  const std::vector<OffsetMap::Anchor>& anchors_;
  std::size_t next_ = 0;
};

class Scanner {
 public:
  Scanner(std::string_view s, Tokens& out, OffsetWalker& walk, std::size_t max_bytes)
      : s_(s), out_(out), walk_(walk), max_bytes_(max_bytes == 0 ? 1 : max_bytes) {
#if defined(KURDI_AVX2)
    avx2_ = text::avx2_enabled();
    if (avx2_) word_set_ = &avx2::word_set();
#endif
  }

  void run() {
    std::size_t i = 0;
    while (i < s_.size()) {
      if (s_[i] == ' ') {
        ++i;
        continue;
      }
      const char32_t cp = at(i);
      if (text::is_space(cp)) {
        i += len(i);
        continue;
      }
      i = token_at(i, cp);
    }
  }

 private:
  char32_t at(std::size_t i) const noexcept {
    if (i >= s_.size()) return 0;
    const auto c = static_cast<unsigned char>(s_[i]);
    if (c < 0x80) return c;
    return text::decode(text::bytes(s_.data()) + i, text::bytes(s_.data()) + s_.size()).cp;
  }
  std::size_t len(std::size_t i) const noexcept {
    const auto c = static_cast<unsigned char>(s_[i]);
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  char32_t before(std::size_t i) const noexcept {
    if (i == 0) return 0;
    unsigned n;
    return text::decode_before(text::bytes(s_.data()), text::bytes(s_.data()) + i, &n);
  }

  // Returns the end of the token that starts at i.
  std::size_t token_at(std::size_t i, char32_t cp) {
    // Arabic-script words are most tokens: decide them first.
    if (cp >= 0x80 && cp < 0x800) {
      const unsigned cls = text::kLowClasses[cp];
      if ((cls & text::kClassLetter) != 0 && (cls & text::kClassLatin) == 0)
        return add(i, word_run(i, false), TokenType::word);
    }
    if (cp < 0x80 && is_ascii_alnum(cp)) {
      if (const char c = static_cast<char>(cp | 0x20); c == 'h' || c == 'f' || c == 'w') {
        if (std::size_t e = url(i); e > i) return add(i, e, TokenType::url);
      }
      if (std::size_t e = email(i); e > i) return add(i, e, TokenType::email);
    }
    if (cp >= 0x80 || cp == '#' || cp == '*' || (cp >= '0' && cp <= '9')) {
      if (std::size_t e = emoji(i); e > i) return add(i, e, TokenType::emoji);
    }
    if ((cp == '#' || cp == '@') && !is_letter(before(i)) && !is_digit(before(i))) {
      const std::size_t e = word_run(i + 1, true);
      if (e > i + 1) return add(i, e, cp == '#' ? TokenType::hashtag : TokenType::mention);
    }
    if (is_digit(cp) || cp == '+' || cp == '-' || cp == 0x2212 || cp == '%' || cp == 0x066A) {
      if (std::size_t e = number(i); e > i) return e;
    }
    if (is_letter(cp)) {
      const bool latin = text::is_latin_letter(cp);
      return add(i, latin ? latin_run(i) : word_run(i, false),
                 latin ? TokenType::latin : TokenType::word);
    }
    const std::size_t n = len(i);
    if (text::is_punct(cp) || cp == 0x2026) {
      std::size_t e = i + n;
      while (e < s_.size() && at(e) == cp) e += n;  // a run of one mark: ... ؟؟ !!
      return add(i, e, TokenType::punct);
    }
    if (text::is_symbol(cp)) return add(i, i + n, TokenType::symbol);
    return add(i, i + n, TokenType::other);
  }

  // Letters of one script class with their marks; ZWNJ inside; for hashtags
  // and mentions also digits and '_'.
  std::size_t word_run(std::size_t i, bool tag) const {
    const auto* p = text::bytes(s_.data());
    const std::size_t n = s_.size();
    std::size_t e = i;
    const std::uint8_t* const word_chars = text::kWordChars.data();
    while (e < n) {
#if defined(KURDI_SSE2)
      if (!tag) {
#if defined(KURDI_AVX2)
        // One 32-byte check per step; it returns early only at a byte that
        // is not a word byte, else with fewer than 33 bytes left.
        if (avx2_) e = avx2::arabic_word_end(p, e, n, *word_set_);
        const bool stopped = avx2_ && e + 33 <= n;
#else
        const bool stopped = false;
#endif
        // 32 bytes per step (two checks): most words are shorter, so the
        // loop's exit is predictable (with 16 it went either way on words of
        // 8+ letters); 16 near the end of the text.
        while (!stopped) {
          unsigned ok, all;
          if (e + 33 <= n) {
            ok = arabic_word_bytes(p + e) | arabic_word_bytes(p + e + 16) << 16;
            all = 0xFFFFFFFFu;
          } else if (e + 17 <= n) {
            ok = arabic_word_bytes(p + e);
            all = 0xFFFFu;
          } else {
            break;
          }
          if (ok != all) {
            e += static_cast<std::size_t>(__builtin_ctz(~ok));  // the first byte that is not
            break;
          }
          e += all == 0xFFFFu ? 16 : 32;
        }
      }
#endif
      // Fast path: two-byte letters and marks of Arabic (and other non-Latin
      // scripts below U+0800), one small-table load each. The text is valid
      // UTF-8 (it is normalizer output), so a lead C2..DF has its continuation.
      while (e + 1 < n && p[e] >= 0xC2 && p[e] < 0xE0 &&
             word_chars[((p[e] & 0x1Fu) << 6) | (p[e + 1] & 0x3Fu)] != 0) {
        e += 2;
      }
      if (e >= n || (p[e] < 0x80 && !tag)) break;  // ASCII never continues a word
      const char32_t c = at(e);
      const bool ok = (is_letter(c) && !text::is_latin_letter(c)) || text::is_mark(c) ||
                      (tag && (is_letter(c) || is_digit(c) || c == '_')) ||
                      (c == text::kZwnj && e > i && is_letter(at(e + 3)));
      if (!ok) break;
      e += len(e);
    }
    return e;
  }

  // Latin letters, combining marks and digits, with internal apostrophes
  // (řoj'awa, don't).
  std::size_t latin_run(std::size_t i) const {
    std::size_t e = i;
    while (e < s_.size()) {
      const char32_t c = at(e);
      if (text::is_latin_letter(c) || text::is_mark(c) || (c >= '0' && c <= '9')) {
        e += len(e);
        continue;
      }
      if ((c == '\'' || c == 0x2019) && e > i && text::is_latin_letter(at(e + len(e)))) {
        e += len(e);
        continue;
      }
      break;
    }
    return e;
  }

  std::size_t url(std::size_t i) const {
    static constexpr std::string_view kStarts[] = {"https://", "http://", "ftp://", "www."};
    bool start = false;
    for (std::string_view p : kStarts) start = start || ascii_iequals(s_, i, p);
    if (!start || is_letter(before(i)) || is_digit(before(i))) return i;
    std::size_t e = i;
    while (e < s_.size()) {
      const char32_t c = at(e);
      if (text::is_space(c) || c == '"' || c == '<' || c == '>' || c == 0xAB || c == 0xBB ||
          c == 0x060C || c == 0x061B || c == 0x201C || c == 0x201D)
        break;
      e += len(e);
    }
    // Trailing punctuation belongs to the sentence, not the URL.
    while (e > i) {
      unsigned n;
      const char32_t c = text::decode_before(text::bytes(s_.data()) + i,
                                             text::bytes(s_.data()) + e, &n);
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
          c == 0x061F || (c == ')' && s_.substr(i, e - i).find('(') == std::string_view::npos)) {
        e -= n;
        continue;
      }
      break;
    }
    const std::size_t min = i + 8;
    return e >= min ? e : i;
  }

  std::size_t email(std::size_t i) const {
    auto local = [](char c) {
      return is_ascii_alnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' ||
             c == '+' || c == '-';
    };
    if (i > 0 && (local(s_[i - 1]) || s_[i - 1] == '@')) return i;
    std::size_t e = i;
    while (e < s_.size() && local(s_[e])) ++e;
    if (e == i || e >= s_.size() || s_[e] != '@') return i;
    std::size_t d = e + 1, last_dot = 0;
    while (d < s_.size() && (is_ascii_alnum(static_cast<unsigned char>(s_[d])) || s_[d] == '-' ||
                             (s_[d] == '.' && d + 1 < s_.size() &&
                              is_ascii_alnum(static_cast<unsigned char>(s_[d + 1]))))) {
      if (s_[d] == '.') last_dot = d;
      ++d;
    }
    if (last_dot == 0 || d - last_dot < 3) return i;  // needs a dot and a 2+ letter TLD
    return d;
  }

  std::size_t emoji(std::size_t i) const {
    std::size_t e = emoji_element(i);
    if (e == i) return i;
    while (at(e) == text::kZwj) {
      const std::size_t f = emoji_element(e + 3);
      if (f == e + 3) break;
      e = f;
    }
    return e;
  }
  std::size_t emoji_element(std::size_t i) const {
    const char32_t c = at(i);
    if (i >= s_.size()) return i;
    std::size_t e = i + len(i);
    if (text::is_regional_indicator(c)) {
      if (text::is_regional_indicator(at(e))) e += 4;
      return e;
    }
    if (c == '#' || c == '*' || (c >= '0' && c <= '9')) {  // keycap: 1️⃣
      std::size_t k = e;
      if (at(k) == 0xFE0F) k += 3;
      return at(k) == 0x20E3 ? k + 3 : i;
    }
    if (!text::is_pictographic(c) && !text::is_emoji_modifier(c)) return i;
    while (e < s_.size()) {
      const char32_t n = at(e);
      if (text::is_variation_selector(n) || text::is_emoji_modifier(n) || text::is_tag(n) ||
          n == 0x20E3) {
        e += len(e);
        continue;
      }
      break;
    }
    return e;
  }

  // Numbers, dates and times, then a suffix glued to them (١٩٩٩دا, 40%ی).
  std::size_t number(std::size_t i) {
    std::size_t p = i;
    const char32_t c = at(i);
    const char32_t prev = before(i);
    const bool free_start = !is_letter(prev) && !is_digit(prev);
    if ((c == '+' || c == '-' || c == 0x2212) && free_start && is_digit(at(i + len(i)))) {
      p += len(i);
    } else if ((c == 0x066A || c == '%') && is_digit(at(i + len(i)))) {
      p += len(i);  // ٪٢٠
    } else if (!is_digit(c)) {
      return i;
    }
    std::size_t e;
    TokenType type = TokenType::number;
    if (p == i && (e = date_or_time(i, &type)) > i) {
      // date or time
    } else {
      e = digits(p);
      while (true) {
        const char32_t sep = at(e);
        const bool separator = sep == '.' || sep == ',' || sep == 0x066B || sep == 0x066C;
        if (!separator || !is_digit(at(e + len(e)))) break;
        e = digits(e + len(e));
      }
      const char32_t pc = at(e);
      if ((pc == '%' || pc == 0x066A) && p == i) e += len(e);
    }
    add(i, e, type);
    if (e < s_.size() && is_letter(at(e))) {
      const bool latin = text::is_latin_letter(at(e));
      return add(e, latin ? latin_run(e) : word_run(e, false), TokenType::suffix);
    }
    return e;
  }
  std::size_t digits(std::size_t i) const {
    while (i < s_.size() && is_digit(at(i))) i += len(i);
    return i;
  }
  std::size_t count_digits(std::size_t i, std::size_t e) const {
    std::size_t n = 0;
    for (; i < e; i += len(i)) ++n;
    return n;
  }
  // d/m/yyyy, yyyy-mm-dd, dd.mm.yy (one separator used twice) and hh:mm[:ss].
  std::size_t date_or_time(std::size_t i, TokenType* type) const {
    const std::size_t a = digits(i);
    const std::size_t na = count_digits(i, a);
    const char32_t sep = at(a);
    if (sep == ':' && na <= 2) {
      std::size_t b = digits(a + 1);
      if (count_digits(a + 1, b) != 2) return i;
      if (at(b) == ':' && count_digits(b + 1, digits(b + 1)) == 2) b = digits(b + 1);
      if (is_digit(at(b)) || (at(b) == ':' && is_digit(at(b + 1)))) return i;
      *type = TokenType::time;
      return b;
    }
    if (sep != '/' && sep != '-' && sep != '.') return i;
    const std::size_t b = digits(a + 1);
    const std::size_t nb = count_digits(a + 1, b);
    if (nb == 0 || nb > 2 || at(b) != sep) return i;
    const std::size_t c = digits(b + 1);
    const std::size_t nc = count_digits(b + 1, c);
    const bool dmy = na <= 2 && (nc == 2 || nc == 4);
    const bool ymd = na == 4 && nc >= 1 && nc <= 2;
    if (!dmy && !ymd) return i;
    // 1.2.3.4 is a version or a list, not a date.
    if (at(c) == sep && is_digit(at(c + 1))) return i;
    *type = TokenType::date;
    return c;
  }

  // Records [b, e) of the normalized text, cut into pieces of at most
  // max_bytes_ at character boundaries. Returns e.
  std::size_t add(std::size_t b, std::size_t e, TokenType type) {
    while (e - b > max_bytes_) {
      std::size_t cut = b + max_bytes_;
      while (cut > b && (static_cast<unsigned char>(s_[cut]) & 0xC0) == 0x80) --cut;
      if (cut == b) cut = b + len(b);
      push(b, cut, type);
      b = cut;
    }
    push(b, e, type);
    return e;
  }
  void push(std::size_t b, std::size_t e, TokenType type) {
    const std::size_t begin = walk_(b), end = walk_(e);
    if (begin >= end && !out_.tokens.empty() && out_.tokens.back().norm_end == b) {
      // The piece comes from inside one input character (a ligature split
      // by the length cap): it joins the token before.
      out_.tokens.back().norm_end = e;
      return;
    }
    out_.tokens.push_back({begin, end, b, e, type});
  }

  std::string_view s_;
  Tokens& out_;
  OffsetWalker& walk_;
  std::size_t max_bytes_;
#if defined(KURDI_AVX2)
  bool avx2_ = false;
  const avx2::CharSet* word_set_ = nullptr;
#endif
};

}  // namespace

std::string_view token_type_name(TokenType type) noexcept {
  switch (type) {
    case TokenType::word: return "word";
    case TokenType::latin: return "latin";
    case TokenType::number: return "number";
    case TokenType::date: return "date";
    case TokenType::time: return "time";
    case TokenType::url: return "url";
    case TokenType::email: return "email";
    case TokenType::hashtag: return "hashtag";
    case TokenType::mention: return "mention";
    case TokenType::emoji: return "emoji";
    case TokenType::punct: return "punct";
    case TokenType::symbol: return "symbol";
    case TokenType::suffix: return "suffix";
    case TokenType::other: return "other";
  }
  return "other";
}

void tokenize(std::string_view text, Tokens& out, const TokenizeOptions& options) {
  out.normalized.clear();
  out.tokens.clear();
  normalize_into(text, options.normalize, out.normalized, &out.map);
  out.tokens.reserve(text.size() / 8 + 16);  // ~1 token per 8 bytes of Sorani
  OffsetWalker walk(out.map);
  Scanner(out.normalized, out, walk, options.max_token_bytes).run();
}

Tokens tokenize(std::string_view text, const TokenizeOptions& options) {
  Tokens t;
  tokenize(text, t, options);
  return t;
}

}  // namespace kurdi
