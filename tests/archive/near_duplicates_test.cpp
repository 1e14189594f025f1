// The near-duplicate signature (archive/near_duplicates.hpp): stored values
// that must not change, and detection measured on the bundled samples.
#include "archive/near_duplicates.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using kurdi::archive::agreement;
using kurdi::archive::kNearAgreement;
using kurdi::archive::minhash;
using kurdi::archive::MinHash;

// A deterministic body of n words from a small vocabulary.
std::string generated_body(std::size_t n, std::uint64_t seed) {
  static const std::vector<std::string> words = {"کورد", "ستان", "هەولێر", "شار", "ژن",    "ئاو",
                                                 "نان",  "دەکات", "بوو",   "لە",  "بۆ",    "هێز",
                                                 "ڕۆژ",  "گوڵ",  "کتێب",  "خوێندن", "زمان", "ئازادی"};
  std::string s;
  std::uint64_t x = seed;
  for (std::size_t i = 0; i < n; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    s.append(words[(x >> 33) % words.size()]);
    s.push_back(' ');
  }
  return s;
}

// Signatures are stored in archives and compared with those of new
// documents, so their values must never change: these were computed by the
// first implementation.
TEST(MinHash, ValuesStayAsStored) {
  const auto signature = minhash(generated_body(100, 100));
  ASSERT_TRUE(signature.has_value());
  std::ostringstream first;
  for (int i = 0; i < 4; ++i) first << std::hex << (*signature)[i] << ' ';
  EXPECT_EQ(first.str(), "51d537c8 3fef4eb4 14d477ff f32a220c ");
  const auto bands = kurdi::archive::minhash_bands(*signature);
  EXPECT_EQ(bands[0] >> 56, 0);
  EXPECT_EQ(bands[7] >> 56, 7);
  EXPECT_EQ(std::to_string(bands[3]), "243235842177616037");
  // Eight shingles leave most bins empty: their values are borrowed.
  const auto short_signature = minhash(generated_body(10, 3));
  ASSERT_TRUE(short_signature.has_value());
  std::ostringstream all;
  for (const std::uint32_t v : *short_signature) all << std::hex << v << ' ';
  EXPECT_EQ(all.str(),
            "ae23f0c2 fead147 ae23f0c2 41bf7302 41bf7302 55610ef4 41bf7302 96d044ec fead147 55610ef4 96d044ec "
            "fc295896 fc295896 214c2eb2 fead147 96d044ec 55610ef4 55610ef4 41bf7302 214c2eb2 fc295896 214c2eb2 "
            "55610ef4 96d044ec fead147 41bf7302 ae23f0c2 214c2eb2 ae23f0c2 fead147 fc295896 96d044ec ");
}

TEST(MinHash, TooShortBodiesHaveNone) {
  EXPECT_FALSE(minhash(generated_body(9, 1)).has_value());  // 7 shingles
  EXPECT_TRUE(minhash(generated_body(10, 1)).has_value());  // 8
  EXPECT_FALSE(minhash("").has_value());
}

// The signature is that of the set of shingles: repeating them changes nothing.
TEST(MinHash, RepeatedShinglesCountOnce) {
  const std::string words = "ئەمڕۆ لە هەولێر کۆبوونەوەیەک بۆ بەرپرسانی هەرێم و حکومەت ئەنجام درا ";
  std::string twice, fifty;
  for (int i = 0; i < 2; ++i) twice += words;
  for (int i = 0; i < 50; ++i) fifty += words;
  const auto a = minhash(twice), b = minhash(fifty);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
}

TEST(MinHash, BlobRoundTrip) {
  const auto signature = minhash(generated_body(200, 7));
  ASSERT_TRUE(signature.has_value());
  const std::string blob = kurdi::archive::to_blob(*signature);
  EXPECT_EQ(blob.size(), 128u);
  EXPECT_EQ(kurdi::archive::from_blob(blob), signature);
  EXPECT_FALSE(kurdi::archive::from_blob(blob.substr(1)).has_value());
}

