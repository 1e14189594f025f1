// libFuzzer target for the search query path (issue 5, section 5: kurdi_query
// fuzzed). Any bytes are a user query; the contracts:
//   * kurdi::search::parse_query accepts them (never throws);
//   * the FTS5 MATCH expression kurdi::sqlite::fts5_match renders parses in
//     SQLite and runs against a table with the kurdi tokenizer: no SQL error;
//   * the SQL function kurdi_query() gives the same expression, and MATCH on
//     it runs too;
//   * a query of exclusions only matches nothing;
//   * the ranked rendering (kurdi::search::plan_query with statistics that
//     vary with the input, so some terms are deferred; then
//     fts5_ranked_match, narrow, widened narrow and full) parses, kurdi_bm25
//     accepts its ranking string, the narrow matches are subsets of the full one, and the
//     full one matches what fts5_match does;
//   * kurdi_bm25 given the input itself as its ranking string (any SQL user
//     can call it) answers or refuses; it never crashes.
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kurdi/search.hpp"
#include "kurdi_sqlite.hpp"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_query: %s: %s\n", what, detail.c_str());
  std::abort();
}

sqlite3* open_db() {
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) fail("open", "");
  std::string error;
  if (kurdi::sqlite::register_all(db, &error) != SQLITE_OK) fail("register_all", error);
  const char* setup =
      "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='kurdi');"
      "INSERT INTO t VALUES ('بەرپرسەکانی ئەمریکا', 'سەردانەکەی کازمی بۆ واشنتن، هێزێكی گەورە.');"
      "INSERT INTO t VALUES ('تەقینەوە', 'تا ئێستا هیچ زانیارییەک بڵاو نەکراوەتەوە. e-mail 1999 ١٩٩٩دا');"
      "INSERT INTO t VALUES ('', 'Kurdistan Silêmanî hêz #کورد @user 😀');";
  char* message = nullptr;
  if (sqlite3_exec(db, setup, nullptr, nullptr, &message) != SQLITE_OK) fail("setup", message ? message : "");
  return db;
}

// Runs MATCH with `expression`; returns the number of rows, aborts on an SQL error.
int count_matches(sqlite3* db, const std::string& expression, const char* where) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &stmt, nullptr) != SQLITE_OK)
    fail("prepare", sqlite3_errmsg(db));
  sqlite3_bind_text(stmt, 1, expression.data(), static_cast<int>(expression.size()), SQLITE_TRANSIENT);
  const int rc = sqlite3_step(stmt);
  if (rc != SQLITE_ROW) fail(where, std::string(sqlite3_errmsg(db)) + " for MATCH " + expression);
  const int n = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  return n;
}

// Document frequencies that depend on the input's bytes and on the term, so
// the fuzzer reaches plans with and without deferred terms.
struct FuzzedStatistics final : kurdi::search::TermStatistics {
  std::uint64_t seed;
  explicit FuzzedStatistics(std::uint64_t s) : seed(s) {}
  std::uint64_t documents() override { return 1000; }
  std::uint64_t documents_with(std::string_view term) override {
    std::uint64_t h = seed;
    for (const char c : term) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h % 1001;
  }
};

// Ranked rowids of a ranked match; aborts on an SQL error.
std::string ranked_rows(sqlite3* db, const kurdi::sqlite::RankedMatch& m, const char* where) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT rowid, kurdi_bm25(t, ?2, 3.0, 1.0) AS s FROM t WHERE t MATCH ?1 ORDER BY rowid",
                         -1, &stmt, nullptr) != SQLITE_OK)
    fail("prepare ranked", sqlite3_errmsg(db));
  sqlite3_bind_text(stmt, 1, m.match.data(), static_cast<int>(m.match.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 2, m.ranking.data(), static_cast<int>(m.ranking.size()), SQLITE_TRANSIENT);
  std::string rows;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    if (sqlite3_column_double(stmt, 1) < 0) fail("negative kurdi_bm25 score", m.match);
    rows.push_back(static_cast<char>('0' + sqlite3_column_int(stmt, 0)));
  }
  if (rc != SQLITE_DONE) fail(where, std::string(sqlite3_errmsg(db)) + " for MATCH " + m.match + " ranking " + m.ranking);
  sqlite3_finalize(stmt);
  return rows;
}

