// One reader per input format; read_paths() picks one per file. Each reads
// the whole Input, hands complete documents to the sink and reports every
// record it cannot use as a Skip; none throws for bad input (the sink may
// throw to stop, which they let through).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "archive/read/document_reader.hpp"
#include "archive/read/input.hpp"

namespace kurdi::archive::detail {

/// A file being read: its name (as given or walked) and where its bytes come from.
struct Source {
  const std::string& file;
  Input& input;
  DocumentSink& sink;
  std::size_t max_record_bytes;
  std::size_t max_skip_bytes;

  void skip(std::uint64_t line, std::string reason) const { sink.skipped(Skip{file, line, std::move(reason)}); }
};

void read_jsonl(const Source& source);
void read_csv(const Source& source);
/// .txt, and .md when `markdown` (the title line loses its leading #s).
void read_plain(const Source& source, bool markdown);
void read_html(const Source& source);

/// The message for a UTF-8 error at `offset` of `text`, whose first byte is
/// on `first_line`: "invalid UTF-8 at line L, column C" (column in code points).
std::string invalid_utf8_reason(std::string_view text, std::size_t offset, std::uint64_t first_line);
/// "the file is larger than N bytes" / "the record is longer than N bytes".
std::string too_large_reason(const char* what, std::size_t max_bytes);
/// The reason for a record over the limit whose end was not found within
/// `max_skip_bytes`: the rest of the input is given up.
std::string endless_reason(const char* what, std::size_t max_bytes, std::size_t max_skip_bytes);

}  // namespace kurdi::archive::detail
