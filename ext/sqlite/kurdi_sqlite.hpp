// kurdi's SQLite host (docs/sqlite.md): the FTS5 tokenizer `kurdi` and the SQL
// functions kurdi_query, kurdi_normalize, kurdi_stem, kurdi_lemma,
// kurdi_tokens, kurdi_translit and kurdi_version.
//
// Programs that link SQLite themselves (kurdi index, kurdi search) link the
// static library kurdi_sqlite and call register_all() on each connection;
// the sqlite3 shell and other programs load the extension kurdi.so instead
// (`.load ./kurdi`, entry point sqlite3_kurdi_init).
#pragma once
#include <string>
#include <string_view>

#include "kurdi/search.hpp"

struct sqlite3;

namespace kurdi::sqlite {

/// Registers the tokenizer and the functions on `db`. Returns an SQLite
/// result code; on failure `*error` (when not null) says why.
int register_all(sqlite3* db, std::string* error = nullptr);

/// Renders a parsed query as an FTS5 MATCH expression for a table whose
/// tokenizer is `kurdi` (docs/sqlite.md, "kurdi_query"). Every word and
/// phrase is quoted, so the result always parses. An empty query, or one of
/// exclusions only, gives `""` (an empty phrase: matches nothing).
std::string fts5_match(const kurdi::search::Query& query);

/// The tokenizer's options, as parsed from `tokenize='kurdi ...'`.
struct TokenizerOptions {
  bool stems = true;         ///< index stem and lemma terms (option `stems 0|1`)
  std::string user_lexicon;  ///< path of a user lexicon file (option `user_lexicon PATH`)
};

/// Parses tokenizer arguments (name-value pairs). Returns false with a
/// message in `*error` on an unknown option or a bad value.
bool parse_tokenizer_options(const char* const* args, int count, TokenizerOptions& out,
                             std::string& error);

/// The analyzer version of a table created with these options (the user
/// lexicon's hash included). Reads the user lexicon file; throws
/// std::runtime_error or std::invalid_argument when it cannot.
std::string analyzer_version(const TokenizerOptions& options);

}  // namespace kurdi::sqlite
