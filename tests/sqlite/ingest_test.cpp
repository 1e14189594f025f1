// The FTS5 tokenizer's ingest shortcuts change nothing but speed: the term
// cache (TermCache) returns exactly the Expander's stored terms, through
// collisions, generation turnover and hostile words; the tokenization hand-off
// (Pretokenized) is taken only for the very bytes it was made from.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "kurdi/search.hpp"
#include "kurdi/tokenize.hpp"
#include "kurdi_sqlite.hpp"
#include "term_cache.hpp"

namespace {

using kurdi::sqlite::TermCache;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Real Sorani text: the three seed articles.
std::string seeds() {
  std::string text;
  for (const char* name : {"000_d84807ab8c9b3917.txt", "001_8de1746b66d464b5.txt", "004_d66ec462f24239cd.txt"})
    text += read_file(std::string(KURDI_SOURCE_DIR) + "/samples/seeds/" + name) + "\n";
  return text;
}

// The search-profile forms of the word tokens of `text`, in text order.
std::vector<std::string> words_of(const std::string& text) {
  const kurdi::Tokens t = kurdi::tokenize(text, kurdi::search::search_tokenize_options());
  std::vector<std::string> out;
  for (const kurdi::Token& tok : t.tokens)
    if (tok.type == kurdi::TokenType::word) out.emplace_back(t.norm(tok));
  return out;
}

std::vector<std::string> stored(const TermCache::Terms& terms) {
  std::vector<std::string> out;
  terms.for_each([&](std::string_view s, std::size_t i) {
    EXPECT_EQ(i, out.size());
    out.emplace_back(s);
    return 0;
  });
  EXPECT_EQ(out.size(), terms.size());
  return out;
}

// What the tokenizer stored before the cache: the Expander's terms, a stem
// term with its marker.
std::vector<std::string> expected(std::string_view form) {
  static kurdi::search::Expander reference;
  std::vector<std::string> out;
  for (const auto& term : reference.document_terms(form, kurdi::TokenType::word))
    out.push_back(kurdi::search::stored_term(term));
  return out;
}

// Every word of `words`, looked up in order, against the reference.
void check_all(TermCache& cache, const std::vector<std::string>& words) {
  kurdi::search::Expander expander(nullptr, 16);
  for (const std::string& w : words) ASSERT_EQ(stored(cache.word_terms(w, expander)), expected(w)) << w;
}

std::uint64_t constant_hash(std::string_view, std::uint64_t) noexcept { return 0x1234567800000005ull; }

TEST(TermCache, SameTermsAsTheExpander) {
  const auto words = words_of(seeds());
  ASSERT_GT(words.size(), 500u);
  TermCache cache;
  check_all(cache, words);
  check_all(cache, words);  // now all from the cache
  const std::set<std::string> distinct(words.begin(), words.end());
  EXPECT_EQ(cache.misses(), distinct.size());
  EXPECT_EQ(cache.size(), distinct.size());
}

TEST(TermCache, StemTermsCarryTheMarker) {
  TermCache cache;
  kurdi::search::Expander expander;
  const auto terms = stored(cache.word_terms("بەرپرسەکانی", expander));
  ASSERT_GE(terms.size(), 2u);
  EXPECT_EQ(terms[0], "بەرپرسەکانی");
  EXPECT_EQ(terms[1], std::string(kurdi::search::stem_marker) + "بەرپرس");
  EXPECT_EQ(stored(cache.word_terms("ئەمریکا", expander)), std::vector<std::string>{"ئەمریکا"});
}

TEST(TermCache, EveryWordCollides) {
  // One hash for every word: one probe chain, told apart by their bytes
  // (same-length words included).
  const auto words = words_of(seeds());
  TermCache cache(1024, &constant_hash);
  std::vector<std::string> first(words.begin(), words.begin() + 300);
  check_all(cache, first);
  check_all(cache, first);
  EXPECT_LE(cache.size(), 1024u);
}

TEST(TermCache, GenerationsTurnOverAndStayBounded) {
  const auto words = words_of(seeds());
  const std::set<std::string> distinct(words.begin(), words.end());
  ASSERT_GT(distinct.size(), 200u);
  TermCache cache(64);  // two generations of 32 words
  check_all(cache, words);
  EXPECT_LE(cache.size(), 64u);
  EXPECT_GT(cache.misses(), distinct.size());  // evicted words are computed again

  // A word in steady use survives the turnover: found in the old generation,
  // it moves back into the young one, so it is never computed twice.
  TermCache steady(64);
  kurdi::search::Expander expander(nullptr, 16);
  const std::string hot = "بەرپرسەکانی";
  std::uint64_t misses_before = 0;
  std::size_t n = 0;
  for (const std::string& w : distinct) {
    ASSERT_EQ(stored(steady.word_terms(w, expander)), expected(w));
    if (n++ % 8 == 0) {
      misses_before = steady.misses();
      ASSERT_EQ(stored(steady.word_terms(hot, expander)), expected(hot));
      if (n > 1) {
        EXPECT_EQ(steady.misses(), misses_before) << "hot word computed again after " << n;
      }
    }
  }
}

TEST(TermCache, HostileWords) {
  TermCache cache(64);
  kurdi::search::Expander expander(nullptr, 16);
  // Bytes no tokenizer gives, and words at and beyond the cacheable length:
  // whatever the Expander says comes back, and nothing breaks.
  std::vector<std::string> words = {"", std::string("\0\0\0", 3), "\x01", std::string(8, 'a'),
                                    std::string(9, 'a'), std::string(TermCache::kMaxCachedWord, 'x'),
                                    std::string(TermCache::kMaxCachedWord + 1, 'x')};
  std::string long_word;
  while (long_word.size() < 3 * TermCache::kMaxCachedWord) long_word += "بەرپرس";
  words.push_back(long_word);
  for (int round = 0; round < 2; ++round) {
    for (const std::string& w : words) ASSERT_EQ(stored(cache.word_terms(w, expander)), expected(w)) << w.size();
  }
  EXPECT_TRUE(stored(cache.word_terms("", expander)).empty());

  // Random bytes: the default hash over every length from 0 to 40, words
  // that differ in one byte only.
  std::mt19937 rng(7);
  std::vector<std::string> random;
  for (int i = 0; i < 400; ++i) {
    std::string w(static_cast<std::size_t>(i % 41), '\0');
    for (char& c : w) c = static_cast<char>(rng());
    random.push_back(w);
    if (!w.empty()) {
      w.back() = static_cast<char>(w.back() ^ 1);
      random.push_back(w);
    }
  }
  TermCache big;
  check_all(big, random);
  check_all(big, random);
}

TEST(TermCache, PrefetchingAheadChangesNothing) {
  // The tokenizer hashes a document's words first and asks for slots and
  // records ahead of each lookup (prefetch_slot, prefetch_record): through
  // generation turnover, collisions and hashes of words never stored, the
  // lookups with the hash given find what plain lookups find.
  const auto words = words_of(seeds());
  ASSERT_GT(words.size(), 500u);
  for (const TermCache::HashFunction hash : {TermCache::HashFunction{nullptr}, &constant_hash}) {
    TermCache cache(hash ? 256 : 64, hash);
    kurdi::search::Expander expander(nullptr, 16);
    std::mt19937_64 rng(11);
    for (int round = 0; round < 2; ++round) {
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (i + 16 < words.size()) cache.prefetch_slot(cache.hash_of(words[i + 16]));
        if (i + 8 < words.size()) cache.prefetch_record(cache.hash_of(words[i + 8]));
        cache.prefetch_slot(rng());
        cache.prefetch_record(rng());
        const std::string& w = words[i];
        ASSERT_EQ(stored(cache.word_terms(w, cache.hash_of(w), expander)), expected(w)) << w;
      }
    }
    EXPECT_LE(cache.size(), hash ? 256u : 64u);
  }
  // A hash the cache would not use for the word: a lookup that gives it
  // anyway may miss, but never returns another word's terms.
  TermCache cache;
  kurdi::search::Expander expander(nullptr, 16);
  const std::string a = "بەرپرسەکانی", b = "ئەمریکا";
  ASSERT_EQ(stored(cache.word_terms(a, expander)), expected(a));
  EXPECT_EQ(stored(cache.word_terms(b, cache.hash_of(a), expander)), expected(b));
}

