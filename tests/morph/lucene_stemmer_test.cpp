// kurdi's search stemmer against Lucene's SoraniStemFilter: Lucene's own test
// vectors give Lucene's stem except where tests/morph/lucene_stemmer_differences.tsv
// says why not, and every stemmer defect of ANCHORS.md is absent.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "kurdi/morph.hpp"

namespace {

std::vector<std::vector<std::string>> rows(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> out;
  std::string line;
  bool header = path.ends_with("vectors.tsv");
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> cols;
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    out.push_back(cols);
  }
  return out;
}

TEST(LuceneStemmer, VectorsAgreeOrDifferForAReason) {
  const auto vectors = rows(KURDI_SOURCE_DIR "/tests/golden/vectors/lucene_stemmer_vectors.tsv");
  ASSERT_EQ(vectors.size(), 22u);
  std::map<std::string, std::vector<std::string>> differences;
  for (const auto& d : rows(KURDI_SOURCE_DIR "/tests/morph/lucene_stemmer_differences.tsv")) {
    ASSERT_EQ(d.size(), 4u);
    differences[d[0]] = d;
  }
  std::size_t same = 0;
  for (const auto& v : vectors) {
    ASSERT_EQ(v.size(), 2u);
    // (Lucene's last vector is the empty string, which has no stems here.)
    const auto stems = kurdi::stems(v[0]);
    const std::string ours = stems.empty() ? std::string() : stems.front();
    const auto d = differences.find(v[0]);
    if (d == differences.end()) {
      EXPECT_EQ(ours, v[1]) << v[0] << ": differs from Lucene without a row in lucene_stemmer_differences.tsv";
      ++same;
    } else {
      EXPECT_EQ(d->second[1], v[1]) << v[0];
      EXPECT_EQ(ours, d->second[2]) << v[0] << ": the documented difference no longer holds";
    }
  }
  EXPECT_EQ(same + differences.size(), vectors.size());
}

// ANCHORS.md, "Known defects": Lucene cuts -ەکانی at انی (بەرپرسەکانی -> بەرپرسەک), leaves -م, -ت,
// -یش alone (گوڵەکانم unchanged), and a naive -ان rule turns کوردستان into کوردست.
TEST(LuceneStemmer, AnchorDefectsAreAbsent) {
  EXPECT_EQ(kurdi::stems("بەرپرسەکانی").front(), "بەرپرس");
  EXPECT_EQ(kurdi::stems("گوڵەکانم").front(), "گوڵ");
  EXPECT_EQ(kurdi::stems("کتێبەکەت").front(), "کتێب");
  EXPECT_EQ(kurdi::stems("کتێبەکانیش").front(), "کتێب");
  EXPECT_EQ(kurdi::stems("کوردستان"), std::vector<std::string>{"کوردستان"});
}

// --- kurdi::lucene_stem: Lucene's own rules, for index parity (stem --mode lucene) ---

TEST(LuceneMode, AgreesWithEveryLuceneVector) {
  const auto vectors = rows(KURDI_SOURCE_DIR "/tests/golden/vectors/lucene_stemmer_vectors.tsv");
  ASSERT_EQ(vectors.size(), 22u);
  for (const auto& v : vectors) EXPECT_EQ(kurdi::lucene_stem(v[0]), v[1]) << v[0];
}

// Lucene 8.7's output on probes for every rule's length guard and on words of
// samples/, recorded by tests/morph/lucene_live_test.sh --write.
TEST(LuceneMode, ReproducesLuceneOnTheGoldenWords) {
  const auto golden = rows(KURDI_SOURCE_DIR "/tests/morph/lucene_stem_golden.tsv");
  ASSERT_GT(golden.size(), 5000u);
  std::size_t differ = 0;
  for (const auto& g : golden) {
    ASSERT_EQ(g.size(), 2u);
    if (kurdi::lucene_stem(g[0]) != g[1] && ++differ <= 10)
      ADD_FAILURE() << g[0] << ": Lucene " << g[1] << ", kurdi " << kurdi::lucene_stem(g[0]);
  }
  EXPECT_EQ(differ, 0u);
}

// The mode keeps Lucene's defects (that is its point), kurdi's stemmer does not.
TEST(LuceneMode, KeepsLucenesDefects) {
  EXPECT_EQ(kurdi::lucene_stem("بەرپرسەکانی"), "بەرپرسەک");
  EXPECT_EQ(kurdi::lucene_stem("گوڵەکانم"), "گوڵەکانم");
  EXPECT_EQ(kurdi::lucene_stem("کوردستان"), "کوردس");  // تان read as the clitic
  // It normalizes first: Arabic kaf and yeh.
  EXPECT_EQ(kurdi::lucene_stem("پیاوەكاني"), kurdi::lucene_stem("پیاوەکانی"));
  EXPECT_EQ(kurdi::lucene_stem(""), "");
}

}  // namespace