// Spelling variants and punctuation are normalized away before shingling.
TEST(MinHash, VariantSpellingsAgree) {
  const std::string standard = "ئەوە هێزێکی عێراقی بوو کە لە شاری کەرکووک بە دوای چەکدارەکاندا دەگەڕا و دوای دوو ڕۆژ گەڕایەوە";
  const std::string variant = "ئەوە هێزێكی عێراقي بوو، كە لە شاری كەركووك بە دوای چەكدارەكاندا دەگەڕا و دوای دوو ڕۆژ گەڕایەوە";
  const auto a = minhash(standard), b = minhash(variant);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(agreement(*a, *b), kurdi::archive::kMinHashes);
}

// Articles of the bundled samples cut into bodies of about 300 words.
std::vector<std::vector<std::string>> sample_bodies() {
  std::vector<std::vector<std::string>> bodies;
  std::vector<std::string> current;
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"/samples/seeds", "/samples/kurdish-lid"})
    for (const auto& entry : std::filesystem::directory_iterator(std::string(KURDI_SOURCE_DIR) + dir))
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string word;
    while (in >> word) {
      current.push_back(word);
      if (current.size() == 300) {
        bodies.push_back(std::move(current));
        current.clear();
      }
    }
  }
  return bodies;
}

std::string join(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s.append(w).push_back(' ');
  return s;
}

// Edits of 1, 5 and 10 words (each word replaced by a word from another
// body) are found; different bodies are not. On these bodies the SimHash of
// schema 3 found 73 % of the one-word edits, 11 % of the five-word and 3 %
// of the ten-word ones; this signature finds 100 %, 100 % and 98 %.
TEST(MinHash, FindsEditedCopiesAndNothingElse) {
  const auto bodies = sample_bodies();
  ASSERT_GE(bodies.size(), 100u);
  std::vector<MinHash> signatures;
  for (const auto& b : bodies) signatures.push_back(*minhash(join(b)));

  std::uint64_t x = 42;
  auto next = [&x] { return (x = x * 6364136223846793005ull + 1442695040888963407ull) >> 33; };
  for (const int edits : {1, 5, 10}) {
    int found = 0;
    for (std::size_t i = 0; i < bodies.size(); ++i) {
      std::vector<std::string> edited = bodies[i];
      for (int e = 0; e < edits; ++e) {
        const auto& donor = bodies[(i + 1 + next() % (bodies.size() - 1)) % bodies.size()];
        edited[next() % edited.size()] = donor[next() % donor.size()];
      }
      found += agreement(signatures[i], *minhash(join(edited))) >= kNearAgreement;
    }
    const double share = static_cast<double>(found) / static_cast<double>(bodies.size());
    RecordProperty("found_" + std::to_string(edits), std::to_string(share));
    // Every one-word edit; nearly every five- and ten-word one.
    const double expected = edits == 1 ? 1.0 : edits == 5 ? 0.98 : 0.90;
    EXPECT_GE(share, expected) << edits << " words changed: " << found << " of " << bodies.size();
  }
  int false_pairs = 0, candidates = 0;
  for (std::size_t i = 0; i < signatures.size(); ++i) {
    const auto bi = kurdi::archive::minhash_bands(signatures[i]);
    for (std::size_t j = i + 1; j < signatures.size(); ++j) {
      false_pairs += agreement(signatures[i], signatures[j]) >= kNearAgreement;
      const auto bj = kurdi::archive::minhash_bands(signatures[j]);
      for (int k = 0; k < kurdi::archive::kBands; ++k)
        if (bi[k] == bj[k]) {
          ++candidates;
          break;
        }
    }
  }
  EXPECT_EQ(false_pairs, 0);
  EXPECT_EQ(candidates, 0);
}

// Two signatures that agree on kNearAgreement values share a band key only
// when they agree on a whole band; an edited copy does.
TEST(MinHash, EditedCopiesShareABand) {
  const auto bodies = sample_bodies();
  ASSERT_FALSE(bodies.empty());
  auto edited = bodies[0];
  edited[100] = "گۆڕدرا";
  const auto a = kurdi::archive::minhash_bands(*minhash(join(bodies[0])));
  const auto b = kurdi::archive::minhash_bands(*minhash(join(edited)));
  int shared = 0;
  for (int k = 0; k < kurdi::archive::kBands; ++k) shared += a[k] == b[k];
  EXPECT_GE(shared, 1);
}

}  // namespace
