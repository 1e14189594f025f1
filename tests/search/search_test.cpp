// kurdi::search: index terms, the query parser and cross-script readings.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "kurdi/morph.hpp"
#include "kurdi/search.hpp"
#include "kurdi/tokenize.hpp"

namespace {

using kurdi::TokenType;
using kurdi::search::Expander;
using kurdi::search::Query;
using kurdi::search::Term;

// The search-profile form of a single word, as a host gets it.
std::string form_of(std::string_view word) {
  const kurdi::Tokens t = kurdi::tokenize(word, kurdi::search::search_tokenize_options());
  EXPECT_EQ(t.tokens.size(), 1u) << word;
  return t.tokens.empty() ? std::string() : std::string(t.norm(t.tokens[0]));
}

std::vector<std::string> stems_of(const std::vector<Term>& terms) {
  std::vector<std::string> out;
  for (const Term& t : terms) {
    if (!t.exact) out.push_back(t.text);
  }
  return out;
}

bool has_exact(const std::vector<Term>& terms, std::string_view text) {
  return std::any_of(terms.begin(), terms.end(), [&](const Term& t) { return t.exact && t.text == text; });
}

// An exact term that is the word's own form or a Latin word's reading.
bool has_form(const std::vector<Term>& terms, std::string_view text) {
  return std::any_of(terms.begin(), terms.end(),
                     [&](const Term& t) { return t.exact && !t.derived && t.text == text; });
}

TEST(SearchTerms, ExactFormFirstThenStems) {
  Expander e;
  const auto terms = e.document_terms(form_of("بەرپرسەکانی"), TokenType::word);
  ASSERT_GE(terms.size(), 2u);
  EXPECT_TRUE(terms[0].exact);
  EXPECT_EQ(terms[0].text, "بەرپرسەکانی");
  EXPECT_EQ(stems_of(terms), std::vector<std::string>{"بەرپرس"});
}

TEST(SearchTerms, VerbFormsGiveTheInfinitive) {
  Expander e;
  for (const char* w : {"دەکرێت", "نەکراوەتەوە"}) {
    const auto stems = stems_of(e.document_terms(form_of(w), TokenType::word));
    EXPECT_NE(std::find(stems.begin(), stems.end(), "کردن"), stems.end()) << w;
  }
}

TEST(SearchTerms, NoDuplicatesAndAmbiguityKept) {
  Expander e;
  // کوردی is کوردی or کورد + ی. Stored: the form and the stem کورد (a stem
  // equal to the form is not stored again).
  const auto doc = e.document_terms(form_of("کوردی"), TokenType::word);
  EXPECT_EQ(stems_of(doc), std::vector<std::string>{"کورد"});
  // Queried: both stems as stem terms, each once, and کورد as a written form.
  const auto query = e.query_terms(form_of("کوردی"), TokenType::word);
  const auto stems = stems_of(query);
  EXPECT_EQ(std::count(stems.begin(), stems.end(), "کورد"), 1);
  EXPECT_EQ(std::count(stems.begin(), stems.end(), "کوردی"), 1);
  EXPECT_TRUE(has_exact(query, "کورد"));
}

TEST(SearchTerms, UninflectedWordsStoreOnlyTheirForm) {
  Expander e;
  const auto doc = e.document_terms(form_of("ئەمریکا"), TokenType::word);
  ASSERT_EQ(doc.size(), 1u);
  EXPECT_EQ(doc[0].text, "ئەمریکا");
  // A query for an inflected form looks the stem up as a written form too
  // (derived), so it still finds the bare word; and as a stem term, so it
  // finds other inflections.
  const auto query = e.query_terms(form_of("ئەمریکادا"), TokenType::word);
  ASSERT_GE(query.size(), 3u);
  EXPECT_EQ(query[0].text, "ئەمریکادا");
  EXPECT_TRUE(query[0].exact && !query[0].derived);
  const auto derived = std::find_if(query.begin(), query.end(), [](const Term& t) { return t.derived; });
  ASSERT_NE(derived, query.end());
  EXPECT_EQ(derived->text, "ئەمریکا");
  EXPECT_TRUE(derived->exact);
  EXPECT_EQ(stems_of(query), std::vector<std::string>{"ئەمریکا"});
}

TEST(SearchTerms, GuessedLemmaOfAnUnknownWordIsAStemTerm) {
  // The analyzer guesses the lemma of an unknown word ending in a
  // definiteness marker (morph.hpp: زژڤەکان -> زژڤ); the lemma is indexed.
  const std::string lemma = kurdi::lemma("زژڤەکان");
  ASSERT_EQ(lemma, "زژڤ");
  Expander e;
  EXPECT_EQ(stems_of(e.document_terms(form_of("زژڤەکان"), TokenType::word)), std::vector<std::string>{lemma});
}

TEST(SearchTerms, UnknownWordsAndNonWordsHaveNoStems) {
  Expander e;
  const auto unknown = e.document_terms(form_of("ژژژقق"), TokenType::word);
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_TRUE(unknown[0].exact);
  const auto number = e.document_terms("2021", TokenType::number);
  ASSERT_EQ(number.size(), 1u);
  EXPECT_EQ(number[0].text, "2021");
}

TEST(SearchTerms, VariantSpellingsGetTheSameTerms) {
  Expander e;
  // Arabic kaf (seed article 000) and Kurdish kaf; Arabic yeh and Kurdish yeh;
  // ZWNJ inside a word; a vowel mark.
  const std::pair<const char*, const char*> pairs[] = {
      {"هێزێكی", "هێزێکی"}, {"كوردي", "کوردی"}, {"پێنج\u200cشەممە", "پێنجشەممە"}, {"عەقڵَ", "عەقڵ"},
      {"ده\u200cکرێت", "دەکرێت"}};
  for (const auto& [a, b] : pairs) {
    const std::string fa = form_of(a), fb = form_of(b);
    EXPECT_EQ(fa, fb) << a << " / " << b;
    const auto ta = e.document_terms(fa, TokenType::word);
    const std::vector<Term> copy = ta;
    const auto tb = e.document_terms(fb, TokenType::word);
    ASSERT_EQ(copy.size(), tb.size()) << a;
    for (std::size_t i = 0; i < tb.size(); ++i) EXPECT_EQ(copy[i].text, tb[i].text) << a;
  }
}

TEST(SearchTerms, StoredTermCarriesTheMarker) {
  EXPECT_EQ(kurdi::search::stored_term({"کورد", true}), "کورد");
  EXPECT_EQ(kurdi::search::stored_term({"کورد", false}), "\x01کورد");
}

TEST(SearchTerms, LatinQueryWordsFindArabicReadings) {
  Expander e;
  // With and without Hawar diacritics, any case.
  EXPECT_TRUE(has_form(e.query_terms(form_of("hêz"), TokenType::latin), "هێز"));
  EXPECT_TRUE(has_form(e.query_terms(form_of("hez"), TokenType::latin), "هێز"));
  EXPECT_TRUE(has_form(e.query_terms(form_of("Silêmanî"), TokenType::latin), "سلێمانی"));
  EXPECT_TRUE(has_form(e.query_terms(form_of("slemani"), TokenType::latin), "سلێمانی"));
  EXPECT_EQ(e.arabic_readings("hez"), e.arabic_readings("hez"));
  const auto readings = e.arabic_readings("slemani");
  EXPECT_NE(std::find(readings.begin(), readings.end(), "سلێمانی"), readings.end());
  // The Latin form itself stays the first term.
  const auto terms = e.query_terms(form_of("hez"), TokenType::latin);
  EXPECT_EQ(terms[0].text, "hez");
  // Document terms of Latin words never gain Arabic ones.
  EXPECT_EQ(e.document_terms("hez", TokenType::latin).size(), 1u);
}

TEST(SearchTerms, RestoredReadingsNoCostlierThanTheTypedOne) {
  Expander e;
  // کوردستان is a lexicon word as typed; restoring î and ş gives کوردیشتان,
  // "your Kurdish too", which found every document with کوردی (regression).
  EXPECT_EQ(e.arabic_readings("kurdistan"), std::vector<std::string>{"کوردستان"});
  for (const auto& t : e.query_terms(form_of("kurdistan"), TokenType::latin)) EXPECT_NE(t.text, "کورد");
  // A name read whole outweighs restorations the lexicon explains only with
  // suffixes: slemani is سلێمانی, not şleman (شلە + مان) or سلەمان (سل + ...).
  const auto slemani = e.query_terms(form_of("slemani"), TokenType::latin);
  EXPECT_NE(std::find_if(slemani.begin(), slemani.end(), [](const Term& t) { return t.text == "سلێمانی"; }),
            slemani.end());
  for (const auto& t : slemani) {
    EXPECT_NE(t.text, "شل");
    EXPECT_NE(t.text, "شلە");
    EXPECT_NE(t.text, "سل");
  }
  // A typed spelling the lexicon cannot explain keeps its restorations.
  const auto hez = e.arabic_readings("hez");
  EXPECT_NE(std::find(hez.begin(), hez.end(), "هێز"), hez.end());
}

// --- the query parser ---------------------------------------------------------------

std::string describe(const Query& q) {
  // a compact rendering: groups joined by " & ", alternatives by " | ",
  // phrases in quotes, prefix '*', exclusions "-..."
  std::string out;
  auto item = [](const kurdi::search::QueryItem& it) {
    std::string s;
    if (it.words.size() > 1 || it.quoted) s += '"';
    for (std::size_t i = 0; i < it.words.size(); ++i) s += (i ? " " : "") + it.words[i].form;
    if (it.words.size() > 1 || it.quoted) s += '"';
    if (it.prefix) s += '*';
    return s;
  };
  for (const auto& g : q.all) {
    if (!out.empty()) out += " & ";
    for (std::size_t i = 0; i < g.any.size(); ++i) out += (i ? " | " : "") + item(g.any[i]);
  }
  for (const auto& x : q.excluded) out += " -" + item(x);
  return out;
}

std::string parsed(std::string_view text) {
  Expander e;
  return describe(kurdi::search::parse_query(text, e));
}

// The Expander's caches (words, generations, and the normalized stems it
// memoizes) only remember: an Expander that keeps almost nothing gives the
// same terms as one that keeps everything, word after word, including words
// it forgot and had to analyse again.
TEST(SearchTerms, SmallCachesGiveTheSameTerms) {
  std::vector<std::string> words;
  for (const char* name : {"000_d84807ab8c9b3917.txt", "001_8de1746b66d464b5.txt", "004_d66ec462f24239cd.txt"}) {
    std::ifstream in(std::string(KURDI_SOURCE_DIR) + "/samples/seeds/" + name, std::ios::binary);
    ASSERT_TRUE(in) << name;
    std::ostringstream text;
    text << in.rdbuf();
    const kurdi::Tokens t = kurdi::tokenize(text.str(), kurdi::search::search_tokenize_options());
    for (const kurdi::Token& tok : t.tokens)
      if (tok.type == TokenType::word) words.emplace_back(t.norm(tok));
  }
  // Hostile words: ه everywhere (more than the repair tries), one letter, a
  // long run, a lone ZWNJ.
  words.push_back("ههههههههه");
  words.push_back("ه");
  words.push_back(std::string(600, 'a'));
  words.push_back("\u200C");
  ASSERT_GT(words.size(), 1000u);
  auto same = [](const std::vector<Term>& a, const std::vector<Term>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i].text != b[i].text || a[i].exact != b[i].exact || a[i].derived != b[i].derived) return false;
    return true;
  };
  Expander big;
  Expander small(nullptr, 16);  // 8 words a generation, 128 normalized stems
  for (int round = 0; round < 2; ++round) {
    for (const std::string& w : words) {
      ASSERT_TRUE(same(small.document_terms(w, TokenType::word), big.document_terms(w, TokenType::word))) << w;
      ASSERT_TRUE(same(small.query_terms(w, TokenType::word), big.query_terms(w, TokenType::word))) << w;
    }
  }
}

