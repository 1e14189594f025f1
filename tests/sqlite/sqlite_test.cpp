// The SQLite host linked statically: the FTS5 tokenizer `kurdi` and the SQL
// functions, on real Sorani sentences (seed articles, FLORES-200 and
// KurdishLID samples bundled in samples/).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "kurdi/morph.hpp"
#include "kurdi/version.hpp"
#include "kurdi_sqlite.hpp"

namespace {

struct Db {
  sqlite3* db = nullptr;
  Db() {
    EXPECT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    std::string error;
    EXPECT_EQ(kurdi::sqlite::register_all(db, &error), SQLITE_OK) << error;
  }
  ~Db() { sqlite3_close(db); }

  // Runs `sql`; returns the SQLite error message, empty on success.
  std::string exec(const std::string& sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string out = rc == SQLITE_OK ? "" : (err ? err : "error");
    sqlite3_free(err);
    return out;
  }

  // First column of every row of `sql` with `args` bound as text; `error`
  // receives the message of a failed statement.
  std::vector<std::string> rows(const std::string& sql, const std::vector<std::string>& args = {},
                                std::string* error = nullptr) {
    std::vector<std::string> out;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      if (error) *error = sqlite3_errmsg(db);
      else ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
      return out;
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
      sqlite3_bind_text(st, static_cast<int>(i + 1), args[i].data(), static_cast<int>(args[i].size()),
                        SQLITE_TRANSIENT);
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      const auto* t = sqlite3_column_text(st, 0);
      out.emplace_back(t ? reinterpret_cast<const char*>(t) : "NULL");
    }
    if (rc != SQLITE_DONE) {
      if (error) *error = sqlite3_errmsg(db);
      else ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
    }
    sqlite3_finalize(st);
    return out;
  }

  std::string one(const std::string& sql, const std::vector<std::string>& args = {}) {
    const auto r = rows(sql, args);
    return r.empty() ? "<no row>" : r[0];
  }
};

// Real sentences; the comment says where each is from and why it is here.
struct Doc {
  const char* id;
  const char* title;
  const char* body;
};
const Doc kDocs[] = {
    // KurdishLID: نەکراوەتەوە (کردن, negative perfect + ەوە)
    {"lid", "تەقینەوەکە",
     "لەبارەی زەرەر وزیانەکان و هۆکاری ڕوودانی تەقینەوەکەشەوەتا ئێستا هیچ زانیارییەک بڵاو نەکراوەتەوە."},
    // FLORES-200 devtest: دەکرێت
    {"flores", "هەڵبژاردن", "وا پێشبینی دەکرێت بۆ سەرۆکایەتی ساڵی ٢٠١٦ خۆی کاندید بکات."},
    // seed article 000: بەرپرسەکانی, ئەمریکادا
    {"seed-a", "سەردانی کازمی",
     "سەردانەکەی کازمی بۆ واشنتن، کۆمەڵێک لێکتێگەیشتنی لەگەڵ بەرپرسەکانی ئەمریکادا لێبەرهەمهات."},
    // seed article 000 with its Arabic kaf (هێزێكی) and Arabic yeh typed in (كوردي)
    {"seed-kaf", "هێز", "ئەمریکا هێزێكی گەورەی هەیە و سوپای كوردي ئامادەیە."},
    // FLORES-200 devtest: the exact form بەرپرس, with ZWNJ in a compound
    {"flores-b", "سیمپسن",
     "لە ١٩٨٩ دا یارمەتیدەر بوو لە دروستکردنی بەرنامەی زە سیمپسن، پاشان بەرپرس بوو لە پێنج\u200cشەممەدا."},
};

struct Fixture : ::testing::Test {
  Db d;
  void SetUp() override {
    ASSERT_EQ(d.exec("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='kurdi')"), "");
    for (const Doc& doc : kDocs) {
      d.rows("INSERT INTO docs(id, title, body) VALUES (?1, ?2, ?3)", {doc.id, doc.title, doc.body});
    }
  }
  // Ids matching kurdi_query(text), best first.
  std::vector<std::string> search(const std::string& text) {
    return d.rows("SELECT id FROM docs WHERE docs MATCH kurdi_query(?1) ORDER BY rank, id", {text});
  }
  std::vector<std::string> raw(const std::string& match) {
    return d.rows("SELECT id FROM docs WHERE docs MATCH ?1 ORDER BY rank, id", {match});
  }
};

