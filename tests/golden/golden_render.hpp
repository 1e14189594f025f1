// Golden files of the seed articles: how the current analysis is rendered
// to text, and how a golden file records the analyzer version that made it.
//
// A golden file is one header line followed by the rendered output, byte
// for byte:
//   #kurdi-golden analyzer=<kurdi::analyzer_version()> kind=<kind> source=<name>
// Kinds: standard (normalized text), search (search-profile text), tokens
// (one token a line: begin, end, type, original text, normalized form; tab
// separated, byte offsets into the original article), sentences (one
// sentence a line: begin, end, original text).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kurdi_golden {

struct Kind {
  std::string_view name;       ///< "standard", "search", "tokens", "sentences"
  std::string_view extension;  ///< file name suffix, e.g. ".tokens.tsv"
};

/// Every kind of golden output, in a fixed order.
const std::vector<Kind>& kinds();

/// Renders `kind` of the analysis of `input` (without the header line).
std::string render(std::string_view kind, std::string_view input);

/// The header line (with its '\n') for a golden file.
std::string header(std::string_view kind, std::string_view source_name,
                   std::string_view analyzer_version);

struct GoldenFile {
  std::string analyzer_version;
  std::string kind;
  std::string source;
  std::string body;  ///< everything after the header line
};

/// Splits a golden file into header fields and body; nullopt when the header
/// line is missing or malformed.
std::optional<GoldenFile> parse(std::string_view file);

/// Escapes \, tab, CR and LF (and other C0 controls as \xHH) so that a field
/// stays on one line of a TSV file.
std::string escape_field(std::string_view s);

/// Reads a whole file; nullopt when it cannot be opened.
std::optional<std::string> read_file(const std::string& path);

/// The seed article file names (sorted) in `dir`.
std::vector<std::string> seed_names(const std::string& dir);

/// The first `max_lines` lines where `expected` and `actual` differ, as a
/// readable report. Line numbers are 1-based plus `line_offset` (1 to count
/// the header line of a golden file).
std::string first_differences(std::string_view expected, std::string_view actual,
                              std::size_t line_offset = 0, std::size_t max_lines = 5);

}  // namespace kurdi_golden
