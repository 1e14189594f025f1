#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kurdi/sentences.hpp"

namespace {

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> v;
  for (const auto& x : kurdi::sentences(s)) v.emplace_back(s.substr(x.begin, x.end - x.begin));
  return v;
}

using V = std::vector<std::string>;

TEST(Sentences, TerminalPunctuation) {
  EXPECT_EQ(split("ئەمە یەکەمە. ئەمە دووەمە؟ سێیەم! چوارەم…"),
            (V{"ئەمە یەکەمە.", "ئەمە دووەمە؟", "سێیەم!", "چوارەم…"}));
}

TEST(Sentences, EllipsisGluedToAWordDoesNotEnd) {
  EXPECT_EQ(split("بوو...لەوانەیە زیاتریش... خۆشمەوێت"),
            (V{"بوو...لەوانەیە زیاتریش...", "خۆشمەوێت"}));
}

TEST(Sentences, LineBreaksEndSentences) {
  EXPECT_EQ(split("یەکەم\nدووەم\r\n\r\nسێیەم"), (V{"یەکەم", "دووەم", "سێیەم"}));
}

TEST(Sentences, AbbreviationsAndInitials) {
  EXPECT_EQ(split("د.محمد سلمان محمد لە سەر http://dot.krd/"),
            (V{"د.محمد سلمان محمد لە سەر http://dot.krd/"}));
  EXPECT_EQ(split("ساڵی ٣٠٠ پ.ز. شارەکە دروست کرا. ئینجا"),
            (V{"ساڵی ٣٠٠ پ.ز. شارەکە دروست کرا.", "ئینجا"}));
  EXPECT_EQ(split("Dr. Smith came. Then"), (V{"Dr. Smith came.", "Then"}));
}

TEST(Sentences, DecimalsDatesUrlsAndLists) {
  EXPECT_EQ(split("نرخەکە ٣.٥ دۆلارە لە ٢٦.٧.٢٠٢١ www.rudaw.net ببینە. باشە"),
            (V{"نرخەکە ٣.٥ دۆلارە لە ٢٦.٧.٢٠٢١ www.rudaw.net ببینە.", "باشە"}));
  EXPECT_EQ(split("١. یەکەم خاڵ"), (V{"١. یەکەم خاڵ"}));
}

TEST(Sentences, ClosingQuotesStayWithTheSentence) {
  EXPECT_EQ(split("گوتی: «ئەمە باشە.» پاشان ڕۆیشت."),
            (V{"گوتی: «ئەمە باشە.»", "پاشان ڕۆیشت."}));
}

TEST(Sentences, QuoteSetOffBySpacesClosesTheSentence) {
  // Seed article 001 has closing quotes written apart from the full stop.
  EXPECT_EQ(split("نێوان هەردوولا. \"  بەپێی ڕاگەیێندراوەکە"),
            (V{"نێوان هەردوولا. \"", "بەپێی ڕاگەیێندراوەکە"}));
  EXPECT_EQ(split("کرد. \"ئەمە\" گوتی"), (V{"کرد.", "\"ئەمە\" گوتی"}));
}

TEST(Sentences, KlptCaseWithoutSpaces) {
  EXPECT_EQ(split("ئەمە تێستێکە(تێستێکە.(جا ئەگەر\".وایە بابم"),
            (V{"ئەمە تێستێکە(تێستێکە.", "(جا ئەگەر\".", "وایە بابم"}));
}

TEST(Sentences, EmptyAndBlank) {
  EXPECT_TRUE(kurdi::sentences("").empty());
  EXPECT_TRUE(kurdi::sentences(" \n\t ").empty());
}

}  // namespace
