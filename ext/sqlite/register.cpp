// kurdi::sqlite::register_all: the tokenizer and the functions on one connection.
#include <string>

#include "kurdi_sqlite.hpp"
#include "sqlite_api.hpp"
#include "tokenizer.hpp"

namespace kurdi::sqlite {

int register_all(sqlite3* db, std::string* error) {
  const int rc = register_tokenizer(db, error);
  if (rc != SQLITE_OK) return rc;
  return register_functions(db, error);
}

}  // namespace kurdi::sqlite
