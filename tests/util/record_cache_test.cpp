// RecordCache: what a host keeps per word (include/kurdi/record_cache.hpp).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "kurdi/record_cache.hpp"

namespace {

// (Built with append: operator+ chains trip g++ 12's -Wrestrict false positive.)
std::string record_for(const std::string& word) {
  std::string r = "terms of ";
  r.append(word);
  r.append(word.size() % 5, '\0');
  return r;
}

TEST(RecordCache, KeepsWhatItIsGiven) {
  kurdi::RecordCache cache(16);
  EXPECT_FALSE(cache.find("بەرپرس"));
  EXPECT_EQ(cache.insert("بەرپرس", "a\0b"), std::string_view("a\0b"));
  ASSERT_TRUE(cache.find("بەرپرس"));
  EXPECT_EQ(*cache.find("بەرپرس"), std::string_view("a\0b"));
  // Empty words and empty records are kept like any other.
  EXPECT_EQ(cache.insert("", ""), "");
  ASSERT_TRUE(cache.find(""));
  EXPECT_EQ(*cache.find(""), "");
  EXPECT_EQ(cache.insert("x", ""), "");
  ASSERT_TRUE(cache.find("x"));
  EXPECT_EQ(cache.find("x")->size(), 0u);
  // A prefix or an extension of a kept word is another word.
  EXPECT_FALSE(cache.find("بەرپر"));
  EXPECT_FALSE(cache.find(std::string("بەرپرس") + '\0'));
  EXPECT_EQ(cache.size(), 3u);
}

TEST(RecordCache, StaysBoundedAndAgreesWithAMap) {
  // Many more words than it holds, in a skewed order: growth of the index,
  // turnovers, copies back from the old generation. Whatever it returns
  // must be the record given for that word.
  kurdi::RecordCache cache(64);
  std::map<std::string, std::string> given;
  unsigned x = 7;
  std::size_t hits = 0;
  for (int i = 0; i < 20000; ++i) {
    x = x * 1103515245u + 12345u;
    const unsigned k = ((x >> 16) % 500) * ((x >> 4) % 500) / 500;  // low numbers come up more often
    std::string word = "وشە";
    word.append(std::to_string(k));
    if (auto hit = cache.find(word)) {
      ++hits;
      ASSERT_EQ(*hit, given.at(word)) << word;
    } else {
      given[word] = record_for(word);
      ASSERT_EQ(cache.insert(word, given[word]), given[word]);
    }
    ASSERT_LE(cache.size(), 64u);
  }
  // Frequent words stay. (About 39 % of these lookups are for the 64 most
  // frequent words, the most a 64-word cache could hit; it hits 18 %.)
  EXPECT_GT(hits, 2500u);
}

TEST(RecordCache, AWordFoundInTheOldGenerationSurvivesItsTurnover) {
  // Two words per generation: after a, b, c, d the old generation holds a
  // and b, the young one c and d (full). Finding a copies it back, which
  // turns the generations over and drops the one a came from.
  kurdi::RecordCache cache(4);
  for (const char* w : {"a", "b", "c", "d"}) cache.insert(w, std::string("record ").append(w));
  ASSERT_TRUE(cache.find("a"));
  EXPECT_EQ(*cache.find("a"), "record a");
  EXPECT_FALSE(cache.find("b"));  // dropped with its generation
  ASSERT_TRUE(cache.find("c"));
  EXPECT_EQ(*cache.find("c"), "record c");
}

TEST(RecordCache, LongWordsAndLargeRecordsAreReturnedButNotKept) {
  kurdi::RecordCache cache(16, 1024);
  const std::string long_word(kurdi::RecordCache::kMaxWord + 1, 'a');
  EXPECT_EQ(cache.insert(long_word, "r"), "r");
  EXPECT_FALSE(cache.find(long_word));
  const std::string big(2000, 'r');
  EXPECT_EQ(cache.insert("w", big), big);
  EXPECT_FALSE(cache.find("w"));
  // The byte limit turns generations over before the word limit does.
  for (int i = 0; i < 40; ++i) cache.insert(std::string("k").append(std::to_string(i)), std::string(100, 'v'));
  EXPECT_LT(cache.size(), 20u);
  ASSERT_TRUE(cache.find("k39"));
  EXPECT_EQ(*cache.find("k39"), std::string(100, 'v'));
}

}  // namespace
