// What every record-based reader shares: the fields a record may carry, and
// the rules that turn them into a SourceDocument (docs/archive-input.md,
// "Fields").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "archive/read/document_reader.hpp"

namespace kurdi::archive::detail {

/// The known fields as found in a record; nullopt when absent.
struct RecordFields {
  std::optional<std::string> id;
  std::optional<std::string> title;
  std::optional<std::string> body;
  std::optional<std::string> source;
  std::optional<std::string> url;
  std::optional<std::string> date;
  std::optional<std::string> language;
};

/// The name read_paths() gives standard input.
inline constexpr std::string_view kStandardInput = "-";

/// The document, or the reason the record cannot become one. Trims every
/// field, collapses the title's whitespace, normalizes the date, derives a
/// missing or empty id as "FILE:LINE" (from standard input "stdin:" and 16
/// hex digits of the body's hash) and defaults the language to "ckb".
std::variant<SourceDocument, std::string> finish_record(RecordFields&& fields, const std::string& file,
                                                        std::uint64_t line);

/// The reason for a `date` that is not one of the accepted forms.
std::string bad_date_reason(const std::string& date);

}  // namespace kurdi::archive::detail