using V = std::vector<std::string>;

TEST_F(Fixture, LemmaFindsInflectedVerbs) {
  // The analyzer gives کردن for both (checked in kurdi_search_tests).
  ASSERT_EQ(d.one("SELECT kurdi_lemma('نەکراوەتەوە')"), "کردن");
  ASSERT_EQ(d.one("SELECT kurdi_lemma('دەکرێت')"), "کردن");
  const V ids = search("کردن");
  EXPECT_NE(std::find(ids.begin(), ids.end(), "lid"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "flores"), ids.end());
}

TEST_F(Fixture, StemFindsSuffixedForms) {
  const V ids = search("بەرپرس");
  EXPECT_NE(std::find(ids.begin(), ids.end(), "seed-a"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "flores-b"), ids.end());
  EXPECT_EQ(search("ئەمریکا").size(), 2u);  // ئەمریکادا and ئەمریکا
  // An inflected query finds the bare word (stored as its form only) too.
  EXPECT_EQ(search("ئەمریکادا"), (V{"seed-a", "seed-kaf"}));
  // Plain MATCH text (no kurdi_query) is analysed the same way.
  EXPECT_EQ(raw("بەرپرس").size(), 2u);
}

TEST_F(Fixture, ExactFormRanksFirst) {
  // flores-b holds بەرپرس itself, seed-a only بەرپرسەکانی.
  EXPECT_EQ(search("بەرپرس"), (V{"flores-b", "seed-a"}));
  // And the other way round.
  EXPECT_EQ(search("بەرپرسەکانی"), (V{"seed-a", "flores-b"}));
}

TEST(Ranking, ExactBeforeStemWithEqualLengths) {
  // Two documents that differ only in the form of one word; the one with
  // the query's exact form must rank first, whichever was inserted first.
  for (int order = 0; order < 2; ++order) {
    Db d;
    ASSERT_EQ(d.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='kurdi')"), "");
    const std::string exact = "هێزەکانی ئەمریکا گەیشتنە بەغدا";
    const std::string other = "هێزەکە ئەمریکا گەیشتنە بەغدا";
    d.rows("INSERT INTO t(body) VALUES (?1)", {order ? other : exact});
    d.rows("INSERT INTO t(body) VALUES (?1)", {order ? exact : other});
    const V got = d.rows("SELECT body FROM t WHERE t MATCH kurdi_query('هێزەکانی') ORDER BY rank");
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0], exact);
  }
}

TEST_F(Fixture, VariantSpellingsFindTheSameDocuments) {
  EXPECT_EQ(search("هێزێکی"), V{"seed-kaf"});
  EXPECT_EQ(search("هێزێكی"), V{"seed-kaf"});
  EXPECT_EQ(search("کوردی"), V{"seed-kaf"});
  EXPECT_EQ(search("كوردي"), V{"seed-kaf"});
  // ZWNJ inside a word: written with it in the document, typed without, and back.
  EXPECT_EQ(search("پێنجشەممەدا"), V{"flores-b"});
  EXPECT_EQ(search("پێنج\u200cشەممەدا"), V{"flores-b"});
  // Harakat typed in the query.
  EXPECT_EQ(search("بەرپرَس"), search("بەرپرس"));
}

TEST(Unicode61, SplitsWhereKurdiDoesNot) {
  // The defect the tokenizer exists for (ANCHORS.md): unicode61 splits at
  // ZWNJ and keeps ك and ک apart.
  Db d;
  ASSERT_EQ(d.exec("CREATE VIRTUAL TABLE u USING fts5(body, tokenize='unicode61');"
                   "CREATE VIRTUAL TABLE k USING fts5(body, tokenize='kurdi');"
                   "INSERT INTO u VALUES ('هێزێكی پێنج\u200cشەممە'); INSERT INTO k SELECT body FROM u;"),
            "");
  EXPECT_EQ(d.one("SELECT count(*) FROM u WHERE u MATCH '\"هێزێکی\"'"), "0");
  EXPECT_EQ(d.one("SELECT count(*) FROM u WHERE u MATCH '\"پێنجشەممە\"'"), "0");
  EXPECT_EQ(d.one("SELECT count(*) FROM k WHERE k MATCH kurdi_query('هێزێکی')"), "1");
  EXPECT_EQ(d.one("SELECT count(*) FROM k WHERE k MATCH kurdi_query('پێنجشەممە')"), "1");
}