TEST(TermCache, HashSpreadsSimilarWords) {
  // Words that differ in their last letter, or only in length, land in
  // different slots: no long probe chains on real vocabularies.
  // (The cache's own hash, kurdi::RecordCache's, under its per-cache seed.)
  const TermCache cache;
  std::set<std::uint64_t> low_bits;
  const std::vector<std::string> words = words_of(seeds());
  const std::set<std::string> distinct(words.begin(), words.end());
  for (const std::string& w : distinct) low_bits.insert(cache.hash_of(w) & 0xFFFFF);
  EXPECT_GT(low_bits.size(), distinct.size() * 99 / 100);
  EXPECT_NE(cache.hash_of(std::string(8, '\0')), cache.hash_of(std::string(16, '\0')));
  EXPECT_NE(cache.hash_of(""), cache.hash_of(std::string(1, '\0')));
}

// --- Pretokenized: the hand-off from the archive to the tokenizer ----------

struct Db {
  sqlite3* db = nullptr;
  explicit Db(bool register_kurdi = true) {
    EXPECT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    if (register_kurdi) {
      std::string error;
      EXPECT_EQ(kurdi::sqlite::register_all(db, &error), SQLITE_OK) << error;
    }
  }
  ~Db() { sqlite3_close(db); }
  void exec(const std::string& sql) {
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
  }
  void insert(std::int64_t rowid, const std::string& body) {
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "INSERT INTO t(rowid, body) VALUES(?1, ?2)", -1, &st, nullptr), SQLITE_OK);
    sqlite3_bind_int64(st, 1, rowid);
    sqlite3_bind_text(st, 2, body.data(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
  }
  // Every stored instance: (row, position, term).
  std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> instances() {
    exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vi USING fts5vocab(main, t, instance)");
    std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> out;
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT doc, offset, term FROM temp.vi ORDER BY doc, offset, term", -1, &st,
                                 nullptr),
              SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
      const auto* term = reinterpret_cast<const char*>(sqlite3_column_blob(st, 2));
      out.emplace_back(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                       std::string(term ? term : "", static_cast<std::size_t>(sqlite3_column_bytes(st, 2))));
    }
    sqlite3_finalize(st);
    return out;
  }
};

