#include "archive/read/record.hpp"

#include <string_view>
#include <utility>

#include "archive/read/dates.hpp"
#include "archive/read/text.hpp"
#include "kurdi/utf8.hpp"

namespace kurdi::archive::detail {
namespace {

std::string trimmed(const std::optional<std::string>& value) {
  return value ? std::string(trim_ascii(*value)) : std::string();
}

}  // namespace

std::string bad_date_reason(const std::string& date) {
  return "`date` " + quoted_for_message(date) + " is not a date (expected YYYY-MM-DD)";
}

std::variant<SourceDocument, std::string> finish_record(RecordFields&& fields, const std::string& file,
                                                        std::uint64_t line) {
  // The readers check the raw input with line numbers; this is the net that
  // keeps the "every string is valid UTF-8" promise whatever the reader.
  const std::pair<const char*, const std::optional<std::string>*> all[] = {
      {"id", &fields.id},         {"title", &fields.title}, {"body", &fields.body},
      {"source", &fields.source}, {"url", &fields.url},     {"date", &fields.date},
      {"language", &fields.language}};
  for (const auto& [name, value] : all) {
    if (*value && kurdi::find_invalid_utf8(**value) != std::string_view::npos) {
      return std::string("invalid UTF-8 in `") + name + "`";
    }
  }

  if (!fields.body) return std::string("`body` is missing");
  SourceDocument document;
  document.body = trimmed(fields.body);
  if (document.body.empty()) return std::string("`body` is empty");

  document.date = trimmed(fields.date);
  if (!document.date.empty()) {
    auto date = normalize_date(document.date);
    if (!date) return bad_date_reason(document.date);
    document.date = std::move(*date);
  }

  document.id = trimmed(fields.id);
  if (document.id.empty()) document.id = file + ":" + std::to_string(line);
  document.title = fields.title ? collapse_ascii_space(*fields.title) : std::string();
  document.source = trimmed(fields.source);
  document.url = trimmed(fields.url);
  document.language = trimmed(fields.language);
  if (document.language.empty()) document.language = "ckb";
  document.file = file;
  document.line = line;
  return document;
}

}  // namespace kurdi::archive::detail
