// A parsed user query as an FTS5 MATCH expression (docs/sqlite.md).
//
// Each word or phrase X becomes ("<exact>X" OR "X"): the first string, behind
// kurdi::search::exact_marker, asks the kurdi tokenizer for the exact
// search-profile forms only; the second for every term (forms, stems and
// lemmas as colocated synonyms). A document holding the exact form matches
// both phrases, one holding only an inflected form matches the second, so
// BM25 ranks exact forms first. A prefix is "<exact>X" * (forms only).
// Groups join with AND, OR groups are bracketed, exclusions follow as NOT:
// FTS5's NOT is binary, so -x can only subtract from something.
#include <string>

#include "kurdi_sqlite.hpp"

namespace kurdi::sqlite {
namespace {

void append_quoted(std::string& out, std::string_view marker, const search::QueryItem& item) {
  out.push_back('"');
  out.append(marker);
  bool first = true;
  for (const search::QueryWord& w : item.words) {
    if (!first) out.push_back(' ');
    first = false;
    for (const char c : w.form) {
      if (c == '"') out.push_back('"');  // FTS5 string: a quote is doubled
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void append_item(std::string& out, const search::QueryItem& item) {
  if (item.prefix) {
    append_quoted(out, search::exact_marker, item);
    out.append(" *");
    return;
  }
  out.push_back('(');
  append_quoted(out, search::exact_marker, item);
  out.append(" OR ");
  append_quoted(out, {}, item);
  out.push_back(')');
}

}  // namespace

std::string fts5_match(const search::Query& query) {
  if (query.all.empty()) return "\"\"";
  std::string positive;
  for (const search::QueryGroup& g : query.all) {
    if (!positive.empty()) positive.append(" AND ");
    if (g.any.size() > 1) positive.push_back('(');
    bool first = true;
    for (const search::QueryItem& item : g.any) {
      if (!first) positive.append(" OR ");
      first = false;
      append_item(positive, item);
    }
    if (g.any.size() > 1) positive.push_back(')');
  }
  if (query.excluded.empty()) return positive;
  std::string out = "(" + positive + ")";
  for (const search::QueryItem& item : query.excluded) {
    out.append(" NOT ");
    append_item(out, item);
  }
  return out;
}

}  // namespace kurdi::sqlite
