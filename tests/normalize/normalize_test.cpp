#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "kurdi/normalize.hpp"
#include "kurdi/utf8.hpp"
#include "normalize/by_handlers.hpp"
#include "normalize/quick.hpp"
#include "text/utf8.hpp"

namespace {

using kurdi::normalize;
using kurdi::NormalizeOptions;
using kurdi::Profile;

NormalizeOptions search() {
  NormalizeOptions o;
  o.profile = Profile::search;
  return o;
}

// Defects seen in real tools (ANCHORS.md), each a regression case.
TEST(Normalize, NeverLosesSpacesAroundFinalHeh) {
  // ckb-textify gives ئەوەباشەو خۆشھ.
  EXPECT_EQ(normalize("ئەوه باشه و خۆشه"), "ئەوە باشە و خۆشە");
}

TEST(Normalize, KeepsKurdishLetters) {
  // Aamraz maps ڕ->ر, ڵ->ل, ۆ->و, ێ->ی, ە->ه.
  const std::string sorani = "ڕێگەی ئاڵۆز بۆ هێزەکانی ئەمریکا لە کوردستان";
  EXPECT_EQ(normalize(sorani), sorani);
}

TEST(Normalize, FinalHehExceptions) {
  // AsoSoft turns these into گوناە شاە ماە.
  EXPECT_EQ(normalize("گوناه شاه ماه الله عبدالله بێگوناه"), "گوناه شاه ماه الله عبدالله بێگوناه");
  EXPECT_EQ(normalize("کتێبه"), "کتێبە");
}

TEST(Normalize, InitialRehAfterAnyNonLetter) {
  // KLPT only converts after a space.
  EXPECT_EQ(normalize("رۆژ «رۆژ» (رۆژ) -رۆژ \"رۆژ"), "ڕۆژ «ڕۆژ» (ڕۆژ) -ڕۆژ \"ڕۆژ");
  EXPECT_EQ(normalize("کورد"), "کورد");  // ر after a letter stays
  EXPECT_EQ(normalize("پیتی ر و رر"), "پیتی ر و ڕر");  // a lone ر is the letter's name
}

TEST(Normalize, AsoSoftNormalizeVectorUpToDocumentedDifference) {
  // AsoSoft expects شێعری (ی + fatha -> ێ); we delete the fatha (docs/normalization.md).
  EXPECT_EQ(normalize("دەقے شیَعري خـــۆش. ره‌نگه‌كاني خاك"), "دەقی شیعری خۆش. ڕەنگەکانی خاک");
}

TEST(Normalize, HehWithTatweelAndZwnj) {
  EXPECT_EQ(normalize("شاهـ"), "شاھ");
  EXPECT_EQ(normalize("هـەر"), "هەر");
  EXPECT_EQ(normalize("ده\u200cکات"), "دەکات");
  EXPECT_EQ(normalize("ده\u200bکات"), "دەکات");         // ZWSP between joining letters
  EXPECT_EQ(normalize("هـ\u200cب"), "ەب");                  // judged after tatweel deletion
  EXPECT_EQ(normalize("ئەوه\u064e"), "ئەوە");             // haraka after final heh
}

TEST(Normalize, WhitespaceAndLineBreaksPassThrough) {
  EXPECT_EQ(normalize("a\r\nb\n\nc"), "a\r\nb\n\nc");
  EXPECT_EQ(normalize("ک\u00A0ب"), "ک ب");
  EXPECT_EQ(normalize("  \t "), "  \t ");
  EXPECT_EQ(normalize(std::string_view("ک\0ب", 5)), std::string("ک\0ب", 5));
}

TEST(Normalize, MalformedBytesBecomeReplacementCharacters) {
  const std::string out = normalize("ک\xFF\xC0ب\xE2\x82");
  EXPECT_EQ(out, "ک\uFFFD\uFFFDب\uFFFD");
  EXPECT_EQ(kurdi::find_invalid_utf8(out), std::string_view::npos);
}

TEST(Normalize, LeadingBomStripped) { EXPECT_EQ(normalize("\uFEFFکورد"), "کورد"); }

TEST(Normalize, EmojiSequencesKeepTheirJoiners) {
  const std::string family = "👨\u200D👩\u200D👧";
  EXPECT_EQ(normalize(family), family);
  const std::string england = "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F";
  EXPECT_EQ(normalize(england), england);
  EXPECT_EQ(normalize("ک\u200Dب"), "کب");  // ZWJ outside emoji removed
}

TEST(Normalize, DigitsOption) {
  NormalizeOptions o;
  o.digits = kurdi::DigitStyle::ascii;
  EXPECT_EQ(normalize("٢٠٢١ ۱۴۰۰", o), "2021 1400");
  o.digits = kurdi::DigitStyle::arabic_indic;
  EXPECT_EQ(normalize("2021 ۱۴۰۰", o), "٢٠٢١ ١٤٠٠");
  NormalizeOptions s = search();
  s.digits = kurdi::DigitStyle::keep;
  EXPECT_EQ(normalize("٢٠٢١", s), "٢٠٢١");
}

TEST(Normalize, KeepHarakat) {
  NormalizeOptions o;
  o.keep_harakat = true;
  EXPECT_EQ(normalize("عەقڵَ", o), "عەقڵَ");
  EXPECT_EQ(normalize("گیلٚکی", o), "گیڵکی");  // composition still happens
}

TEST(Normalize, SearchProfile) {
  EXPECT_EQ(normalize("ھەر شاھ Kurdistan ٣٫٥ ١٬٠٠٠ ٪٢٠ پنج\u200cشەممە أ", search()),
            "هەر شاھ kurdistan 3.5 1000 %20 پنجشەممە ا");
}

TEST(Normalize, StandaloneTatweel) {
  EXPECT_EQ(normalize("١٩٩١ـ٢٠٠٣"), "١٩٩١-٢٠٠٣");
  EXPECT_EQ(normalize("ـــ"), "-");
  EXPECT_EQ(normalize("کـــورد"), "کورد");
}

TEST(Normalize, IdempotentOnTrickyInput) {
  const char* cases[] = {
      "هـ\u200c\u200bب ـ ر\u200c ه\u200c\u200c ھ\u200c ھـ", "\u200c\u200c\u200cر", "ه\u064e\u200cک",
      "ﻻ ﷲ ﷺ ﷽", "ی\u0654\u0654 ا\u0653\u0654", "٬٬١٬٬٢٬", "شاه\u200bی",
      "0٬\u200c2", "0\u200c٬2", "٠٬ـ\u200c٢"};  // found by the fuzzer: ٬ before a deleted ZWNJ
  for (const char* c : cases) {
    for (const auto& o : {NormalizeOptions{}, search()}) {
      const std::string once = normalize(c, o);
      EXPECT_EQ(normalize(once, o), once) << c;
    }
  }
}

// ك ى ي are rewritten by a context-free rule, and every context rule judges
// them like ک and ی; the SIMD scans leave them in the verbatim run and fix
// them when the run is copied. Whatever surrounds them, at whatever distance
// from a window edge, the result must be the one for the same text with the
// letters already replaced (which takes the other path).
std::string replace_arabic_keyboard_letters(std::string s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '\xD9') continue;
    if (s[i + 1] == '\x83') {
      s.replace(i, 2, "\xDA\xA9");
      ++i;
    } else if (s[i + 1] == '\x89' || s[i + 1] == '\x8A') {
      s.replace(i, 2, "\xDB\x8C");
      ++i;
    }
  }
  return s;
}

