// JSON string output for the hot paths (tokenize --json writes several
// strings per token). A small hand-written RFC 8259 escaper: nlohmann::json
// builds a DOM per value and is far too slow for this, and we only ever need
// to write strings and integers.
#pragma once
#include <string_view>

#include "output.hpp"

namespace kurdi::cli {

/// Writes `s` as a JSON string, quotes included: '"', '\\' and control
/// characters escaped, malformed UTF-8 written as U+FFFD, so the result is
/// always valid JSON in valid UTF-8.
void write_json_string(Output& out, std::string_view s);

/// Writes `s` with each malformed UTF-8 sequence replaced by U+FFFD.
void write_valid_utf8(Output& out, std::string_view s);

}  // namespace kurdi::cli