TEST_F(Fixture, QuerySyntax) {
  // Phrases keep word order.
  EXPECT_EQ(search("\"بڵاو نەکراوەتەوە\""), V{"lid"});
  EXPECT_EQ(search("\"نەکراوەتەوە بڵاو\""), V{});
  // Phrases match inflected words too (ئەمریکادا for ئەمریکا).
  EXPECT_EQ(search("\"بەرپرسەکانی ئەمریکا\""), V{"seed-a"});
  // Prefix.
  EXPECT_EQ(search("سیمپ*"), V{"flores-b"});
  // Exclusion, OR, and their mix.
  EXPECT_EQ(search("بەرپرس -کازمی"), V{"flores-b"});
  const V either = search("سیمپسن OR کازمی");
  EXPECT_EQ(either.size(), 2u);
  EXPECT_EQ(search("ئەمریکا OR سیمپسن -واشنتن").size(), 2u);  // seed-kaf and flores-b
  // The title column is indexed too.
  EXPECT_EQ(search("تەقینەوەکە"), V{"lid"});
}

TEST_F(Fixture, CrossScriptQueries) {
  EXPECT_EQ(search("hêz"), search("هێز"));
  EXPECT_EQ(search("hez"), search("هێز"));
  EXPECT_FALSE(search("hêz").empty());
  EXPECT_EQ(search("kazmî"), V{"seed-a"});
}

TEST_F(Fixture, ExclusionsOnlyAndEmptyMatchNothing) {
  EXPECT_EQ(d.one("SELECT kurdi_query('-کازمی')"), "\"\"");
  EXPECT_EQ(d.one("SELECT kurdi_query('')"), "\"\"");
  EXPECT_EQ(search("-کازمی"), V{});
  EXPECT_EQ(search("\" - *"), V{});
  EXPECT_EQ(d.one("SELECT kurdi_query(NULL) IS NULL"), "1");
}

TEST_F(Fixture, HostileQueriesAreValidMatchExpressions) {
  const char* hostile[] = {"\"", "\"\"", "-", "*", "OR", "AND", "NOT", "NEAR(a b)", "a OR", "OR b",
                           "a AND NOT b", "-\"", "\"a", "a\"b\"c", "(((", ")", "{col}: a", "title:کازمی",
                           "a^", "^a", "***a", "a***", "- -", "'", "';DROP TABLE docs;--", "\x01کردن",
                           "\x02کازمی", "\xff\xfe", "\xd9", "a\"*\"b", "\"*\"", "-*", "OR OR OR",
                           "کازمی -", "+کازمی", "کازمی:", "NEAR/2", "\\", "%", "_"};
  for (const char* q : hostile) {
    std::string error;
    d.rows("SELECT id FROM docs WHERE docs MATCH kurdi_query(?1)", {q}, &error);
    EXPECT_EQ(error, "") << "query: " << q << " -> " << d.one("SELECT kurdi_query(?1)", {q});
  }
  // A user cannot reach stored stem terms through a typed marker.
  EXPECT_EQ(search("\x01کردن"), search("کردن"));
}

TEST(QueryProperty, EveryOutputParsesInFts5) {
  // Random strings over a hostile alphabet: each kurdi_query result must be
  // accepted by MATCH (a syntax error is a failure).
  Db d;
  ASSERT_EQ(d.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='kurdi');"
                   "INSERT INTO t VALUES ('کورد هێزەکانی kurdistan 1999');"),
            "");
  const std::vector<std::string> pieces = {"\"", "-", "*", " ", "OR", "AND", "NOT", "NEAR", "(", ")",
                                           ":", "^", "+", "{", "}", ",", "کورد", "هێز", "ك", "١٩٩٩دا",
                                           "a", "Kurd", "\xd9", "\xff", "\x01", "\x02", "\u200c", "'",
                                           "\t", "\n", "%", "ـ", "َ", "،", "۔"};
  std::mt19937 rng(42);
  int failures = 0;
  for (int n = 0; n < 2000 && failures < 5; ++n) {
    std::string q;
    const int len = 1 + static_cast<int>(rng() % 10);
    for (int i = 0; i < len; ++i) q += pieces[rng() % pieces.size()];
    std::string error;
    d.rows("SELECT rowid FROM t WHERE t MATCH kurdi_query(?1)", {q}, &error);
    if (!error.empty()) {
      ++failures;
      ADD_FAILURE() << "query " << q << " -> " << d.one("SELECT kurdi_query(?1)", {q}) << ": " << error;
    }
  }
}