TEST(Normalize, ArabicKeyboardLettersAnywhereInARun) {
  const std::vector<std::string> pieces = {
      "ك", "ى", "ي", "ك", "ي", "ا", "ب", "ر", "ه", "ە", "ی", "ک", " ", " ", "\u200C", "\u0640",
      "\u064E", "\u0654", "\u065A", "و", "ل", "ه\u200C", "\n", "a", "Z", "٢", "«", "\uFEEB",
      "\xD9", "\x83", "\xE2\x80"};
  std::mt19937 rng(20261122);
  std::uniform_int_distribution<std::size_t> len(0, 160), pick(0, pieces.size() - 1);
  NormalizeOptions keep;
  keep.keep_harakat = true;
  NormalizeOptions repair;
  repair.repair = true;
  const std::vector<NormalizeOptions> options = {NormalizeOptions{}, search(), keep, repair};
  for (int k = 0; k < 3000; ++k) {
    std::string s;
    for (std::size_t n = len(rng); n > 0; --n) s += pieces[pick(rng)];
    const std::string replaced = replace_arabic_keyboard_letters(s);
    for (const NormalizeOptions& o : options) {
      ASSERT_EQ(normalize(s, o), normalize(replaced, o)) << "input bytes: " << s.size() << " case " << k;
    }
  }
}

