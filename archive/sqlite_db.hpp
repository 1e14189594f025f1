// A thin RAII layer over the SQLite C API for the archive: a connection and
// prepared statements that throw ArchiveError (kind sqlite, or not_an_archive
// for SQLITE_NOTADB) with SQLite's own message instead of returning codes.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace kurdi::archive::db {

class Connection {
 public:
  /// Opens `path` with sqlite3_open_v2 `flags`; throws on failure.
  Connection(const std::string& path, int flags);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* get() const noexcept { return db_; }
  /// Runs one or more statements that return no rows.
  void exec(const char* sql) const;
  /// Throws the connection's current error, prefixed with `what`; a file
  /// that is not a database or cannot be written is named instead.
  [[noreturn]] void fail(int code, std::string_view what) const;

 private:
  [[noreturn]] void fail_with(int code, std::string message) const;
  std::string path_;
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(const Connection& connection, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_blob(int index, const void* data, std::size_t size);
  Statement& bind_null(int index);
  /// A pointer for an extension function (sqlite3_bind_pointer), not owned.
  Statement& bind_pointer(int index, void* pointer, const char* type);
  /// Steps once: true when a row is available, false when done.
  bool step();
  /// Steps to completion (for statements that return no rows) and resets.
  void run();
  /// Resets for the next execution and clears bindings.
  void reset();

  std::string_view text(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  bool is_null(int column) const;
  std::string_view blob(int column) const;

 private:
  const Connection& connection_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace kurdi::archive::db
