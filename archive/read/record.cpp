#include "archive/read/record.hpp"

#include <xxhash.h>

#include <cstdio>
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

// "stdin:" and the first 16 hex digits of the body's XXH3-128 (the hash the
// archive stores as content_hash): a pipe has no name or line that tells
// one feed from the next, so "-:2" would name the second record of every
// feed, and each feed would replace the last. The body's own hash names the
// same text the same way each time (re-fed: unchanged) and other text apart.
std::string standard_input_id(std::string_view body) {
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits(body.data(), body.size()));
  std::string id = "stdin:";
  char hex[3];
  for (int i = 0; i < 8; ++i) {
    std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned>(canonical.digest[i]));
    id += hex;
  }
  return id;
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
  if (document.id.empty())
    document.id = file == kStandardInput ? standard_input_id(document.body) : file + ":" + std::to_string(line);
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
