#include "sqlite_db.hpp"

#include "archive.hpp"

namespace kurdi::archive::db {

Connection::Connection(const std::string& path, int flags) : path_(path) {
  // SQLite counts every allocation under one process-wide mutex unless told
  // not to (SQLITE_CONFIG_MEMSTATUS; kurdi never reads the counts): two
  // searches on two threads queued on it. Only possible before SQLite is
  // initialized; later (a host that used SQLite first) it fails, harmlessly.
  static const int memstatus_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  static_cast<void>(memstatus_off);
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw ArchiveError(ArchiveError::Kind::sqlite, "cannot open " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Connection::~Connection() { sqlite3_close_v2(db_); }

void Connection::fail(int code, std::string_view what) const {
  std::string message(what);
  message.append(": ");
  message.append(sqlite3_errmsg(db_));
  fail_with(code, std::move(message));
}

// SQLite's own words for these two ("file is not a database", "attempt to
// write a readonly database") do not say which file: a user with several
// archives, or a text file named .db by mistake, is told which and what.
void Connection::fail_with(int code, std::string message) const {
  switch (code & 0xff) {
    case SQLITE_NOTADB:
      throw ArchiveError(ArchiveError::Kind::not_an_archive, path_ + ": not a kurdi archive (not an SQLite database)");
    case SQLITE_READONLY:
      throw ArchiveError(ArchiveError::Kind::sqlite, path_ + ": cannot write to the archive (read-only)");
    default:
      throw ArchiveError(ArchiveError::Kind::sqlite, message);
  }
}

void Connection::exec(const char* sql) const {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    fail_with(rc, std::move(message));
  }
}

Statement::Statement(const Connection& connection, const char* sql) : connection_(connection) {
  const int rc = sqlite3_prepare_v3(connection.get(), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) connection.fail(rc, "cannot prepare a statement");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind_pointer(int index, void* pointer, const char* type) {
  const int rc = sqlite3_bind_pointer(stmt_, index, pointer, type, nullptr);
  if (rc != SQLITE_OK) connection_.fail(rc, "cannot bind a value");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  // SQLITE_TRANSIENT: callers bind temporaries.
  const int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) connection_.fail(rc, "cannot bind a value");
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) connection_.fail(rc, "cannot bind a value");
  return *this;
}

Statement& Statement::bind_blob(int index, const void* data, std::size_t size) {
  const int rc = sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) connection_.fail(rc, "cannot bind a value");
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  connection_.fail(rc, "SQLite error");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string_view Statement::text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!p) return {};
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::string_view Statement::blob(int column) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  if (!p) return {};
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

}  // namespace kurdi::archive::db
