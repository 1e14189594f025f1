// Internal to the SQLite host: registration of the FTS5 tokenizer, the FTS5
// ranking function kurdi_bm25 and the SQL functions (register.cpp calls them).
#pragma once
#include <string>

struct sqlite3;
struct fts5_api;

namespace kurdi::sqlite {

/// The connection's FTS5 API, or null (with a message in *error) when it has none.
fts5_api* fts5_api_of(sqlite3* db, std::string* error);
int register_tokenizer(sqlite3* db, std::string* error);
int register_ranking(sqlite3* db, std::string* error);
int register_functions(sqlite3* db, std::string* error);

}  // namespace kurdi::sqlite
