// libFuzzer target for the search query path (issue 5, section 5: kurdi_query
// fuzzed). Any bytes are a user query; the contracts:
//   * kurdi::search::parse_query accepts them (never throws);
//   * the FTS5 MATCH expression kurdi::sqlite::fts5_match renders parses in
//     SQLite and runs against a table with the kurdi tokenizer: no SQL error;
//   * the SQL function kurdi_query() gives the same expression, and MATCH on
//     it runs too;
//   * a query of exclusions only matches nothing.
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
  // SQL text cannot hold a NUL: SQLite's text functions stop at one.
  if (text.find('\0') == std::string_view::npos) {
    const std::string from_sql = sql_kurdi_query(db, text);
    if (from_sql != expression) fail("kurdi_query() differs from fts5_match(parse_query())", from_sql + " vs " + expression);
  }
  return 0;
}
