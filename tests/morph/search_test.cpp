// The analyzer's search shortcuts give what the full search gives.
//
// The search stops growing a stem where the compiled lexicon's prefix filter
// says no key starts with it (src/morph/lexicon_format.hpp); with a user
// lexicon nothing is pruned, since its keys are not in the filter. So the
// filter must hold every prefix of every key, and a session with a user
// lexicon that explains none of the words must analyse them exactly as the
// free functions do.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/morph.hpp"
#include "kurdi/tokenize.hpp"
#include "morph/lexicon.hpp"
#include "morph/word.hpp"

namespace kurdi::morph::data {
extern const format::Slot kSlots[];
extern const std::size_t kSlotCount;
extern const std::size_t kKeyCount;
extern const char kPool[];
}  // namespace kurdi::morph::data

namespace {

// ...the first-tier filter those of every key that is not a headword only,
// the headword filter those of every headword (Kind::headword).
TEST(PrefixFilter, HoldsEveryPrefixOfEveryKey) {
  using namespace kurdi::morph;
  std::size_t checked = 0, keys = 0, headwords = 0;
  for (std::size_t s = 0; s < data::kSlotCount; ++s) {
    const format::Slot& slot = data::kSlots[s];
    if (slot.text == format::kEmptySlot) continue;
    ++keys;
    const std::string_view key(data::kPool + slot.text, slot.length);
    const Entry entry = lookup(key);
    bool headword = false, other = false;
    for (const Record& r : entry.records) (r.kind == Kind::headword ? headword : other) = true;
    headwords += headword ? 1 : 0;
    for (std::size_t n = 1; n <= key.size(); ++n) {
      if (n < key.size() && (static_cast<unsigned char>(key[n]) & 0xC0) == 0x80) continue;
      const std::uint64_t h = format::hash(key.substr(0, n));
      if (other) {
        ASSERT_TRUE(may_start_key(h)) << key.substr(0, n) << " of " << key;
      }
      if (headword) {
        ASSERT_TRUE(may_start_headword(h)) << key.substr(0, n) << " of the headword " << key;
      }
      ++checked;
    }
  }
  EXPECT_EQ(keys, data::kKeyCount);
  EXPECT_GT(checked, data::kKeyCount);
  EXPECT_GT(headwords, 30000u);  // data/lexicon/headwords.tsv
}

TEST(PrefixFilter, RejectsMostTexts) {
  // Not a contract (a false hit only costs time), but a filter that lets
  // everything through would make the search slow without failing a test.
  std::size_t hits = 0, total = 0;
  for (char32_t a = 0x0628; a <= 0x064A; ++a)
    for (char32_t b = 0x0628; b <= 0x064A; ++b) {
      std::string s = "\u0698\u06A4";  // ژڤ starts no Sorani word
      for (char32_t c : {a, b}) {
        s += static_cast<char>(0xC0 | (c >> 6));
        s += static_cast<char>(0x80 | (c & 0x3F));
      }
      hits += kurdi::morph::may_start_key(kurdi::morph::format::hash(s)) ? 1 : 0;
      ++total;
    }
  EXPECT_LT(hits * 10, total);
}

void expect_same(const std::vector<kurdi::Analysis>& a, const std::vector<kurdi::Analysis>& b, std::string_view w) {
  ASSERT_EQ(a.size(), b.size()) << w;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].lemma, b[i].lemma) << w;
    EXPECT_EQ(a[i].upos, b[i].upos) << w;
    EXPECT_EQ(a[i].features, b[i].features) << w;
    EXPECT_EQ(a[i].stem, b[i].stem) << w;
    EXPECT_EQ(a[i].known, b[i].known) << w;
    EXPECT_EQ(a[i].cost, b[i].cost) << w;
    ASSERT_EQ(a[i].morphemes.size(), b[i].morphemes.size()) << w;
    for (std::size_t m = 0; m < a[i].morphemes.size(); ++m) {
      EXPECT_EQ(a[i].morphemes[m].begin, b[i].morphemes[m].begin) << w;
      EXPECT_EQ(a[i].morphemes[m].end, b[i].morphemes[m].end) << w;
      EXPECT_EQ(a[i].morphemes[m].tag, b[i].morphemes[m].tag) << w;
    }
  }
}

