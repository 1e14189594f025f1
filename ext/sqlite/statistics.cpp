// Document frequencies of an FTS5 table for kurdi::search::plan_query
// (kurdi_sqlite.hpp, Fts5Statistics).
#include <stdexcept>
#include <string>

#include "kurdi_sqlite.hpp"
#include "sqlite_api.hpp"

namespace kurdi::sqlite {
namespace {

// A statement, or std::runtime_error with SQLite's message.
sqlite3_stmt* prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    sqlite3_finalize(s);
    throw std::runtime_error("kurdi: " + std::string(sqlite3_errmsg(db)) + " (in: " + sql + ")");
  }
  return s;
}

// The first column of the next row as an integer (0 when there is none).
std::int64_t first_integer(sqlite3* db, sqlite3_stmt* s) {
  sqlite3_reset(s);
  const int rc = sqlite3_step(s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw std::runtime_error("kurdi: " + std::string(sqlite3_errmsg(db)));
  const std::int64_t value = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
  sqlite3_reset(s);
  return value;
}

std::string quoted_identifier(std::string_view name) {
  std::string out = "\"";
  for (const char c : name) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace

Fts5Statistics::Fts5Statistics(sqlite3* db, std::string_view table, std::string count_sql)
    : db_(db), table_(table), count_sql_(std::move(count_sql)) {
  if (count_sql_.empty()) count_sql_ = "SELECT count(*) FROM " + quoted_identifier(table_);
}

Fts5Statistics::~Fts5Statistics() {
  sqlite3_finalize(version_);
  sqlite3_finalize(count_);
  sqlite3_finalize(lookup_);
}

void Fts5Statistics::refresh() {
  if (version_ == nullptr) version_ = prepare(db_, "PRAGMA data_version");
  const std::int64_t now = first_integer(db_, version_);
  if (now != data_version_ || stale_ || df_.size() > kMaxCached) {
    df_.clear();
    documents_ = -1;
    data_version_ = now;
    stale_ = false;
  }
}

std::uint64_t Fts5Statistics::documents() {
  if (documents_ < 0) {
    if (count_ == nullptr) count_ = prepare(db_, count_sql_);
    documents_ = first_integer(db_, count_);
  }
  return static_cast<std::uint64_t>(documents_);
}

std::uint64_t Fts5Statistics::documents_with(std::string_view stored_term) {
  const std::string key(stored_term);
  if (const auto found = df_.find(key); found != df_.end()) return found->second;
  if (lookup_ == nullptr) {
    // In the temp schema: read-only databases work and the file is left alone.
    const std::string vocab = quoted_identifier("kurdi_vocab_" + table_);
    const std::string create = "CREATE VIRTUAL TABLE IF NOT EXISTS temp." + vocab + " USING fts5vocab(main, " +
                               quoted_identifier(table_) + ", row)";
    char* error = nullptr;
    if (sqlite3_exec(db_, create.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string message = error ? error : "error";
      sqlite3_free(error);
      throw std::runtime_error("kurdi: cannot read the vocabulary of " + table_ + ": " + message);
    }
    lookup_ = prepare(db_, "SELECT doc FROM temp." + vocab + " WHERE term = ?1");
  }
  sqlite3_reset(lookup_);
  sqlite3_bind_text(lookup_, 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
  const auto df = static_cast<std::uint64_t>(first_integer(db_, lookup_));
  sqlite3_clear_bindings(lookup_);
  df_.emplace(key, df);
  return df;
}

std::optional<std::uint64_t> Fts5Statistics::cached(std::string_view stored_term) const {
  if (const auto found = df_.find(std::string(stored_term)); found != df_.end()) return found->second;
  return std::nullopt;
}

void Fts5Statistics::remember(std::string_view stored_term, std::uint64_t documents) {
  df_.insert_or_assign(std::string(stored_term), documents);
}

}  // namespace kurdi::sqlite