// kurdi_bm25 with arbitrary bytes as the ranking: a score or an SQL error.
void hostile_ranking(sqlite3* db, std::string_view ranking) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT kurdi_bm25(t, ?1) FROM t WHERE t MATCH '\"\x03ئەمریکا\" OR hêz'", -1, &stmt,
                         nullptr) != SQLITE_OK)
    fail("prepare hostile ranking", sqlite3_errmsg(db));
  sqlite3_bind_text(stmt, 1, ranking.data(), static_cast<int>(ranking.size()), SQLITE_TRANSIENT);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
  }
  sqlite3_finalize(stmt);
}

std::string sql_kurdi_query(sqlite3* db, std::string_view text) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT kurdi_query(?1)", -1, &stmt, nullptr) != SQLITE_OK)
    fail("prepare kurdi_query", sqlite3_errmsg(db));
  sqlite3_bind_text(stmt, 1, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (sqlite3_step(stmt) != SQLITE_ROW) fail("kurdi_query()", sqlite3_errmsg(db));
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  std::string out = p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0))) : std::string();
  sqlite3_finalize(stmt);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 2048) return 0;  // queries are short; bound the time per input
  static sqlite3* db = open_db();
  static kurdi::search::Expander expander;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const kurdi::search::Query query = kurdi::search::parse_query(text, expander);
  const std::string expression = kurdi::sqlite::fts5_match(query);
  const int n = count_matches(db, expression, "MATCH fts5_match(parse_query(input))");
  if (query.empty() || query.exclusions_only()) {
    if (n != 0) fail("an empty or exclusions-only query matched", expression);
  }
  if (!query.empty() && !query.exclusions_only()) {
    FuzzedStatistics statistics(size);
    const kurdi::search::QueryPlan plan = kurdi::search::plan_query(query, statistics);
    const std::string full =
        ranked_rows(db, kurdi::sqlite::fts5_ranked_match(query, plan, kurdi::sqlite::MatchPass::full), "full ranked match");
    const std::string narrow =
        ranked_rows(db, kurdi::sqlite::fts5_ranked_match(query, plan, kurdi::sqlite::MatchPass::narrow), "narrow ranked match");
    if (full.size() != static_cast<std::size_t>(n)) fail("the full ranked match differs from fts5_match", expression);
    for (const char row : narrow)
      if (full.find(row) == std::string::npos) fail("the narrow match has a row the full one has not", expression);
    // Widened plans (what a host does after a page that is short or below
    // the bound) render and stay within the full match too.
    for (int how = 0; how < 2; ++how) {
      kurdi::search::QueryPlan wider = plan;
      const bool changed = how == 0 ? kurdi::search::defer_to_share(wider, 0.2)
                                    : kurdi::search::defer_to_bound(wider, static_cast<double>(size % 7));
      if (!changed) continue;
      const std::string rows = ranked_rows(
          db, kurdi::sqlite::fts5_ranked_match(query, wider, kurdi::sqlite::MatchPass::narrow), "widened narrow match");
      for (const char row : rows)
        if (full.find(row) == std::string::npos) fail("a widened narrow match has a row the full one has not", expression);
    }
  }
  hostile_ranking(db, text);
  // SQL text cannot hold a NUL: SQLite's text functions stop at one.
  if (text.find('\0') == std::string_view::npos) {
    const std::string from_sql = sql_kurdi_query(db, text);
    if (from_sql != expression) fail("kurdi_query() differs from fts5_match(parse_query())", from_sql + " vs " + expression);
  }
  return 0;
}