TEST(SearchQuery, Syntax) {
  EXPECT_EQ(parsed("کورد هێز"), "کورد & هێز");
  EXPECT_EQ(parsed("\"هێزی کورد\" بەرپرس"), "\"هێزی کورد\" & بەرپرس");
  EXPECT_EQ(parsed("کورد* \"هێزی کو\"*"), "کورد* & \"هێزی کو\"*");
  EXPECT_EQ(parsed("کورد -هێز -\"بەرپرس و\""), "کورد -هێز -\"بەرپرس و\"");
  EXPECT_EQ(parsed("a b OR c d"), "a & b | c & d");
  EXPECT_EQ(parsed("a or b"), "a & or & b");  // only upper-case OR is an operator
  EXPECT_EQ(parsed("Kurdistan ١٩٩٩"), "kurdistan & 1999");
  // A chunk of several tokens is a phrase.
  EXPECT_EQ(parsed("١٩٩٩دا"), "\"1999 دا\"");
  // Variant spellings are normalized.
  EXPECT_EQ(parsed("هێزێكی"), "هێزێکی");
}

// A prefix's last letter is no word's end: جیه* is the start of جیهان, not
// the word جیە (final ه -> ە, rule H2). Both readings are searched, so the
// older ه-for-ە spelling of a word's end (ڕێگه*) still finds ڕێگە.
TEST(SearchQuery, PrefixInHehReadsBothWays) {
  EXPECT_EQ(parsed("جیه*"), "جیه* | جیە*");
  EXPECT_EQ(parsed("ڕێگه* شار"), "ڕێگه* | ڕێگە* & شار");
  EXPECT_EQ(parsed("\"جیهان گەوره\"*"), "\"جیهان گەوره\"* | \"جیهان گەورە\"*");
  EXPECT_EQ(parsed("شار -جیه*"), "شار -جیه* -جیە*");
  EXPECT_EQ(parsed("جیە*"), "جیە*");  // (ە is written: one reading)
  EXPECT_EQ(parsed("جیه"), "جیە");    // not a prefix: a word's end

  kurdi::Tokens t;
  kurdi::search::tokenize_prefix("ئەو جیه", t, kurdi::search::search_tokenize_options());
  ASSERT_EQ(t.tokens.size(), 2u);
  EXPECT_EQ(t.norm(t.tokens[1]), "جیه");
  EXPECT_EQ(t.tokens[1].end, std::string_view("ئەو جیه").size());  // offsets within the text
  kurdi::search::tokenize_prefix("کورد", t, kurdi::search::search_tokenize_options());
  EXPECT_EQ(t.norm(t.tokens.at(0)), "کورد");
}

