// Snippets as HTML: FTS5's snippet() marks matches with two marker bytes
// (kMarkOpen, kMarkClose); this turns its output into HTML-escaped text with
// the matches in <mark>...</mark>.
#pragma once
#include <string>
#include <string_view>

namespace kurdi::archive {

// Bytes that never occur in UTF-8, so that no stored text can hold a marker:
// every host stores valid UTF-8 (the readers and Python check it). Control
// characters such as U+0001, which FTS5 snippets are often marked with, do
// occur in real text (pasted terminal output, broken converters). The
// snippet SQL in archive.cpp spells these two as CAST(x'FF' AS TEXT) and
// CAST(x'FE' AS TEXT).
inline constexpr std::string_view kMarkOpen = "\xFF";
inline constexpr std::string_view kMarkClose = "\xFE";

/// Escapes & < > " ' and turns the markers into <mark> and </mark>. The tags
/// stay balanced whatever the input: an opening marker inside a mark and a
/// closing one outside are dropped, and an open mark is closed at the end.
/// C0 controls except tab and newlines are dropped; they are invisible and
/// not allowed in XML.
std::string snippet_to_html(std::string_view marked);

}  // namespace kurdi::archive