// The fast paths (the window scans: AVX2, SSE2 under KURDI_SIMD=sse2, the
// portable tables in KURDI_NO_SIMD builds; the verbatim runs and their
// block copies; the scalar step's shortcuts for common characters) may send
// a clean character to the handlers but must never decide differently from
// them. Held to the handlers alone on random text in which every character
// of U+0600..U+06FF appears next to every kind of neighbour.
TEST(Normalize, FastPathsAgreeWithTheHandlers) {
  std::vector<std::string> pieces;
  for (char32_t cp = 0x0600; cp <= 0x06FF; ++cp) {
    std::string s;
    kurdi::text::append(s, cp);
    pieces.push_back(s);
  }
  const std::vector<std::string> more = {
      "ر", "ه", "ر", "ه", "ا", "ی", " ", " ", "\n", "\r\n", "\u200C", "\u200D", "\u200B", "a", "Z",
      "7", "«", ".", "\uFEEB", "\uFEFB", "\u00A0", "\u2029", "é", "😀", "\xD9", "\x83", "\xC0",
      "\xE2\x80", "\xDB\xDB", "A"};
  pieces.insert(pieces.end(), more.begin(), more.end());
  std::mt19937 rng(20261123);
  std::uniform_int_distribution<std::size_t> len(0, 120), pick(0, pieces.size() - 1);
  NormalizeOptions keep;
  keep.keep_harakat = true;
  NormalizeOptions ascii;
  ascii.digits = kurdi::DigitStyle::ascii;
  NormalizeOptions indic;
  indic.digits = kurdi::DigitStyle::arabic_indic;
  NormalizeOptions repair;
  repair.repair = true;
  const std::vector<NormalizeOptions> options = {NormalizeOptions{}, search(), keep, ascii, indic, repair};
  for (int k = 0; k < 4000; ++k) {
    std::string s;
    for (std::size_t n = len(rng); n > 0; --n) s += pieces[pick(rng)];
    for (std::size_t o = 0; o < options.size(); ++o) {
      kurdi::OffsetMap fast_map, scalar_map;
      const std::string fast = normalize(s, options[o], &fast_map);
      const std::string scalar = kurdi::normalize_detail::normalize_by_handlers(s, options[o], &scalar_map);
      ASSERT_EQ(fast, scalar) << "case " << k << ", options " << o << ", input bytes " << s.size();
      for (std::size_t at = 0; at <= fast.size(); ++at) {
        ASSERT_EQ(fast_map.to_input(at), scalar_map.to_input(at)) << "case " << k << " at " << at;
      }
    }
  }
}

// The analyzer skips the normalizer for a word the standard check accepts,
// and the search hosts for a stem the search check accepts, so an accepted
// word must come out of kurdi::normalize unchanged: every word of
// one to three characters over the Arabic block and the characters whose
// rules depend on context (word start and end, ZWNJ, marks, digits, Latin).
TEST(Normalize, QuickWordCheckAcceptsOnlyUnchangedWords) {
  using kurdi::normalize_detail::standard_keeps_word;
  std::vector<std::string> pieces;
  for (char32_t cp = 0x0600; cp <= 0x06FF; ++cp) {
    std::string s;
    kurdi::text::append(s, cp);
    pieces.push_back(s);
  }
  const std::vector<std::string> more = {" ", "\u200C", "\u200D", "a", "7", "\uFEEB", "\xD9", "\x83", "\xDB\xDB"};
  pieces.insert(pieces.end(), more.begin(), more.end());
  std::size_t accepted = 0, search_accepted = 0;
  for (const auto& a : pieces)
    for (const auto& b : pieces) {
      const std::string w = a + b;
      if (standard_keeps_word(w)) {
        ++accepted;
        ASSERT_EQ(normalize(w), w) << "accepted a word the normalizer changes";
      }
      if (kurdi::normalize_detail::search_keeps_word(w)) {
        ++search_accepted;
        ASSERT_EQ(normalize(w, search()), w) << "accepted a word the search profile changes";
      }
    }
  // Three characters around the context-dependent letters.
  const std::vector<std::string> edge = {"ر", "ه", "ھ", "أ", "ؤ", "آ", "ە", "ی", "ي", "ك", "ا", "ء", "ئ", "و", "\u0640", "\u064E",
                                         "\u0654", "\u200C", "٣", "ڕ", "ۆ", "ڵ", " ", "a"};
  for (const auto& a : edge)
    for (const auto& b : edge)
      for (const auto& c : edge) {
        const std::string w = a + b + c;
        if (standard_keeps_word(w)) {
          ASSERT_EQ(normalize(w), w) << "accepted a word the normalizer changes";
        }
        if (kurdi::normalize_detail::search_keeps_word(w)) {
          ASSERT_EQ(normalize(w, search()), w) << "accepted a word the search profile changes";
        }
      }
  EXPECT_GT(accepted, 10000u);  // most pairs of letters pass
  EXPECT_GT(search_accepted, 8000u);
  EXPECT_LT(search_accepted, accepted);
  // Real words: the check is a fast path only if it takes them.
  for (const char* w : {"بەرپرسەکانی", "هەموو", "کوردستان", "ڕۆژ", "گوڵەکانم", "ئەمریکا", "مەهاباد"})
    EXPECT_TRUE(standard_keeps_word(w)) << w;
  // ...and leaves every word that needs a rule to the normalizer.
  for (const char* w : {"", "رۆژ", "به", "كورد", "ڕێگەى", "جیھان", "به\u200Cهێز", "کورد ", "1999", "ک\u0640ورد"})
    EXPECT_FALSE(standard_keeps_word(w)) << w;
  // The search profile: hamza carriers fold, and a word with ه may be repaired.
  for (const char* w : {"بەرپرسەکانی", "کوردستان", "ڕۆژ"}) EXPECT_TRUE(kurdi::normalize_detail::search_keeps_word(w)) << w;
  for (const char* w : {"هەموو", "مەهاباد", "ئهو", "أحمد", "مسؤول", "رۆژ"})
    EXPECT_FALSE(kurdi::normalize_detail::search_keeps_word(w)) << w;
}


