// Lucene's Sorani stemmer, reproduced: `kurdi stem --mode lucene`.
//
// Lucene 8's SoraniStemFilter strips suffixes by ordered rules, each with a
// length guard and no lexicon. Users with an existing Lucene, Solr or
// Elasticsearch index need the same terms, so this mode gives exactly
// Lucene's output for the same input string; it is not kurdi's stemmer
// (kurdi::stems) and inherits Lucene's defects (ANCHORS.md). The rules below
// were written down from Lucene's behaviour and checked against Lucene 8.7
// itself (tests/morph/lucene_stem_golden.tsv, tests/morph/lucene_live_test.sh).
//
// Lucene measures length in UTF-16 code units, so a guard here counts those
// too: a letter outside the Basic Multilingual Plane (an emoji) counts two.
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "kurdi/morph.hpp"
#include "morph/word.hpp"

namespace kurdi {
namespace {

/// A suffix is stripped when the word ends in it and is longer than
/// `longer_than` UTF-16 units at that point; `keep`, the suffix's first
/// letter or none, stays.
struct Rule {
  std::string_view suffix;
  unsigned longer_than;
  std::string_view keep = {};
};

// Each stage applies its first matching rule, if any. Stage 1, a
// postposition: دا, نا (only its ا goes), ەوە. Stage 2, a possessive clitic.
// Stage 3: indefinite + ezafe, indefinite, definite, definite plural,
// plural + ezafe, plural, demonstrative plural, demonstrative (ایە and ەیە
// lose only their یە), ezafe.
constexpr std::array<Rule, 3> kPostpositions = {{{"دا", 5}, {"نا", 4, "ن"}, {"ەوە", 6}}};
constexpr std::array<Rule, 3> kPossessives = {{{"مان", 6}, {"یان", 6}, {"تان", 6}}};
constexpr std::array<Rule, 18> kFinal = {{
    {"ێکی", 6},  {"یەکی", 7}, {"ێک", 5},   {"یەک", 6},  {"ەکە", 6},      {"کە", 5},
    {"ەکان", 7}, {"کان", 6},  {"یانی", 7}, {"انی", 6},  {"یان", 6},      {"ان", 5},
    {"یانە", 7}, {"انە", 6},  {"ایە", 5, "ا"}, {"ەیە", 5, "ە"}, {"ە", 4}, {"ی", 4},
}};

std::size_t utf16_units(std::string_view s) {
  std::size_t n = 0;
  for (const char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if ((b & 0xC0) != 0x80) n += b >= 0xF0 ? 2 : 1;  // a 4-byte sequence is a surrogate pair
  }
  return n;
}

}  // namespace

std::string lucene_stem(std::string_view word) {
  const std::string form = morph::normalized_word(word);
  std::string_view s = form;
  std::size_t units = utf16_units(s);
  // Every suffix is BMP letters of two UTF-8 bytes, one UTF-16 unit each.
  for (const std::span<const Rule> stage : {std::span<const Rule>(kPostpositions), std::span<const Rule>(kPossessives),
                                             std::span<const Rule>(kFinal)}) {
    for (const Rule& r : stage) {
      if (units > r.longer_than && s.ends_with(r.suffix)) {
        const std::size_t cut = r.suffix.size() - r.keep.size();
        s.remove_suffix(cut);
        units -= cut / 2;
        break;
      }
    }
  }
  return std::string(s);
}

}  // namespace kurdi