TEST(QueryProperty, NulBytesNeverReachMatch) {
  // fuzz/fuzz_query.cpp's first finding: a NUL inside a rendered phrase ended
  // the MATCH string early ("unterminated string").
  Db d;
  ASSERT_EQ(d.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='kurdi');"
                   "INSERT INTO t VALUES ('کورد www.example.org');"),
            "");
  const std::string crash("!\0-\x87www.\0\0\x0f\xd8\xaa\xd9\x8c", 15);
  for (const std::string& q : {crash, std::string("\"www.\0\0", 7), std::string("کورد\0", 9)}) {
    std::string error;
    d.rows("SELECT rowid FROM t WHERE t MATCH kurdi_query(?1)", {q}, &error);
    EXPECT_EQ(error, "");
    EXPECT_EQ(d.one("SELECT kurdi_query(?1)", {q}).find('\0'), std::string::npos);
  }
}

TEST(Tokenizer, OptionsAreValidated) {
  Db d;
  EXPECT_NE(d.exec("CREATE VIRTUAL TABLE a USING fts5(x, tokenize='kurdi colour blue')"), "");
  EXPECT_NE(d.exec("CREATE VIRTUAL TABLE b USING fts5(x, tokenize='kurdi stems')"), "");
  EXPECT_NE(d.exec("CREATE VIRTUAL TABLE c USING fts5(x, tokenize='kurdi stems 2')"), "");
  EXPECT_NE(d.exec("CREATE VIRTUAL TABLE e USING fts5(x, tokenize=\"kurdi user_lexicon '/nonexistent/x.tsv'\")"), "");
  EXPECT_EQ(d.exec("CREATE VIRTUAL TABLE f USING fts5(x, tokenize='kurdi stems 1')"), "");
  // stems 0: exact forms only.
  ASSERT_EQ(d.exec("CREATE VIRTUAL TABLE g USING fts5(x, tokenize='kurdi stems 0');"
                   "INSERT INTO g VALUES ('بەرپرسەکانی ئەمریکا');"),
            "");
  EXPECT_EQ(d.one("SELECT count(*) FROM g WHERE g MATCH kurdi_query('بەرپرس')"), "0");
  EXPECT_EQ(d.one("SELECT count(*) FROM g WHERE g MATCH kurdi_query('بەرپرسەکانی')"), "1");
}

TEST(Tokenizer, UserLexiconChangesAnalysisAndVersion) {
  const std::string path = ::testing::TempDir() + "kurdi_sqlite_user_lexicon.tsv";
  {
    std::ofstream out(path);
    out << "# test\nقەڵاچوالان\tPROPN\n";
  }
  Db d;
  ASSERT_EQ(d.exec("CREATE VIRTUAL TABLE u USING fts5(x, tokenize=\"kurdi user_lexicon '" + path + "'\");"
                   "CREATE VIRTUAL TABLE p USING fts5(x, tokenize='kurdi');"
                   "INSERT INTO u VALUES ('قەڵاچوالاندا'); INSERT INTO p VALUES ('قەڵاچوالاندا');"),
            "");
  // Plain MATCH text is analysed by each table's own tokenizer.
  EXPECT_EQ(d.one("SELECT count(*) FROM u WHERE u MATCH 'قەڵاچوالان'"), "1");
  EXPECT_EQ(d.one("SELECT count(*) FROM p WHERE p MATCH 'قەڵاچوالان'"), "0");
  const std::string plain = d.one("SELECT kurdi_version('analyzer')");
  const std::string user = d.one("SELECT kurdi_version('analyzer', 'user_lexicon', ?1)", {path});
  EXPECT_EQ(plain, std::string(kurdi::analyzer_version()));
  EXPECT_EQ(user.rfind(plain + "+user.", 0), 0u) << user;
  std::remove(path.c_str());
}