// A repeated word is searched once (1,000 copies of one word took 22 s).
TEST(SearchQuery, RepeatsAreSearchedOnce) {
  EXPECT_EQ(parsed("کورد هێز کورد کورد"), "کورد & هێز");
  EXPECT_EQ(parsed("کورد OR کورد"), "کورد");
  EXPECT_EQ(parsed("a OR b a OR b c"), "a | b & c");
  EXPECT_EQ(parsed("کورد -هێز -هێز"), "کورد -هێز");
  EXPECT_EQ(parsed("کورد کورد* \"کورد\""), "کورد & کورد* & \"کورد\"");  // not the same searches
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "کوردستان ";
  EXPECT_EQ(parsed(many), "کوردستان");
}

TEST(SearchQuery, HostileInputNeverFails) {
  EXPECT_EQ(parsed(""), "");
  EXPECT_EQ(parsed("   "), "");
  EXPECT_EQ(parsed("\""), "");
  EXPECT_EQ(parsed("\"\""), "");
  EXPECT_EQ(parsed("-"), "");
  EXPECT_EQ(parsed("*"), "");
  EXPECT_EQ(parsed("OR"), "");
  EXPECT_EQ(parsed("OR OR a OR"), "a");
  EXPECT_EQ(parsed("a OR OR b"), "a | b");
  EXPECT_EQ(parsed("\"کورد هێز"), "\"کورد هێز\"");  // unbalanced quote: to the end
  EXPECT_EQ(parsed("-- a"), "a");
  EXPECT_EQ(parsed("a -"), "a");
  // NEAR(a is one chunk of two tokens: a phrase.
  EXPECT_EQ(parsed("( ) : ^ NEAR(a b)"), "\"near a\" & b");
  EXPECT_EQ(parsed("a -b OR c"), "a & c -b");  // OR next to an exclusion joins nothing
  EXPECT_EQ(parsed("\x01\x02"), "");  // host markers typed by a user are dropped
  // A NUL separates words (no host's query string can carry one); fuzz_query found
  // "www.\0\0" rendered inside an FTS5 string, which SQLite read as unterminated.
  EXPECT_EQ(parsed(std::string("کورد\0هێز", 15)), "کورد & هێز");
  EXPECT_EQ(parsed(std::string("\"www.\0\0x", 8)).find('\0'), std::string::npos);
}

