// kurdi._kurdi: the FTS5 tokenizer `kurdi` and the SQL functions of
// docs/sqlite.md for Python's own sqlite3 connections, with no load_extension.
//
// The module links the system libsqlite3.so.0, the library Debian's _sqlite3
// module uses, so both see one SQLite: sqlite3_auto_extension() here makes
// every connection opened afterwards (sqlite3.connect(...)) run
// kurdi::sqlite::register_all.
#include <sqlite3.h>

#include <string>

#include "common.hpp"
#include "kurdi_sqlite.hpp"

namespace kurdi::python {

namespace {

extern "C" int kurdi_python_sqlite_init(sqlite3* db, char** error_message, const sqlite3_api_routines*) {
  std::string error;
  const int rc = kurdi::sqlite::register_all(db, &error);
  if (rc != SQLITE_OK && error_message != nullptr) *error_message = sqlite3_mprintf("kurdi: %s", error.c_str());
  return rc;
}

// sqlite3_auto_extension takes the entry point as void (*)(void).
using AutoEntry = void (*)();

int enable_auto_extension() {
  return sqlite3_auto_extension(reinterpret_cast<AutoEntry>(&kurdi_python_sqlite_init));
}

}  // namespace

void register_sqlite(py::module_& m) {
  const int rc = enable_auto_extension();
  m.attr("sqlite_auto_extension") = py::bool_(rc == SQLITE_OK);
  m.attr("sqlite_library_version") = py::str(sqlite3_libversion());
  m.def(
      "enable_sqlite",
      []() {
        const int code = enable_auto_extension();
        if (code != SQLITE_OK) throw std::runtime_error(std::string("sqlite3_auto_extension: ") + sqlite3_errstr(code));
      },
      R"(Registers the FTS5 tokenizer `kurdi` and the SQL functions (kurdi_query,
kurdi_normalize, kurdi_stem, kurdi_lemma, kurdi_tokens, kurdi_translit,
kurdi_version) for every SQLite connection opened from now on. `import kurdi`
already did this; calling it again does nothing. Connections opened before the
import do not have them.)");
}

}  // namespace kurdi::python
