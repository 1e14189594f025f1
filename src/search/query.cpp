// The user query parser (include/kurdi/search.hpp, docs/sqlite.md "Query
// syntax"). Two passes: a lexer cuts the text into chunks (a word, a quoted
// phrase, the OR operator), each with its '-' and '*' marks; then chunks are
// tokenized with the search profile and grouped. Only ASCII bytes (space,
// quote, '-', '*') are looked at here, which never occur inside a multi-byte
// UTF-8 sequence; everything else goes to the tokenizer untouched.
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "kurdi/search.hpp"
#include "kurdi/tokenize.hpp"

namespace kurdi::search {
namespace {

struct Chunk {
  std::string_view text;
  bool quoted = false;
  bool excluded = false;
  bool prefix = false;
  bool is_or = false;
};

bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::vector<Chunk> lex(std::string_view s) {
  std::vector<Chunk> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
      continue;
    }
    Chunk c;
    // Leading '-' marks exclusion; several count as one. A '-' followed by
    // nothing or by a space is dropped.
    if (s[i] == '-') {
      while (i < s.size() && s[i] == '-') ++i;
      if (i == s.size() || is_space(s[i])) continue;
      c.excluded = true;
    }
    if (s[i] == '"') {
      const std::size_t begin = ++i;
      while (i < s.size() && s[i] != '"') ++i;
      c.text = s.substr(begin, i - begin);
      c.quoted = true;
      if (i < s.size()) ++i;  // the closing quote (a missing one ends at the end)
      if (i < s.size() && s[i] == '*') {
        c.prefix = true;
        while (i < s.size() && s[i] == '*') ++i;
      }
    } else {
      const std::size_t begin = i;
      while (i < s.size() && !is_space(s[i]) && s[i] != '"') ++i;
      std::string_view word = s.substr(begin, i - begin);
      while (!word.empty() && word.back() == '*') {
        word.remove_suffix(1);
        c.prefix = true;
      }
      c.text = word;
      c.is_or = !c.excluded && !c.prefix && word == "OR";
    }
    out.push_back(c);
  }
  return out;
}

// What makes two items the same search: their forms, phrase and prefix.
std::string item_key(const QueryItem& item) {
  std::string key(item.quoted ? "\"" : "");
  for (const QueryWord& w : item.words) (key += w.form) += ' ';
  if (item.prefix) key += '*';
  return key;
}

// Drops repeated items: a word typed twice (or a pasted text that repeats
// its words) is searched once. A repeat added nothing a user wants, and the
// planning and ranking of a query grew with the square of its items: 1,000
// copies of one word took 22 s.
void drop_repeats(Query& query) {
  std::unordered_set<std::string> seen;
  std::vector<QueryGroup> groups;
  for (QueryGroup& g : query.all) {
    std::unordered_set<std::string> in_group;
    std::vector<QueryItem> any;
    std::string group_key;
    for (QueryItem& item : g.any) {
      std::string key = item_key(item);
      if (!in_group.insert(key).second) continue;
      (group_key += key) += '|';
      any.push_back(std::move(item));
    }
    if (!seen.insert(group_key).second) continue;
    groups.push_back(QueryGroup{std::move(any)});
  }
  query.all = std::move(groups);
  std::unordered_set<std::string> excluded_seen;
  std::vector<QueryItem> excluded;
  for (QueryItem& item : query.excluded)
    if (excluded_seen.insert(item_key(item)).second) excluded.push_back(std::move(item));
  query.excluded = std::move(excluded);
}

}  // namespace

Query parse_query(std::string_view text, Expander& expander) {
  // No query language a host renders into can carry a NUL byte (an FTS5
  // MATCH string ends there, PostgreSQL text cannot hold one), so a NUL
  // separates words as a space does. Found by fuzz/fuzz_query.cpp.
  std::string without_nul;
  if (text.find('\0') != std::string_view::npos) {
    without_nul.assign(text);
    for (char& ch : without_nul)
      if (ch == '\0') ch = ' ';
    text = without_nul;
  }
  Query query;
  const TokenizeOptions options = search_tokenize_options();
  Tokens tokens;
  // Whether the previous positive item was followed by OR (the next positive
  // item joins its group).
  bool pending_or = false;
  bool last_positive = false;  // the last item kept was not an exclusion
  for (const Chunk& c : lex(text)) {
    if (c.is_or) {
      pending_or = last_positive;
      continue;
    }
    // The chunk's words, its text read as a prefix's (tokenize_prefix) or not.
    auto item_of = [&](bool as_prefix) {
      QueryItem item;
      item.quoted = c.quoted;
      item.prefix = c.prefix;
      if (as_prefix) {
        tokenize_prefix(c.text, tokens, options);
      } else {
        tokenize(c.text, tokens, options);
      }
      for (const Token& t : tokens.tokens) {
        if (!is_indexed(t.type)) continue;
        QueryWord w;
        w.form = std::string(tokens.norm(t));
        w.type = t.type;
        w.terms = expander.query_terms(w.form, t.type);
        item.words.push_back(std::move(w));
      }
      return item;
    };
    // One reading, or for a prefix in ه two: the start of a longer word
    // (جیه* for جیهان) or, in the older spelling, a word's final ە (ڕێگه*).
    std::vector<QueryItem> readings;
    readings.push_back(item_of(false));
    if (readings.front().words.empty()) continue;  // punctuation, '*' alone, empty quotes
    if (c.prefix && prefix_reads_otherwise(c.text)) {
      QueryItem inside = item_of(true);
      if (inside.words.size() == readings.front().words.size() &&
          inside.words.back().form != readings.front().words.back().form)
        readings.insert(readings.begin(), std::move(inside));
    }
    if (c.excluded) {
      for (QueryItem& item : readings) query.excluded.push_back(std::move(item));
      pending_or = false;  // OR next to an exclusion joins nothing
      last_positive = false;
      continue;
    }
    if (!pending_or || query.all.empty()) query.all.push_back(QueryGroup{});
    for (QueryItem& item : readings) query.all.back().any.push_back(std::move(item));
    pending_or = false;
    last_positive = true;
  }
  drop_repeats(query);
  return query;
}

}  // namespace kurdi::search
