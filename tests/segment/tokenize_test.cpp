#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "kurdi/tokenize.hpp"

namespace {

struct Tok {
  std::string text, type, norm;
  bool operator==(const Tok&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Tok& t) {
  return os << t.type << ":" << t.text << "->" << t.norm;
}

std::vector<Tok> toks(std::string_view s) {
  const kurdi::Tokens t = kurdi::tokenize(s);
  std::vector<Tok> v;
  for (const auto& k : t.tokens) {
    v.push_back({std::string(s.substr(k.begin, k.end - k.begin)),
                 std::string(kurdi::token_type_name(k.type)), std::string(t.norm(k))});
  }
  return v;
}

std::vector<std::string> types(std::string_view s) {
  std::vector<std::string> v;
  for (const auto& t : toks(s)) v.push_back(t.type);
  return v;
}

TEST(Tokenize, SoraniWordsKeepZwnjAndHarakatInside) {
  const auto t = toks("ره\u200cنگه\u200cكاني عەقڵَ");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], (Tok{"ره\u200cنگه\u200cكاني", "word", "ڕەنگەکانی"}));
  EXPECT_EQ(t[1], (Tok{"عەقڵَ", "word", "عەقڵ"}));
}

TEST(Tokenize, PunctuationAndGuillemets) {
  EXPECT_EQ(types("«کورد»، باشە؟"),
            (std::vector<std::string>{"punct", "word", "punct", "punct", "word", "punct"}));
  EXPECT_EQ(toks("چی...")[1], (Tok{"...", "punct", "..."}));
}

TEST(Tokenize, NumbersDatesTimes) {
  EXPECT_EQ(toks("٢٦/٧/٢٠٢١")[0].type, "date");
  EXPECT_EQ(toks("2021-07-26")[0].type, "date");
  EXPECT_EQ(toks("١٠:٣٠")[0].type, "time");
  EXPECT_EQ(toks("٣٫٥")[0], (Tok{"٣٫٥", "number", "٣٫٥"}));
  EXPECT_EQ(toks("1,000.5")[0].text, "1,000.5");
  EXPECT_EQ(toks("٪٢٠")[0], (Tok{"٪٢٠", "number", "٪٢٠"}));
  EXPECT_EQ(toks("-5")[0].text, "-5");
  EXPECT_EQ(types("1.2.3.4"), (std::vector<std::string>{"number"}));
}

TEST(Tokenize, NumberWithSuffix) {
  EXPECT_EQ(toks("١٩٩٩دا"), (std::vector<Tok>{{"١٩٩٩", "number", "١٩٩٩"}, {"دا", "suffix", "دا"}}));
  EXPECT_EQ(toks("40%ی"), (std::vector<Tok>{{"40%", "number", "40%"}, {"ی", "suffix", "ی"}}));
  EXPECT_EQ(toks("٢٠١٤ەوە")[1].type, "suffix");
}

TEST(Tokenize, WebThings) {
  EXPECT_EQ(toks("سەیری https://www.rudaw.net/sorani/news?id=1. بکە")[1],
            (Tok{"https://www.rudaw.net/sorani/news?id=1", "url",
                 "https://www.rudaw.net/sorani/news?id=1"}));
  EXPECT_EQ(toks("info@kurdistan24.net")[0].type, "email");
  EXPECT_EQ(toks("#کوردستان")[0], (Tok{"#کوردستان", "hashtag", "#کوردستان"}));
  EXPECT_EQ(toks("@rudaw_net")[0].type, "mention");
  EXPECT_EQ(toks("👨\u200D👩\u200D👧 🇮🇶 1️⃣"),
            (std::vector<Tok>{{"👨\u200D👩\u200D👧", "emoji", "👨\u200D👩\u200D👧"},
                              {"🇮🇶", "emoji", "🇮🇶"},
                              {"1️⃣", "emoji", "1️⃣"}}));
}

TEST(Tokenize, LatinWordsAndScriptChanges) {
  EXPECT_EQ(toks("řoj'awa"), (std::vector<Tok>{{"řoj'awa", "latin", "řoj'awa"}}));
  EXPECT_EQ(types("SARS-CoV-2ی"),
            (std::vector<std::string>{"latin", "punct", "latin", "punct", "number", "suffix"}));
  EXPECT_EQ(types("کوردKurd"), (std::vector<std::string>{"word", "latin"}));
}

