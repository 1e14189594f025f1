// Property tests over random byte strings: a seeded generator mixes the
// characters the rules care about (Arabic and Kurdish letters, harakat,
// ZWNJ / ZWSP / ZWJ, tatweel, ه ھ ە ر, spaces of every kind, line breaks,
// digits of three scripts, punctuation, presentation forms, emoji, format
// characters) with malformed UTF-8, and every string must satisfy the
// contracts of contracts.hpp. A cheap in-suite complement to the fuzz target:
// the seed is fixed, so a failure is reproducible and printed.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "contracts.hpp"

namespace {

// Debug and sanitizer builds run the same checks ~20x slower: fewer strings
// there keep the suite within seconds (same seeds, so a prefix of the same
// strings).
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
constexpr int kStrings = 1500;
constexpr int kLongStrings = 60;
#else
constexpr int kStrings = 4000;
constexpr int kLongStrings = 200;
#endif

// Pieces of UTF-8 (some malformed on purpose) the strings are made of.
const std::vector<std::string>& pieces() {
  static const std::vector<std::string> p = {
      // Sorani letters and the ones the rules rewrite
      "ا", "ب", "ر", "ڕ", "ه", "ھ", "ە", "ی", "ێ", "ي", "ى", "ک", "ك", "ل", "ڵ", "و", "ۆ", "ئ",
      "ء", "د", "ز", "ن", "م", "ة", "ڒ", "ے", "ۍ", "ؤ", "أ", "آ", "ڴ", "ۋ",
      // harakat and composing marks
      "\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u064B", "\u0653", "\u0654", "\u0655",
      "\u065A", "\u065B", "\u0670",
      // joiners, tatweel, format characters
      "\u200C", "\u200C", "\u200B", "\u200D", "\u0640", "\u0640", "\uFEFF", "\u200F", "\u202B",
      "\u061C", "\u00AD",
      // white space and line breaks
      " ", " ", " ", "\t", "\n", "\r\n", "\r", "\u00A0", "\u2009", "\u3000", "\u2028",
      // digits and number punctuation
      "0", "7", "٠", "٢", "٩", "۴", "٫", "٬", "٪", "%", ".", ",",
      // punctuation
      "،", "؛", "؟", "!", "?", "«", "»", "(", ")", "-", "/", ":", "\"", "'", "…",
      // Latin
      "a", "Z", "É", "ş", "@", "#", "http://", "www.", ".org",
      // presentation forms (letters, lam-alef, harakat forms, Allah, big ligatures)
      "\uFEEB", "\uFE8D", "\uFEE9", "\uFEFB", "\uFDF2", "\uFE70", "\uFC5E", "\uFDFA", "\uFDFD",
      // emoji and emoji sequences
      "\U0001F600", "\U0001F3F4", "\U000E0067", "\U000E007F", "\U0001F3FD", "\u2764",
      // NUL and malformed UTF-8: stray continuation, bad leads, truncated,
      // overlong, surrogate, beyond U+10FFFF
      std::string(1, '\0'), "\x80", "\xBF", "\xC0", "\xC1\x81", "\xFF", "\xE2\x80", "\xD8",
      "\xDB", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF0\x9F\x98",
  };
  return p;
}

std::string random_string(std::mt19937& rng) {
  const auto& p = pieces();
  std::uniform_int_distribution<std::size_t> len(0, 24), pick(0, p.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255), coin(0, 19);
  std::string s;
  const std::size_t n = len(rng);
  for (std::size_t i = 0; i < n; ++i) {
    if (coin(rng) == 0) {
      s += static_cast<char>(byte(rng));  // any byte at all
    } else {
      s += p[pick(rng)];
    }
  }
  return s;
}

std::string report(const kurdi_props::Violations& v) {
  std::string r;
  for (const auto& m : v) r += "  " + m + "\n";
  return r;
}

TEST(RandomStrings, SatisfyContracts) {
  std::mt19937 rng(20240601u);
  int failures = 0;
  for (int i = 0; i < kStrings && failures < 10; ++i) {
    const std::string s = random_string(rng);
    const auto v = kurdi_props::check_all(s, kurdi_props::Depth::exhaustive);
    if (!v.empty()) {
      ++failures;
      ADD_FAILURE() << "string " << i << ": \"" << kurdi_props::show(s) << "\"\n" << report(v);
    }
  }
}

// Longer strings: contexts that span many characters (runs of tatweel,
// ZWNJ and marks, long words, many lines).
TEST(RandomStrings, LongStringsSatisfyContracts) {
  std::mt19937 rng(7u);
  int failures = 0;
  for (int i = 0; i < kLongStrings && failures < 5; ++i) {
    std::string s;
    for (int k = 0; k < 20; ++k) s += random_string(rng);
    const auto v = kurdi_props::check_all(s, kurdi_props::Depth::exhaustive);
    if (!v.empty()) {
      ++failures;
      ADD_FAILURE() << "long string " << i << ": \"" << kurdi_props::show(s) << "\"\n"
                    << report(v);
    }
  }
}

// The options of `kurdi normalize` (--digits, --keep-harakat) keep the same
// contracts.
TEST(RandomStrings, OptionsSatisfyContracts) {
  std::vector<kurdi::NormalizeOptions> variants(4);
  variants[0].keep_harakat = true;
  variants[1].digits = kurdi::DigitStyle::ascii;
  variants[2].profile = kurdi::Profile::search;
  variants[2].digits = kurdi::DigitStyle::arabic_indic;
  variants[3].profile = kurdi::Profile::search;
  variants[3].keep_harakat = true;
  variants[3].digits = kurdi::DigitStyle::keep;
  std::mt19937 rng(99u);
  int failures = 0;
  for (int i = 0; i < kStrings / 2 && failures < 10; ++i) {
    const std::string s = random_string(rng);
    for (const auto& o : variants) {
      const auto v = kurdi_props::check_normalize(s, o, kurdi_props::Depth::exhaustive);
      if (!v.empty()) {
        ++failures;
        ADD_FAILURE() << "string " << i << ": \"" << kurdi_props::show(s) << "\"\n" << report(v);
      }
    }
  }
}

// Tokens keep their contracts with search-profile forms and when long
// tokens are cut (max_token_bytes), and the cut pieces respect the limit.
TEST(RandomStrings, TokenizeOptionsSatisfyContracts) {
  std::mt19937 rng(123u);
  int failures = 0;
  for (int i = 0; i < kStrings / 2 && failures < 10; ++i) {
    std::string s = random_string(rng);
    s += random_string(rng);
    kurdi::TokenizeOptions search;
    search.normalize.profile = kurdi::Profile::search;
    kurdi::TokenizeOptions small;
    small.max_token_bytes = 5;
    for (const auto* o : {&search, &small}) {
      const kurdi::Tokens t = kurdi::tokenize(s, *o);
      auto v = kurdi_props::check_tokens(s, t, o->normalize);
      // The cap applies to the normalized form (the original slice may also
      // hold deleted characters); a presentation-form ligature cut by the cap
      // joins the piece before, hence a little slack.
      constexpr std::size_t kLigatureSlack = 32;
      for (const kurdi::Token& tok : t.tokens) {
        if (tok.norm_end - tok.norm_begin > o->max_token_bytes + kLigatureSlack) {
          v.push_back("token [" + std::to_string(tok.begin) + "," + std::to_string(tok.end) +
                      "): normalized form of " + std::to_string(tok.norm_end - tok.norm_begin) +
                      " bytes, max_token_bytes " + std::to_string(o->max_token_bytes));
        }
      }
      if (!v.empty()) {
        ++failures;
        ADD_FAILURE() << "string " << i << (o == &search ? " (search)" : " (max_token_bytes 5)")
                      << ": \"" << kurdi_props::show(s) << "\"\n" << report(v);
      }
    }
  }
}

// Reusing one Tokens object (and its buffers and offset map) across calls
// gives the same tokens as a fresh one; likewise one OffsetMap across
// normalize calls.
TEST(RandomStrings, ReusedBuffersGiveSameResults) {
  std::mt19937 rng(555u);
  kurdi::Tokens reused;
  kurdi::OffsetMap reused_map;
  std::string reused_out;
  int failures = 0;
  for (int i = 0; i < kStrings && failures < 10; ++i) {
    const std::string s = random_string(rng);
    kurdi::tokenize(s, reused);
    const kurdi::Tokens fresh = kurdi::tokenize(s);
    bool same = reused.normalized == fresh.normalized && reused.tokens.size() == fresh.tokens.size();
    for (std::size_t k = 0; same && k < fresh.tokens.size(); ++k) {
      const kurdi::Token &a = reused.tokens[k], &b = fresh.tokens[k];
      same = a.begin == b.begin && a.end == b.end && a.norm_begin == b.norm_begin &&
             a.norm_end == b.norm_end && a.type == b.type;
    }
    reused_out.clear();
    kurdi::normalize_into(s, {}, reused_out, &reused_map);
    kurdi::OffsetMap fresh_map;
    const std::string fresh_out = kurdi::normalize(s, {}, &fresh_map);
    same = same && reused_out == fresh_out;
    for (std::size_t o = 0; same && o <= fresh_out.size(); ++o) {
      same = reused_map.to_input(o) == fresh_map.to_input(o);
    }
    if (!same) {
      ++failures;
      ADD_FAILURE() << "string " << i << ": \"" << kurdi_props::show(s)
                    << "\": reused Tokens / OffsetMap differ from fresh ones";
    }
  }
}

}  // namespace