// The normalizer writes into a string whose size runs ahead of the writes
// (block copies store past the end of a run). What it leaves behind must be
// the size of the output, not of its work space: callers keep the strings
// (a term cache of an indexer held 2 GB when every call left 64 KiB of
// capacity), and a short word must not need a heap block at all.
TEST(Normalize, LeavesNoWorkSpaceBehind) {
  const std::string short_word = "كوردى";  // 10 bytes, two rules apply
  EXPECT_EQ(normalize(short_word), "کوردی");
  EXPECT_LE(normalize(short_word).capacity(), std::string().capacity() + 16);
  std::string text;
  for (int k = 0; k < 2000; ++k) text += "ئەو كتێبانەى ـ  لە ڕۆژى ١٩٩١دا ";
  const std::string out = normalize(text);
  EXPECT_LE(out.capacity(), text.size() + text.size() / 16 + 64);
  // Appending calls into one string: each adds its own output, no more.
  std::string all;
  std::size_t expected = 0;
  for (int k = 0; k < 1000; ++k) {
    kurdi::normalize_into(short_word, {}, all);
    expected += std::string("کوردی").size();
    ASSERT_EQ(all.size(), expected);
  }
  EXPECT_LE(all.capacity(), 2 * expected + 64);
}

TEST(NormalizeOffsets, MapPointsBackIntoTheOriginal) {
  const std::string in = "\uFEFFره\u200cنگ\u064e كاني";
  kurdi::OffsetMap map;
  const std::string out = normalize(in, {}, &map);
  ASSERT_EQ(out, "ڕەنگ کانی");
  EXPECT_EQ(map.to_input(0), 3u);                 // after the BOM
  EXPECT_EQ(map.to_input(out.find(' ')), in.find(' '));  // the space lines up
  EXPECT_EQ(map.to_input(out.size()), in.size());
  std::size_t prev = 0;
  for (std::size_t o = 0; o <= out.size(); ++o) {
    EXPECT_GE(map.to_input(o), prev);
    prev = map.to_input(o);
  }
}

TEST(NormalizeOffsets, UnchangedTextHasNoAnchors) {
  kurdi::OffsetMap map;
  normalize("ڕێگەی ئاڵۆز", {}, &map);
  EXPECT_TRUE(map.anchors().empty());
}

TEST(NormalizeOptions, ParseProfile) {
  EXPECT_EQ(kurdi::parse_profile("search"), Profile::search);
  EXPECT_FALSE(kurdi::parse_profile("Search").has_value());
  EXPECT_EQ(kurdi::profile_name(Profile::standard), "standard");
}

TEST(SafeSplit, CutsAfterWhitespaceOnly) {
  EXPECT_EQ(kurdi::safe_split_point("ab cd"), 3u);
  EXPECT_EQ(kurdi::safe_split_point("abcd"), 0u);
  EXPECT_EQ(kurdi::safe_split_point("a\nb"), 2u);
  // Normalizing the two halves gives the same text as the whole.
  const std::string text = "ئەوه رۆژ ـ ١٬٠٠٠ کتێبه";
  const std::size_t cut = kurdi::safe_split_point(std::string_view(text).substr(0, 20));
  ASSERT_GT(cut, 0u);
  EXPECT_EQ(normalize(text.substr(0, cut)) + normalize(text.substr(cut)), normalize(text));
}

}  // namespace
