// kurdi::search::tokens_json (include/kurdi/search.hpp): what the SQLite and
// PostgreSQL hosts' kurdi_tokens() return, written once so they agree.
//
// Not part of the analyzer version: it renders Expander::document_terms,
// which is (src/CMakeLists.txt leaves this file out of the version hash).
#include <string>

#include "kurdi/search.hpp"

namespace kurdi::search {
namespace {

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      out.append("\\u00");
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

}  // namespace

std::string tokens_json(std::string_view text, Expander& expander) {
  const Tokens tokens = tokenize(text, search_tokenize_options());
  std::string out = "[";
  for (const Token& t : tokens.tokens) {
    if (!is_indexed(t.type)) continue;
    if (out.size() > 1) out.push_back(',');
    out.append("{\"form\":");
    append_json_string(out, tokens.norm(t));
    out.append(",\"type\":");
    append_json_string(out, token_type_name(t.type));
    out.append(",\"begin\":");
    out.append(std::to_string(t.begin));
    out.append(",\"end\":");
    out.append(std::to_string(t.end));
    out.append(",\"stems\":[");
    bool first = true;
    for (const Term& term : expander.document_terms(tokens.norm(t), t.type)) {
      if (term.exact) continue;
      if (!first) out.push_back(',');
      first = false;
      append_json_string(out, term.text);
    }
    out.append("]}");
  }
  out.push_back(']');
  return out;
}

}  // namespace kurdi::search
