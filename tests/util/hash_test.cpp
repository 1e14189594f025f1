#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "util/hash.hpp"

namespace {

using kurdi::util::hash_bytes;

// Every string of up to two bytes, and every length up to 40 of a longer
// string's prefixes and of strings that differ in one byte or in a trailing
// NUL: no two may share a hash (64-bit: a collision among these few
// thousand would mean a broken mix, not bad luck).
TEST(HashBytes, DistinctInputsGiveDistinctHashes) {
  const std::uint64_t seed = 0x1234;
  std::set<std::uint64_t> seen;
  std::size_t inputs = 0;
  auto add = [&](const std::string& s) {
    ++inputs;
    seen.insert(hash_bytes(s, seed));
  };
  add("");
  for (int a = 0; a < 256; ++a) {
    add(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) add(std::string{static_cast<char>(a), static_cast<char>(b)});
  }
  const std::string word = "بەرپرسەکانیشمانەوە";  // 36 bytes: every path of the function
  for (std::size_t n = 3; n <= word.size(); ++n) {
    std::string s = word.substr(0, n);
    add(s);
    add(s + '\0');
    for (std::size_t i = 0; i < n; ++i) {
      std::string t = s;
      t[i] = static_cast<char>(t[i] ^ 1);
      add(t);
    }
  }
  EXPECT_EQ(seen.size(), inputs);
}

TEST(HashBytes, TheSeedChangesEveryHash) {
  for (const std::string s : {"", "a", "ڕۆژ", "کوردستان", "بەرپرسەکانیشمانەوە"})
    EXPECT_NE(hash_bytes(s, 1), hash_bytes(s, 2)) << s;
}

// The caches index by the low bits and compare the high 32 as a tag: both
// must spread words evenly. 65,536 random Sorani-like words into 256
// buckets by each: every bucket within 35 % of the mean (256 expected).
TEST(HashBytes, LowAndHighBitsSpreadWords) {
  std::mt19937 rng(7);
  const std::vector<std::string> letters = {"ا", "ب", "پ", "ت", "ج", "چ", "ح", "خ", "د", "ر", "ڕ", "ز", "ژ", "س", "ش",
                                            "ع", "غ", "ف", "ڤ", "ق", "ک", "گ", "ل", "ڵ", "م", "ن", "ه", "ە", "و", "ۆ",
                                            "ی", "ێ"};
  std::uniform_int_distribution<std::size_t> len(1, 14), pick(0, letters.size() - 1);
  std::vector<int> low(256), high(256);
  std::set<std::string> words;
  while (words.size() < 65536) {
    std::string w;
    for (std::size_t n = len(rng); n > 0; --n) w += letters[pick(rng)];
    words.insert(w);
  }
  for (const std::string& w : words) {
    const std::uint64_t h = hash_bytes(w, 99);
    ++low[h & 255];
    ++high[h >> 56];
  }
  for (int b = 0; b < 256; ++b) {
    EXPECT_GT(low[b], 166) << "low bucket " << b;
    EXPECT_LT(low[b], 346) << "low bucket " << b;
    EXPECT_GT(high[b], 166) << "high bucket " << b;
    EXPECT_LT(high[b], 346) << "high bucket " << b;
  }
}

}  // namespace