TEST_F(Fixture, HighlightUsesOriginalOffsets) {
  // The match is bracketed in the original text, Arabic kaf and all.
  EXPECT_EQ(d.one("SELECT highlight(docs, 2, '[', ']') FROM docs WHERE docs MATCH kurdi_query('هێز')"),
            "ئەمریکا [هێزێكی] گەورەی هەیە و سوپای كوردي ئامادەیە.");
  EXPECT_EQ(d.one("SELECT highlight(docs, 2, '[', ']') FROM docs WHERE docs MATCH kurdi_query('پێنجشەممە')"),
            "لە ١٩٨٩ دا یارمەتیدەر بوو لە دروستکردنی بەرنامەی زە سیمپسن، پاشان بەرپرس بوو لە "
            "[پێنج\u200cشەممەدا].");
}

// snippet() tokenizes a hit's column twice and the tokenizer gives the
// second run from a record of the first (tokenizer.cpp, tokenize_aux): the
// marks must be where a fresh tokenization puts them, row after row, and a
// table with detail=column, where FTS5 finds the matches by comparing the
// tokens' text with the query's, must mark the same words.
TEST_F(Fixture, SnippetsAndHighlightsAreTheSameRowAfterRow) {
  ASSERT_EQ(d.exec("CREATE VIRTUAL TABLE docs_column USING fts5(id UNINDEXED, title, body, tokenize='kurdi', "
                   "detail=column)"),
            "");
  for (const Doc& doc : kDocs)
    d.rows("INSERT INTO docs_column(id, title, body) VALUES (?1, ?2, ?3)", {doc.id, doc.title, doc.body});
  const auto marks = [&](const std::string& table, const std::string& query) {
    return d.rows("SELECT id || ': ' || highlight(" + table + ", 2, '[', ']') || ' | ' || snippet(" + table +
                      ", 2, '[', ']', '…', 5) FROM " + table + " WHERE " + table +
                      " MATCH kurdi_query(?1) ORDER BY id",
                  {query});
  };
  for (const std::string query : {"بەرپرس", "هێز OR کازمی", "ئەمریکا", "لە"}) {
    const V full = marks("docs", query);
    ASSERT_FALSE(full.empty()) << query;
    for (const std::string& row : full) EXPECT_NE(row.find('['), std::string::npos) << row;
    EXPECT_EQ(marks("docs", query), full) << query;  // the same texts again: given from the record
    EXPECT_EQ(marks("docs_column", query), full) << query;
  }
  // A stem match (بەرپرسەکانی for بەرپرس) marked in a detail=column table:
  // the recorded tokens carry the stem terms, not only the forms.
  EXPECT_EQ(d.one("SELECT snippet(docs_column, 2, '[', ']', '…', 4) FROM docs_column "
                  "WHERE docs_column MATCH kurdi_query('بەرپرس') AND id = 'seed-a'"),
            "…لەگەڵ [بەرپرسەکانی] ئەمریکادا لێبەرهەمهات.");
}