TEST(SearchQuery, ExclusionsOnly) {
  Expander e;
  const Query q = kurdi::search::parse_query("-کورد -\"هێز\"", e);
  EXPECT_TRUE(q.exclusions_only());
  EXPECT_FALSE(q.empty());
  const Query empty = kurdi::search::parse_query(" \" ", e);
  EXPECT_TRUE(empty.empty());
  EXPECT_FALSE(empty.exclusions_only());
}

TEST(SearchQuery, RandomInputKeepsTheInvariants) {
  // Property: any input parses; every item has words with a non-empty form
  // whose terms start with an exact one.
  const std::vector<std::string> pieces = {"\"", "-", "*", " ", "OR", "or", "کورد", "هێزەکانی", "ك",
                                           "\xd9", "\xff", "\x01", "\x02", "(", ")", "NEAR", "hêz",
                                           "١٩٩٩", "دا", "\u200c", "َ", "AND", "NOT", ":", "^", "\t"};
  std::mt19937 rng(5);
  Expander e;
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const int len = static_cast<int>(rng() % 12);
    for (int i = 0; i < len; ++i) text += pieces[rng() % pieces.size()];
    const Query q = kurdi::search::parse_query(text, e);
    auto check = [&](const kurdi::search::QueryItem& it) {
      ASSERT_FALSE(it.words.empty()) << text;
      for (const auto& w : it.words) {
        ASSERT_FALSE(w.form.empty()) << text;
        ASSERT_FALSE(w.terms.empty()) << text;
        ASSERT_TRUE(w.terms[0].exact) << text;
      }
    };
    for (const auto& g : q.all) {
      ASSERT_FALSE(g.any.empty()) << text;
      for (const auto& it : g.any) check(it);
    }
    for (const auto& it : q.excluded) check(it);
  }
}

}  // namespace

namespace {

TEST(TokensJson, IndexedTokensWithOffsetsAndStemTerms) {
  kurdi::search::Expander e;
  // ك is normalized, the comma is not indexed, digits take the search form,
  // offsets are into the text as given; stems come without the marker.
  EXPECT_EQ(kurdi::search::tokens_json("بەرپرسەكانی، ٢٠٢١", e),
            "[{\"form\":\"بەرپرسەکانی\",\"type\":\"word\",\"begin\":0,\"end\":22,\"stems\":[\"بەرپرس\"]},"
            "{\"form\":\"2021\",\"type\":\"number\",\"begin\":25,\"end\":33,\"stems\":[]}]");
  EXPECT_EQ(kurdi::search::tokens_json("", e), "[]");
  EXPECT_EQ(kurdi::search::tokens_json("، . !", e), "[]");
}

}  // namespace
