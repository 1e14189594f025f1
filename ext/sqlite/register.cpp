// kurdi::sqlite::register_all: the tokenizer, the ranking function and the SQL
// functions on one connection.
#include <string>

#include "kurdi_sqlite.hpp"
#include "sqlite_api.hpp"
#include "tokenizer.hpp"

namespace kurdi::sqlite {

int register_all(sqlite3* db, std::string* error) {
  int rc = register_tokenizer(db, error);
  if (rc != SQLITE_OK) return rc;
  rc = register_ranking(db, error);
  if (rc != SQLITE_OK) return rc;
  return register_functions(db, error);
}

}  // namespace kurdi::sqlite