// The tokenizer itself, called as FTS5's auxiliary functions call it: the
// tokens of a text given from the record of the text before (tokenize_aux)
// are those of a document tokenization, term text, flags and offsets alike,
// and a different text is tokenized anew.
TEST(Tokenizer, AuxiliaryCallsGiveTheDocumentTokens) {
  Db d;
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(d.db, "SELECT fts5(?1)", -1, &st, nullptr), SQLITE_OK);
  sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  ASSERT_NE(api, nullptr);
  void* context = nullptr;
  fts5_tokenizer methods{};
  ASSERT_EQ(api->xFindTokenizer(api, "kurdi", &context, &methods), SQLITE_OK);
  Fts5Tokenizer* tokenizer = nullptr;
  ASSERT_EQ(methods.xCreate(context, nullptr, 0, &tokenizer), SQLITE_OK);
  const auto tokens = [&](int flags, const std::string& text) {
    V out;
    auto add = [](void* o, int f, const char* token, int size, int begin, int end) {
      static_cast<V*>(o)->push_back(std::to_string(f) + " " + std::string(token, static_cast<std::size_t>(size)) +
                                    " " + std::to_string(begin) + "-" + std::to_string(end));
      return SQLITE_OK;
    };
    EXPECT_EQ(methods.xTokenize(tokenizer, &out, flags, text.data(), static_cast<int>(text.size()), add), SQLITE_OK);
    return out;
  };
  const std::string a = kDocs[2].body, b = kDocs[3].body;
  const V document_a = tokens(FTS5_TOKENIZE_DOCUMENT, a), document_b = tokens(FTS5_TOKENIZE_DOCUMENT, b);
  ASSERT_GT(document_a.size(), 12u);  // a form and its stem terms for most words
  EXPECT_NE(document_a, document_b);
  for (const std::string* text : {&a, &a, &b, &b, &a}) {
    EXPECT_EQ(tokens(FTS5_TOKENIZE_AUX, *text), *text == a ? document_a : document_b);
  }
  // A text over the record's 1 MB cap is tokenized but not kept: the calls
  // around it still give each text its own tokens.
  std::string big;
  while (big.size() <= (std::size_t{1} << 20)) big += b + "\n";
  const V document_big = tokens(FTS5_TOKENIZE_DOCUMENT, big);
  EXPECT_EQ(tokens(FTS5_TOKENIZE_AUX, a), document_a);
  EXPECT_EQ(tokens(FTS5_TOKENIZE_AUX, big), document_big);
  EXPECT_EQ(tokens(FTS5_TOKENIZE_AUX, big), document_big);
  EXPECT_EQ(tokens(FTS5_TOKENIZE_AUX, a), document_a);
  methods.xDelete(tokenizer);
}

TEST(Functions, Helpers) {
  Db d;
  EXPECT_EQ(d.one("SELECT kurdi_normalize('هێزێكی ٢٠٢١')"), "هێزێکی ٢٠٢١");
  EXPECT_EQ(d.one("SELECT kurdi_normalize('هێزێكی ٢٠٢١', 'search')"), "هێزێکی 2021");
  std::string error;
  d.rows("SELECT kurdi_normalize('x', 'loud')", {}, &error);
  EXPECT_NE(error.find("profile"), std::string::npos) << error;
  EXPECT_EQ(d.one("SELECT kurdi_stem('بەرپرسەکانی')"), "بەرپرس");
  EXPECT_EQ(d.one("SELECT kurdi_lemma('دەکرێت')"), "کردن");
  EXPECT_EQ(d.one("SELECT kurdi_translit('کوردستان', 'latn')"), "kurdistan");
  EXPECT_EQ(d.one("SELECT kurdi_translit('hêz', 'arab')"), "هێز");
  error.clear();
  d.rows("SELECT kurdi_translit('x', 'greek')", {}, &error);
  EXPECT_NE(error, "");
  EXPECT_EQ(d.one("SELECT kurdi_version('library')"), std::string(kurdi::version()));
  EXPECT_EQ(d.one("SELECT kurdi_version()"),
            std::string(kurdi::version()) + " (analyzer " + std::string(kurdi::analyzer_version()) + ")");
  const std::string tokens = d.one("SELECT kurdi_tokens('هێزێكی، ٢٠٢١')");
  EXPECT_EQ(d.one("SELECT json_valid(?1)", {tokens}), "1");
  EXPECT_EQ(d.one("SELECT json_array_length(?1)", {tokens}), "2");  // the comma is not indexed
  EXPECT_EQ(d.one("SELECT json_extract(?1, '$[0].form') || ' ' || json_extract(?1, '$[0].stems[0]') || ' ' || "
                  "json_extract(?1, '$[0].end') || ' ' || json_extract(?1, '$[1].form')",
                  {tokens}),
            "هێزێکی هێز 12 2021");
  EXPECT_EQ(d.one("SELECT kurdi_stem(NULL) IS NULL"), "1");
  // As PostgreSQL's STRICT functions: a NULL option gives NULL, not an error
  // about '' ; an empty word gives '' (its empty result read as NULL).
  EXPECT_EQ(d.one("SELECT quote(kurdi_normalize('ك', NULL)) || quote(kurdi_translit('x', 'latn', NULL)) || "
                  "quote(kurdi_translit('a', NULL)) || quote(kurdi_version('analyzer', NULL))"),
            "NULLNULLNULLNULL");
  EXPECT_EQ(d.one("SELECT quote(kurdi_stem('')) || quote(kurdi_stem(' ')) || quote(kurdi_lemma(''))"), "''''''");
}

}  // namespace
