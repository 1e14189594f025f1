// The compiled guess-stem table (src/morph/guess_stems.hpp) against the file
// it was compiled from, data/lexicon/guess_stems.tsv: every row is found
// with its count, and nothing else is found.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "morph/guess_stems.hpp"
#include "morph/lexicon_format.hpp"

namespace {

unsigned marked(std::string_view stem) { return kurdi::morph::marked_forms(stem, kurdi::morph::format::hash(stem)); }

std::vector<std::pair<std::string, unsigned>> rows() {
  std::ifstream in(KURDI_SOURCE_DIR "/data/lexicon/guess_stems.tsv");
  std::vector<std::pair<std::string, unsigned>> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    out.emplace_back(line.substr(0, tab), static_cast<unsigned>(std::stoul(line.substr(tab + 1))));
  }
  return out;
}

TEST(GuessStems, EveryRowIsFoundWithItsCount) {
  const auto all = rows();
  ASSERT_GT(all.size(), 10000u);  // (the file was read)
  std::size_t wrong = 0;
  for (const auto& [stem, count] : all) {
    if (marked(stem) == count) continue;
    if (++wrong <= 5) ADD_FAILURE() << stem << ": " << marked(stem) << ", want " << count;
  }
  EXPECT_EQ(wrong, 0u);
}

TEST(GuessStems, OtherStringsAreNotFound) {
  EXPECT_EQ(marked(""), 0u);
  EXPECT_EQ(marked("زژڤ"), 0u);
  // Strings next to the rows: a letter added at either end, the last one
  // taken away (its two bytes: the table holds Arabic-script words).
  const auto all = rows();
  std::set<std::string> keys;
  for (const auto& row : all) keys.insert(row.first);
  std::size_t tried = 0, found = 0;
  for (std::size_t i = 0; i < all.size(); i += 20) {
    const std::string& stem = all[i].first;
    for (const std::string& other : {stem + "ژ", "ژ" + stem, stem.substr(0, stem.size() - 2)}) {
      if (keys.count(other) != 0) continue;
      ++tried;
      if (marked(other) != 0 && ++found <= 5) ADD_FAILURE() << other << " found";
    }
  }
  EXPECT_GT(tried, 2000u);
  EXPECT_EQ(found, 0u);
}

}  // namespace
