// JSON Lines: one JSON object per line. nlohmann-json parses each line; it is
// confined to this file because its header is slow to compile. A hand parser
// would be smaller to build but would have to get strings, \u escapes and
// surrogate pairs right by itself; the library already does, and reports
// the column of a syntax error.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>

#include "archive/read/readers.hpp"
#include "archive/read/record.hpp"
#include "archive/read/text.hpp"
#include "kurdi/utf8.hpp"

namespace kurdi::archive::detail {
namespace {

using nlohmann::json;

// nlohmann's message without its "[json.exception...] parse error at line
// 1, column N: " prefix and "; last read: '...'" suffix (that excerpt can
// end inside a UTF-8 sequence; the column says where instead).
std::string parse_error_message(const json::parse_error& error) {
  std::string_view what = error.what();
  if (const std::size_t column = what.find("column "); column != std::string_view::npos) {
    if (const std::size_t colon = what.find(": ", column); colon != std::string_view::npos) {
      what.remove_prefix(colon + 2);
    }
  }
  if (const std::size_t last_read = what.find("; last read"); last_read != std::string_view::npos) {
    what = what.substr(0, last_read);
  }
  return std::string(what);
}

// "a number out of range at column N: 'TOKEN'" for nlohmann's "number
// overflow parsing 'TOKEN'", which gives no position: the column is where
// the token first occurs in the line.
std::string number_out_of_range_reason(std::string_view line, const json::out_of_range& error) {
  const std::string_view what = error.what();
  const std::size_t open = what.find('\'');
  const std::size_t close = open == std::string_view::npos ? open : what.find('\'', open + 1);
  if (close == std::string_view::npos) return "a number out of range";
  const std::string_view token = what.substr(open + 1, close - open - 1);
  std::string reason = "a number out of range";
  if (const std::size_t at = line.find(token); at != std::string_view::npos)
    reason += " at column " + std::to_string(position_of(line, at).column);
  return reason + ": " + quoted_for_message(token);
}

// Copies the string field `name`, if present and not null, into `out`;
// returns the reason when it has another type.
std::string take_string(const json& object, const char* name, std::optional<std::string>& out) {
  const auto it = object.find(name);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_string()) return std::string("`") + name + "` must be a string";
  out = it->get<std::string>();
  return {};
}

// The fields of one parsed line, or the reason it is not a record.
std::variant<RecordFields, std::string> fields_of(const json& object) {
  if (!object.is_object()) return std::string("the line is not a JSON object");
  RecordFields fields;
  if (const auto id = object.find("id"); id != object.end() && !id->is_null()) {
    if (id->is_string()) {
      fields.id = id->get<std::string>();
    } else if (id->is_number_unsigned()) {
      fields.id = std::to_string(id->get<std::uint64_t>());
    } else if (id->is_number_integer()) {
      fields.id = std::to_string(id->get<std::int64_t>());
    } else {
      return std::string("`id` must be a string or an integer");
    }
  }
  const std::pair<const char*, std::optional<std::string>*> strings[] = {
      {"title", &fields.title}, {"body", &fields.body}, {"source", &fields.source},
      {"url", &fields.url},     {"date", &fields.date}, {"language", &fields.language}};
  for (const auto& [name, slot] : strings) {
    if (std::string reason = take_string(object, name, *slot); !reason.empty()) return reason;
  }
  return fields;
}

}  // namespace

void read_jsonl(const Source& source) {
  LineReader lines(source.input, source.max_record_bytes, source.max_skip_bytes);
  std::string line;
  bool too_long = false;
  while (lines.next(line, too_long)) {
    const std::uint64_t number = lines.line_number();
    if (too_long) {
      source.skip(number, lines.endless()
                              ? endless_reason("line", source.max_record_bytes, source.max_skip_bytes)
                              : too_large_reason("line", source.max_record_bytes));
      continue;
    }
    if (trim_ascii(line).empty()) continue;
    if (const std::size_t bad = kurdi::find_invalid_utf8(line); bad != std::string_view::npos) {
      source.skip(number, invalid_utf8_reason(line, bad, number));
      continue;
    }
    json object;
    try {
      object = json::parse(line);
    } catch (const json::parse_error& error) {
      // error.byte is the 1-based byte at which parsing stopped.
      const std::size_t at = error.byte > 0 ? error.byte - 1 : 0;
      const std::uint64_t column = position_of(line, at).column;
      source.skip(number, "invalid JSON at column " + std::to_string(column) + ": " + parse_error_message(error));
      continue;
    } catch (const json::out_of_range& error) {
      // A number beyond a double's range (1E999), in any field: the parser
      // gives up on the line, which ended the whole run before this.
      source.skip(number, number_out_of_range_reason(line, error));
      continue;
    }
    auto fields = fields_of(object);
    if (auto* reason = std::get_if<std::string>(&fields)) {
      source.skip(number, std::move(*reason));
      continue;
    }
    auto outcome = finish_record(std::move(std::get<RecordFields>(fields)), source.file, number);
    if (auto* reason = std::get_if<std::string>(&outcome)) {
      source.skip(number, std::move(*reason));
      continue;
    }
    source.sink.document(std::move(std::get<SourceDocument>(outcome)));
  }
  if (!source.input.error().empty()) source.skip(lines.line_number() + 1, source.input.error());
}

}  // namespace kurdi::archive::detail
