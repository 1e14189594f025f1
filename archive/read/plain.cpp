// Plain text and Markdown: one document per file. The first non-empty line
// is the title when it is short enough to be one; Markdown is otherwise
// stored as written (its syntax is punctuation to the analyzer).
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "archive/read/readers.hpp"
#include "archive/read/record.hpp"
#include "archive/read/text.hpp"
#include "kurdi/utf8.hpp"

namespace kurdi::archive::detail {
namespace {

// A first line of 200 code points or more is a paragraph, not a title.
constexpr std::size_t kMaxTitleCodePoints = 200;

struct Line {
  std::string_view text;  // without its line break
  std::size_t end = 0;    // offset just after its line break
};

Line first_non_empty_line(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t newline = std::min(text.find('\n', begin), text.size());
    const std::string_view line = text.substr(begin, newline - begin);
    const std::size_t end = std::min(newline + 1, text.size());
    if (!trim_ascii(line).empty()) return {line, end};
    begin = end;
  }
  return {};
}

// "## Title" -> "Title".
std::string_view without_heading_marks(std::string_view line) {
  line = trim_ascii(line);
  while (!line.empty() && line.front() == '#') line.remove_prefix(1);
  return trim_ascii(line);
}

}  // namespace

void read_plain(const Source& source, bool markdown) {
  std::string text;
  if (!source.input.read_all(text, source.max_record_bytes)) {
    source.skip(0, source.input.error().empty() ? too_large_reason("file", source.max_record_bytes)
                                                : source.input.error());
    return;
  }
  if (const std::size_t bad = kurdi::find_invalid_utf8(text); bad != std::string_view::npos) {
    source.skip(position_of(text, bad).line, invalid_utf8_reason(text, bad, 1));
    return;
  }
  if (trim_ascii(text).empty()) {
    source.skip(0, "the file is empty");
    return;
  }

  RecordFields fields;
  if (source.file != kStandardInput) fields.id = source.file;  // else derived from the body
  const Line first = first_non_empty_line(text);
  const std::string_view title = markdown ? without_heading_marks(first.text) : trim_ascii(first.text);
  if (!title.empty() && code_points(title) < kMaxTitleCodePoints) {
    fields.title = std::string(title);
    const std::string_view rest = trim_ascii(std::string_view(text).substr(first.end));
    // A one-line file is still a document: its line is title and body.
    fields.body = std::string(rest.empty() ? title : rest);
  } else {
    fields.title = std::string(base_name(source.file));
    fields.body = std::move(text);
  }
  auto outcome = finish_record(std::move(fields), source.file, 1);
  if (auto* reason = std::get_if<std::string>(&outcome)) {
    source.skip(0, std::move(*reason));
    return;
  }
  source.sink.document(std::move(std::get<SourceDocument>(outcome)));
}

}  // namespace kurdi::archive::detail
