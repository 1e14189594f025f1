// Snippets as HTML: FTS5's snippet() marks matches with two control
// characters (kMarkOpen, kMarkClose); this turns its output into
// HTML-escaped text with the matches in <mark>...</mark>.
#pragma once
#include <string>
#include <string_view>

namespace kurdi::archive {

inline constexpr std::string_view kMarkOpen = "\x01";
inline constexpr std::string_view kMarkClose = "\x02";

/// Escapes & < > " ' and turns the markers into <mark> and </mark>. A stray
/// marker byte that was already in the stored text (a C0 control, which
/// Kurdish text has no use for) never unbalances the tags: an opening
/// marker inside a mark and a closing one outside are dropped, and an open
/// mark is closed at the end. Other C0 controls except tab and newlines are
/// dropped; they are invisible and not allowed in XML.
std::string snippet_to_html(std::string_view marked);

}  // namespace kurdi::archive