TEST(Tokenize, OffsetsAreMonotonicAndSliceTheOriginal) {
  const std::string s = "\uFEFF ئەوه‌ی\u200F «رۆژ» ١٩٩٩دا ﻻ کـــورد  \xFF end";
  const kurdi::Tokens t = kurdi::tokenize(s);
  std::size_t prev = 0;
  for (const auto& k : t.tokens) {
    EXPECT_LT(k.begin, k.end);
    EXPECT_GE(k.begin, prev);
    EXPECT_LE(k.end, s.size());
    const std::string slice = s.substr(k.begin, k.end - k.begin);
    EXPECT_EQ(slice.find(' '), std::string::npos) << slice;
    prev = k.end;
  }
}

TEST(Tokenize, LongRunsAreCutAtTheLengthCap) {
  std::string s;
  for (int i = 0; i < 600; ++i) s += "کو";  // 2400 bytes, no space
  kurdi::TokenizeOptions o;
  o.max_token_bytes = 1000;
  const kurdi::Tokens t = kurdi::tokenize(s, o);
  ASSERT_EQ(t.tokens.size(), 3u);
  EXPECT_EQ(t.tokens[0].end, t.tokens[1].begin);
  EXPECT_EQ(t.tokens[2].end, s.size());
  for (const auto& k : t.tokens) EXPECT_LE(k.end - k.begin, 1000u);
}

TEST(Tokenize, SearchProfileForms) {
  kurdi::TokenizeOptions o;
  o.normalize.profile = kurdi::Profile::search;
  const kurdi::Tokens t = kurdi::tokenize("Kurdistan ٢٠٢١", o);
  ASSERT_EQ(t.tokens.size(), 2u);
  EXPECT_EQ(t.norm(t.tokens[0]), "kurdistan");
  EXPECT_EQ(t.norm(t.tokens[1]), "2021");
}

}  // namespace

// The word scan takes 32 bytes per step (AVX2, or two SSE2 checks under
// KURDI_SIMD=sse2) only while 33 bytes remain, so a text tokenized whole
// goes through it and the same text cut into short pieces after white space
// does not (16-byte and scalar steps). Both must find the same tokens (the
// streaming contract: a cut after white space changes nothing). Words mix
// every character of U+0600..U+06FF with ZWNJ, marks and other scripts.
TEST(Tokenize, WordScanAgreesWithShortPieces) {
  std::vector<std::string> pieces;
  for (char32_t cp = 0x0600; cp <= 0x06FF; ++cp) {
    std::string s;
    if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    pieces.push_back(s);
  }
  for (const char* extra : {"ک", "و", "ر", "د", "ە", "ی", "ا", "\u200C", "\u064E", "\u0654", "ܐ", "ހ",
                            "a", "7", "٣", "-", ".", "،", "é", "ß", "\u0301", "😀", "\u200D"}) {
    for (int k = 0; k < 6; ++k) pieces.push_back(extra);
  }
  std::mt19937 rng(20261122);
  std::uniform_int_distribution<std::size_t> word_len(1, 14), words(1, 40), pick(0, pieces.size() - 1);
  for (int k = 0; k < 3000; ++k) {
    std::string text;
    std::vector<std::size_t> cuts;  // after each space
    for (std::size_t w = words(rng); w > 0; --w) {
      std::string word;
      for (std::size_t n = word_len(rng); n > 0; --n) word += pieces[pick(rng)];
      if (word.size() > 30) word.resize(30);  // pieces stay under 33 bytes
      while (!word.empty() && (static_cast<unsigned char>(word.back()) & 0xC0) == 0xC0) word.pop_back();
      text += word;
      text += ' ';
      cuts.push_back(text.size());
    }
    struct Span {
      std::size_t begin, end;
      std::string norm;
      kurdi::TokenType type;
    };
    const kurdi::Tokens whole = kurdi::tokenize(text);
    std::vector<Span> expected;
    std::size_t from = 0;
    for (const std::size_t cut : cuts) {
      const kurdi::Tokens part = kurdi::tokenize(std::string_view(text).substr(from, cut - from));
      for (const kurdi::Token& t : part.tokens)
        expected.push_back({t.begin + from, t.end + from, std::string(part.norm(t)), t.type});
      from = cut;
    }
    std::vector<Span> got;
    for (const kurdi::Token& t : whole.tokens) got.push_back({t.begin, t.end, std::string(whole.norm(t)), t.type});
    ASSERT_EQ(got.size(), expected.size()) << "case " << k;
    for (std::size_t i = 0; i < got.size(); ++i) {
      ASSERT_EQ(got[i].begin, expected[i].begin) << "case " << k << " token " << i;
      ASSERT_EQ(got[i].end, expected[i].end) << "case " << k << " token " << i;
      ASSERT_EQ(got[i].norm, expected[i].norm) << "case " << k << " token " << i;
      ASSERT_EQ(got[i].type, expected[i].type) << "case " << k << " token " << i;
    }
  }
}
