#include "snippet_html.hpp"

namespace kurdi::archive {

std::string snippet_to_html(std::string_view marked) {
  std::string out;
  out.reserve(marked.size() + 32);
  bool open = false;
  for (const char c : marked) {
    if (c == kMarkOpen[0]) {
      if (!open) out.append("<mark>");
      open = true;
      continue;
    }
    if (c == kMarkClose[0]) {
      if (open) out.append("</mark>");
      open = false;
      continue;
    }
    switch (c) {
      case '&': out.append("&amp;"); break;
      case '<': out.append("&lt;"); break;
      case '>': out.append("&gt;"); break;
      case '"': out.append("&quot;"); break;
      case '\'': out.append("&#39;"); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out.push_back(c);
    }
  }
  if (open) out.append("</mark>");
  return out;
}

}  // namespace kurdi::archive
