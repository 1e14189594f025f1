// Internal to the SQLite host: registration of the FTS5 tokenizer and of
// the SQL functions (register.cpp calls both).
#pragma once
#include <string>

struct sqlite3;

namespace kurdi::sqlite {

int register_tokenizer(sqlite3* db, std::string* error);
int register_functions(sqlite3* db, std::string* error);

}  // namespace kurdi::sqlite
