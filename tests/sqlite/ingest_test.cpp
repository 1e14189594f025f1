// The FTS5 tokenizer's ingest shortcuts change nothing but speed: the
// tokenization hand-off (Pretokenized) is taken only for the very bytes it
// was made from.
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

namespace {

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
