// kurdi search ARCHIVE QUERY: the archive's best hits, as text for a
// terminal or as JSON Lines (--json). Exit 0 whether or not anything matched.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "archive/archive.hpp"
#include "commands.hpp"
#include "json.hpp"
#include "output.hpp"
#include "session.hpp"

namespace kurdi::cli {
namespace {

void write_json_hit(Output& out, const archive::Hit& hit) {
  char score[32];
  std::snprintf(score, sizeof score, "%.6g", hit.score);
  out.write("{\"id\":");
  write_json_string(out, hit.id);
  out.write(",\"title\":");
  write_json_string(out, hit.title);
  out.write(",\"score\":");
  out.write(score);
  out.write(",\"snippet\":");
  write_json_string(out, hit.snippet);
  out.write(",\"source\":");
  write_json_string(out, hit.source);
  out.write(",\"date\":");
  write_json_string(out, hit.date);
  out.write(",\"url\":");
  write_json_string(out, hit.url);
  out.write("}\n");
}

// The snippet is HTML (escaped text, <mark> around matches); a terminal gets
// the text with the matches in bold yellow, a pipe gets them between ** **.
void write_snippet_as_text(Output& out, std::string_view html, bool colour) {
  const std::string_view open = colour ? "\033[1;33m" : "**";
  const std::string_view close = colour ? "\033[0m" : "**";
  static constexpr std::pair<std::string_view, std::string_view> kReplacements[] = {
      {"<mark>", ""}, {"</mark>", ""}, {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
  std::size_t i = 0;
  while (i < html.size()) {
    bool replaced = false;
    if (html[i] == '<' || html[i] == '&') {
      for (const auto& [from, to] : kReplacements) {
        if (html.substr(i, from.size()) != from) continue;
        out.write(from == "<mark>" ? open : from == "</mark>" ? close : to);
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      out.put(html[i] == '\n' ? ' ' : html[i]);
      ++i;
    }
  }
}

void write_text_hit(Output& out, std::size_t rank, const archive::Hit& hit, bool colour) {
  out.write(std::to_string(rank));
  out.write(". ");
  out.write(hit.title.empty() ? std::string_view("(no title)") : std::string_view(hit.title));
  out.write("\n   ");
  out.write(hit.id);
  for (const std::string* field : {&hit.source, &hit.date})
    if (!field->empty()) {
      out.write(" | ");
      out.write(*field);
    }
  // No score here: BM25 values mean nothing to a reader (--json has them).
  out.write("\n   ");
  write_snippet_as_text(out, hit.snippet, colour);
  out.write("\n\n");
}

}  // namespace

int run_search(const SearchArgs& args) {
  archive::OpenOptions open;
  open.read_only = true;
  const archive::Archive archive(args.archive, open);
  archive::SearchRequest request;
  request.query = args.query;
  request.limit = args.limit;
  request.offset = args.offset;
  request.from = args.from;
  request.to = args.to;
  request.source = args.source;
  const archive::SearchResult result = archive.search(request);
  if (!result.message.empty()) std::fprintf(stderr, "kurdi search: %s\n", result.message.c_str());

  Output out;
  const bool colour = !args.json && isatty(STDOUT_FILENO) == 1;
  std::size_t rank = args.offset;
  for (const archive::Hit& hit : result.hits) {
    if (args.json)
      write_json_hit(out, hit);
    else
      write_text_hit(out, ++rank, hit, colour);
  }
  out.flush();
  if (!args.json && result.hits.empty() && result.message.empty())
    std::fprintf(stderr, "kurdi search: no documents match\n");
  return kExitOk;
}

}  // namespace kurdi::cli