TEST(Pretokenized, OnlyForTheSameBytes) {
  Db with;
  kurdi::sqlite::Pretokenized* handoff = kurdi::sqlite::pretokenized(with.db);
  ASSERT_NE(handoff, nullptr);
  EXPECT_EQ(kurdi::sqlite::pretokenized(with.db), handoff);  // one per connection
  Db without(false);
  EXPECT_EQ(kurdi::sqlite::pretokenized(without.db), nullptr);

  const std::string a = "هێزێكی گەورە";
  std::string b = a;
  b[b.size() - 1] = static_cast<char>(b.back() ^ 1);  // same length, one byte off
  EXPECT_EQ(handoff->tokens_of(a), nullptr);
  const kurdi::Tokens& t = handoff->tokenize(a);
  EXPECT_EQ(handoff->tokens_of(a), &t);
  EXPECT_EQ(handoff->tokens_of(b), nullptr);
  EXPECT_EQ(handoff->tokens_of(a.substr(0, a.size() - 1)), nullptr);
  handoff->clear();
  EXPECT_EQ(handoff->tokens_of(a), nullptr);
}

TEST(Pretokenized, IndexIsTheSameWithAndWithoutIt) {
  // The seed articles cut into rows of about 300 bytes (at spaces): indexed
  // plainly, with each row's own tokens handed off, and with a stale
  // hand-off of another text of the same length.
  std::vector<std::string> rows;
  {
    std::string row;
    for (char c : seeds()) {
      if ((c == ' ' || c == '\n') && row.size() >= 300) {
        rows.push_back(row);
        row.clear();
      } else {
        row.push_back(c);
      }
    }
    if (!row.empty()) rows.push_back(row);
  }
  ASSERT_GT(rows.size(), 20u);
  auto build = [&](int mode) {
    Db db;
    db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='kurdi')");
    kurdi::sqlite::Pretokenized* handoff = kurdi::sqlite::pretokenized(db.db);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (mode == 1) handoff->tokenize(rows[i]);
      if (mode == 2) {
        std::string other = rows[(i + 1) % rows.size()];
        other.resize(rows[i].size(), ' ');
        handoff->tokenize(other);
      }
      db.insert(static_cast<std::int64_t>(i + 1), rows[i]);
    }
    return db.instances();
  };
  const auto plain = build(0);
  ASSERT_GT(plain.size(), 1000u);
  EXPECT_EQ(build(1), plain);
  EXPECT_EQ(build(2), plain);
}

}  // namespace
