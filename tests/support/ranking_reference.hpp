// Test support: what Archive::search and Archive::count must answer, found
// the slow way on a plain connection to the archive's file: the full match
// (every term, nothing deferred) of the query's plan, every matching
// document scored by kurdi_bm25 with no "top K" pruning, sorted best first
// with ties to the lower rowid; and FTS5's own count of the matches. No
// block bounds, postings, deferral or narrow pass is involved, so every
// shortcut of archive/archive.cpp is held to it (docs/sqlite.md, "Ranking").
// Shared by tests/archive/exact_ranking_test.cpp and
// fuzz/fuzz_archive_search.cpp, so it uses no test framework: an SQLite
// error throws std::runtime_error (a failed test, a trap in the fuzzer).
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "archive/archive.hpp"
#include "kurdi/search.hpp"
#include "kurdi_sqlite.hpp"

namespace kurdi_test {

class RankingReference {
 public:
  explicit RankingReference(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error("reference: cannot open " + path + ": " + message);
    }
    std::string error;
    if (kurdi::sqlite::register_all(db_, &error) != SQLITE_OK) {
      sqlite3_close(db_);
      throw std::runtime_error("reference: register_all: " + error);
    }
    statistics_ = std::make_unique<kurdi::sqlite::Fts5Statistics>(db_, "documents_fts", "SELECT count(*) FROM documents");
    statistics_->refresh();
  }
  ~RankingReference() {
    statistics_.reset();
    sqlite3_close(db_);
  }
  RankingReference(const RankingReference&) = delete;
  RankingReference& operator=(const RankingReference&) = delete;

  // The connection (a test reads the vocabulary through it).
  sqlite3* db() const noexcept { return db_; }

  // FTS5's average document length (tokens of all columns), as kurdi_bm25 reads it.
  double average_length() {
    const std::string match = kurdi::sqlite::fts5_match(kurdi::search::parse_query("و", expander_));
    Statement s(db_,
                "SELECT kurdi_index_totals(documents_fts) FROM documents_fts WHERE documents_fts MATCH ?1 LIMIT 1");
    s.bind(1, match);
    if (sqlite3_step(s.get()) != SQLITE_ROW) fail("kurdi_index_totals");
    double rows = 0, tokens = 0;
    if (std::sscanf(reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0)), "%lf %lf", &rows, &tokens) != 2)
      fail("kurdi_index_totals: not two numbers");
    return rows > 0 ? tokens / rows : 0;
  }

  // How many documents the request's query matches with its filters
  // (limit and offset ignored), counted by FTS5.
  std::uint64_t count(const kurdi::archive::SearchRequest& r) {
    const kurdi::search::Query q = kurdi::search::parse_query(r.query, expander_);
    if (q.empty() || q.exclusions_only()) return 0;
    Statement s(db_,
                "SELECT count(*) FROM documents_fts f CROSS JOIN documents d ON d.doc = f.rowid "
                "WHERE documents_fts MATCH ?1 "
                "AND (?2 = '' OR (d.published <> '' AND d.published >= ?2)) "
                "AND (?3 = '' OR (d.published <> '' AND d.published <= ?3)) "
                "AND (?4 = '' OR d.source = ?4)");
    s.bind(1, kurdi::sqlite::fts5_match(q));
    s.bind(2, r.from);
    s.bind(3, r.to);
    s.bind(4, r.source);
    if (sqlite3_step(s.get()) != SQLITE_ROW) fail("count");
    return static_cast<std::uint64_t>(sqlite3_column_int64(s.get(), 0));
  }

  // The request's page, (id, score) best first: the full match (every
  // term, nothing deferred), every matching document scored (no "top K"),
  // ties to the lower rowid, the filters applied.
  std::vector<std::pair<std::string, double>> search(const kurdi::archive::SearchRequest& r) {
    const kurdi::search::Query q = kurdi::search::parse_query(r.query, expander_);
    std::vector<std::pair<std::string, double>> out;
    if (q.empty() || q.exclusions_only()) return out;
    statistics_->refresh();
    const kurdi::search::QueryPlan plan = kurdi::search::plan_query(q, *statistics_);
    const kurdi::sqlite::RankedMatch m = kurdi::sqlite::fts5_ranked_match(q, plan, kurdi::sqlite::MatchPass::full);
    Statement s(db_,
                "SELECT d.id, kurdi_bm25(documents_fts, ?2, 3.0, 1.0) AS score FROM documents_fts f "
                "CROSS JOIN documents d ON d.doc = f.rowid WHERE documents_fts MATCH ?1 "
                "AND (?5 = '' OR (d.published <> '' AND d.published >= ?5)) "
                "AND (?6 = '' OR (d.published <> '' AND d.published <= ?6)) "
                "AND (?7 = '' OR d.source = ?7) "
                "ORDER BY score DESC, f.rowid LIMIT ?3 OFFSET ?4");
    s.bind(1, m.match);
    s.bind(2, m.ranking);
    sqlite3_bind_int64(s.get(), 3, r.limit);
    sqlite3_bind_int64(s.get(), 4, r.offset);
    s.bind(5, r.from);
    s.bind(6, r.to);
    s.bind(7, r.source);
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW)
      out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0)),
                       sqlite3_column_double(s.get(), 1));
    if (rc != SQLITE_DONE) fail("search");
    return out;
  }

 private:
  // A prepared statement, finalized however the caller leaves.
  class Statement {
   public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
      if (sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("reference: prepare: ") + sqlite3_errmsg(db));
    }
    ~Statement() { sqlite3_finalize(s_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    sqlite3_stmt* get() const noexcept { return s_; }
    void bind(int i, const std::string& text) {
      if (sqlite3_bind_text(s_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        throw std::runtime_error(std::string("reference: bind: ") + sqlite3_errmsg(db_));
    }

   private:
    sqlite3* db_;
    sqlite3_stmt* s_ = nullptr;
  };

  [[noreturn]] void fail(const char* what) const {
    throw std::runtime_error(std::string("reference: ") + what + ": " + sqlite3_errmsg(db_));
  }

  sqlite3* db_ = nullptr;
  kurdi::search::Expander expander_;
  std::unique_ptr<kurdi::sqlite::Fts5Statistics> statistics_;
};

}  // namespace kurdi_test
