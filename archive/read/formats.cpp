// Format names and file extensions.
#include <string>
#include <string_view>

#include "archive/read/document_reader.hpp"

namespace kurdi::archive {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  const std::string lower = lower_ascii(name);
  if (lower == "jsonl" || lower == "ndjson") return Format::jsonl;
  if (lower == "csv") return Format::csv;
  if (lower == "txt" || lower == "text") return Format::text;
  if (lower == "md" || lower == "markdown") return Format::markdown;
  if (lower == "html" || lower == "htm") return Format::html;
  return std::nullopt;
}

std::optional<Format> format_of(std::string_view file_name) {
  const std::size_t slash = file_name.rfind('/');
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  const std::size_t dot = file_name.rfind('.');
  // ".md" alone is a hidden file with no extension.
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  const std::string extension = lower_ascii(file_name.substr(dot + 1));
  // "text" and "markdown" are --format names, not extensions.
  if (extension == "text" || extension == "markdown") return std::nullopt;
  return parse_format(extension);
}

std::string_view format_name(Format format) noexcept {
  switch (format) {
    case Format::jsonl: return "jsonl";
    case Format::csv: return "csv";
    case Format::text: return "txt";
    case Format::markdown: return "md";
    case Format::html: return "html";
  }
  return "?";
}

std::string to_string(const Skip& skip) {
  std::string out = skip.file;
  if (skip.line > 0) {
    out += ':';
    out += std::to_string(skip.line);
  }
  out += ": ";
  out += skip.reason;
  return out;
}

}  // namespace kurdi::archive
