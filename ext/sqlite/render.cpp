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
//
// fts5_ranked_match (the archive's search, ranked by kurdi_bm25) renders a
// kurdi::search::QueryPlan instead: each term of a word is a phrase of its
// own behind kurdi::search::term_marker, so each is weighted and counted on
// its own (docs/sqlite.md, "Ranking").
#include <charconv>
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

// --- Ranked matches (kurdi_bm25) ---------------------------------------------

namespace kurdi::sqlite {
namespace {

class RankedRenderer {
 public:
  RankedRenderer(const search::Query& query, const search::QueryPlan& plan) : query_(query), plan_(plan) {}

  RankedMatch render(MatchPass pass) {
    if (query_.all.empty()) {
      out_.match = "\"\"";
      entry(-1, 0, 0, {});
      return std::move(out_);
    }
    int slot = 0;
    for (std::size_t g = 0; g < plan_.groups.size(); ++g) {
      if (g > 0) out_.match.append(" AND ");
      out_.match.push_back('(');
      slot = group(g, slot);
      out_.match.push_back(')');
    }
    if (pass == MatchPass::narrow && plan_.deferred) {
      out_.match.append(" AND (");
      gate();
      out_.match.push_back(')');
    }
    if (!query_.excluded.empty()) {
      out_.match.insert(0, 1, '(');
      out_.match.push_back(')');
      for (const search::QueryItem& item : query_.excluded) {
        out_.match.append(" NOT (");
        whole_item(item, -1);
        out_.match.push_back(')');
      }
    }
    return std::move(out_);
  }

 private:
  // The items of group g as one OR list, each bracketed, slots numbered
  // from `slot`. Returns the next slot.
  int group(std::size_t g, int slot) {
    bool first = true;
    for (const search::PlannedItem& item : plan_.groups[g]) {
      const int s = slot++;
      if (!first) out_.match.append(" OR ");
      first = false;
      out_.match.push_back('(');
      if (item.terms.empty()) whole_item(*item.item, s);
      bool first_term = true;
      for (const search::PlannedTerm& t : item.terms) {
        if (!first_term) out_.match.append(" OR ");
        first_term = false;
        term(t, s);
      }
      out_.match.push_back(')');
    }
    return slot;
  }

  // The narrow pass's gate: every phrase that is not deferred (the terms
  // left in, and phrase and prefix items whole), of every group, as one OR
  // list with slot -1: the groups above score them, they must not score
  // twice. A plan with nothing left in gets the empty phrase: no document.
  void gate() {
    bool first = true;
    for (const std::vector<search::PlannedItem>& items : plan_.groups)
      for (const search::PlannedItem& item : items) {
        if (item.terms.empty()) {
          if (!first) out_.match.append(" OR ");
          first = false;
          whole_item(*item.item, -1);
        }
        for (const search::PlannedTerm& t : item.terms) {
          if (t.deferred) continue;
          if (!first) out_.match.append(" OR ");
          first = false;
          term(t, -1);
        }
      }
    if (first) {
      out_.match.append("\"\"");
      entry(-1, 0, 0, {});
    }
  }

  void term(const search::PlannedTerm& t, int slot) {
    const std::string stored = search::stored_term(t.term);
    quoted(search::term_marker, stored);
    entry(slot, t.weight, static_cast<double>(t.df), stored);
  }

  // A phrase or prefix, matched whole: its exact form, or any of its terms.
  void whole_item(const search::QueryItem& item, int slot) {
    std::string text;
    for (const search::QueryWord& w : item.words) {
      if (!text.empty()) text.push_back(' ');
      text.append(w.form);
    }
    quoted(search::exact_marker, text);
    entry(slot, 1.0, -1, {});
    if (item.prefix) {
      out_.match.append(" *");
      return;
    }
    out_.match.append(" OR ");
    quoted({}, text);
    entry(slot, plan_.options.related_weight, -1, {});
  }

  void quoted(std::string_view marker, std::string_view text) {
    std::string& m = out_.match;
    m.push_back('"');
    m.append(marker);
    for (const char c : text) {
      if (c == '"') m.push_back('"');  // FTS5 string: a quote is doubled
      m.push_back(c);
    }
    m.push_back('"');
  }

  // One phrase's ranking entry, and the one index term it is (empty for
  // a phrase or prefix of the query's own text).
  void entry(int slot, double weight, double df, std::string_view term) {
    out_.terms.emplace_back(term);
    std::string& r = out_.ranking;
    if (!r.empty()) r.push_back(';');
    number(r, slot);
    r.push_back(' ');
    number(r, weight);
    r.push_back(' ');
    number(r, df);
  }

  static void number(std::string& out, double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
  }

  const search::Query& query_;
  const search::QueryPlan& plan_;
  RankedMatch out_;
};

}  // namespace

RankedMatch fts5_ranked_match(const search::Query& query, const search::QueryPlan& plan, MatchPass pass) {
  return RankedRenderer(query, plan).render(pass);
}

}  // namespace kurdi::sqlite