std::vector<std::string> sample_words() {
  std::vector<std::string> words = {
      "بەرپرسەکانی", "گوڵەکانم",  "کوردستان",   "دەیانگوت",  "نەکراوەتەوە", "هەڵیگرت",      "هەڵیاندەگرت",
      "کارمانکرد",   "لەو",       "بەم",        "لەوەی",     "لەژێر",       "بۆماڵەوە",     "نمونە",
      "باکوری",      "دەکات",     "دەخوات",     "کراوەکان",  "کردنەکە",     "فراکسیۆنەکان", "کارتەکەی",
      "تابلۆیەکیدا", "پێوەندیی",  "ئەوروپی",    "دەریایی",   "نیشتیمانیی",  "سویدی",        "وشانە",
      "بخواردایە",   "مەکەرەوە",  "کردوویەتی",  "دەبێتە",    "گەیشتە",      "میوانێک",      "کەسانێک"};
  // and every distinct word of the seed articles, where the shared data is
  const std::filesystem::path seeds = std::filesystem::path(KURDI_SHARED_DATA) / "seeds";
  std::set<std::string> seen(words.begin(), words.end());
  if (std::filesystem::is_directory(seeds))
    for (const auto& file : std::filesystem::directory_iterator(seeds)) {
      if (file.path().filename() == "SOURCE.txt") continue;
      std::ifstream in(file.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      const std::string s = text.str();
      for (const auto& t : kurdi::tokenize(s).tokens) {
        std::string w = s.substr(t.begin, t.end - t.begin);
        if (seen.insert(w).second) words.push_back(std::move(w));
      }
    }
  return words;
}

TEST(Search, PruningChangesNoResult) {
  // زژڤ explains none of the words; with it the search prunes nothing.
  const auto user = kurdi::UserLexicon::parse("زژڤ\tPROPN\n");
  kurdi::Analyzer unpruned(1 << 16, &user);
  for (const std::string& w : sample_words()) {
    expect_same(unpruned.analyze(w), kurdi::analyze(w), w);
    EXPECT_EQ(unpruned.stems(w), kurdi::stems(w)) << w;
    EXPECT_EQ(unpruned.lemma(w), kurdi::lemma(w)) << w;
  }
}

TEST(Search, StemsAndLemmaWithoutACacheAsTheAnalyzer) {
  // morph::stems_and_lemma (the Expander's document terms) gives what an
  // Analyzer's stems() and lemma() give, with and without a user lexicon
  // (one that explains words of the sample too), for words and for what
  // normalizes to nothing; its output vectors are reused, not appended to.
  const auto user = kurdi::UserLexicon::parse("گوڵەکانم\tPROPN\nبەرپرس\tNOUN\nزژڤ\tPROPN\n");
  std::vector<std::string> words = sample_words();
  for (const char* odd : {"", " ", "\u200C", "\u0640", "abc", "123", " \u06A9\u0648\u0631\u062F "}) words.emplace_back(odd);
  for (const kurdi::UserLexicon* u : {static_cast<const kurdi::UserLexicon*>(nullptr), &user}) {
    kurdi::Analyzer analyzer(1 << 16, u);
    std::vector<std::string> stems = {"left", "over"};
    std::string lemma = "left over";
    for (const std::string& w : words) {
      kurdi::morph::stems_and_lemma(w, u, stems, lemma);
      EXPECT_EQ(stems, analyzer.stems(w)) << w;
      EXPECT_EQ(lemma, analyzer.lemma(w)) << w;
    }
  }
}

TEST(Search, HasLexiconReadingIsTheBestAnalysisKnown) {
  // The orthography repair asks morph::has_lexicon_reading of every word it
  // tries; it must say what analyze() says, guessed and unknown words
  // included (the sample has both, and words with ه that the repair reads).
  std::vector<std::string> words = sample_words();
  for (const char* odd : {"", " ", "\u200C", "abc", "ئهو", "ههموو", "لهگهڵ", "ههولێر", "فراکسیۆنهکان", "زژڤ"})
    words.emplace_back(odd);
  std::size_t known = 0;
  for (const std::string& w : words) {
    const auto analyses = kurdi::analyze(w);
    const bool expected = !analyses.empty() && analyses.front().known;
    EXPECT_EQ(kurdi::morph::has_lexicon_reading(w), expected) << w;
    known += expected;
  }
  EXPECT_GT(known, 10u);
  EXPECT_LT(known, words.size());
}

TEST(Search, LongestWordsStayInBounds) {
  // The keys the search builds live in fixed buffers sized by the longest
  // word analysed (512 bytes): words at that size, with a joined preposition
  // (ئ + word keys), single و (spelling variants one و longer) and a verb
  // prefix, are analysed without a fault and stand for themselves.
  const std::string waw = "\u0648", be = "\u0628";
  for (const std::string& start : {std::string("\u0644\u06D5"), std::string("\u062F\u06D5"), std::string()}) {
    for (std::size_t bytes : {508u, 510u, 512u, 514u}) {
      std::string w = start;
      while (w.size() + 4 <= bytes) w += waw + be;
      while (w.size() < bytes) w += be;
      const auto stems = kurdi::stems(w);
      ASSERT_EQ(stems.size(), 1u) << bytes;
      EXPECT_EQ(stems.front(), w) << bytes;
      EXPECT_FALSE(kurdi::analyze(w).empty()) << bytes;
    }
  }
}

}  // namespace
