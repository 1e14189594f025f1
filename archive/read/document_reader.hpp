// Reading documents for the archive (docs/archive.md, "Input formats"):
// JSON Lines, CSV with a header row, plain text, Markdown and HTML files,
// one document per record or file. A host-side module (no linguistics): it
// turns files into SourceDocuments and reports every record it cannot use,
// with its file and line, instead of storing part of it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kurdi::archive {

enum class Format { jsonl, csv, text, markdown, html };

/// "jsonl" or "ndjson", "csv", "txt" or "text", "md" or "markdown", "html"
/// or "htm" (case-insensitive); nullopt for anything else.
std::optional<Format> parse_format(std::string_view name);
/// The format a file name's extension implies (.jsonl .ndjson .csv .txt .md
/// .html .htm, case-insensitive); nullopt when there is none.
std::optional<Format> format_of(std::string_view file_name);
/// The canonical name: "jsonl", "csv", "txt", "md", "html".
std::string_view format_name(Format format) noexcept;

/// One document as read, before it is stored. Every string is valid UTF-8.
struct SourceDocument {
  std::string id;        ///< external id: the record's `id`, else derived (docs/archive.md)
  std::string title;     ///< may be empty
  std::string body;      ///< never empty
  std::string source;    ///< may be empty
  std::string url;       ///< may be empty
  std::string date;      ///< "YYYY-MM-DD", or empty when the input has none
  std::string language;  ///< the record's `language`, else "ckb"
  std::string file;      ///< the path it came from, as given or as walked
  std::uint64_t line = 0;  ///< the line its record starts on (1-based); 1 for whole-file formats
};

/// A record or file that was not read, and why.
struct Skip {
  std::string file;
  std::uint64_t line = 0;  ///< 0 when the whole file is skipped
  std::string reason;
  /// A path the caller named (not one found in a directory) that does not
  /// exist or cannot be opened: `kurdi index` exits 1 for it.
  bool unreadable_path = false;
};

/// "FILE:LINE: reason", or "FILE: reason" when the whole file was skipped:
/// the warning `kurdi index` prints.
std::string to_string(const Skip& skip);

/// Receives what read_paths() finds, in input order.
class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  /// A file is about to be read; `bytes` is its size (0 for stdin).
  virtual void file_started(const std::string& file, std::uint64_t bytes) { (void)file, (void)bytes; }
  /// One complete document. May throw to stop reading.
  virtual void document(SourceDocument&& document) = 0;
  /// A record or file that was skipped. May throw to stop reading (--strict).
  virtual void skipped(Skip&& skip) = 0;
  /// `bytes` more input bytes were consumed (for progress). Called for
  /// every block read, records or not (a record being skipped too), so it
  /// may throw to stop reading: `kurdi index` stops there on Ctrl-C.
  virtual void bytes_read(std::uint64_t bytes) { (void)bytes; }
};

struct ReadOptions {
  /// Read every file in this format instead of guessing it from the
  /// extension (`kurdi index --format`).
  std::optional<Format> format;
  /// The largest record (a JSON line, a CSV row) or whole file (text,
  /// Markdown, HTML) read, in bytes; a larger one is a Skip. It bounds the
  /// memory a reader needs whatever the input.
  std::size_t max_record_bytes = std::size_t{64} << 20;
  /// How far into a record over max_record_bytes its end is looked for.
  /// A JSON line or CSV row with no end within this many bytes gives up the
  /// rest of its input (a Skip says so): an endless stream with no line
  /// break (/dev/zero, a binary file read as JSON Lines) must not be read
  /// forever in search of one.
  std::size_t max_skip_bytes = std::size_t{1} << 30;
};

/// Reads each path in order: a file, "-" for standard input (needs
/// options.format), or a directory, recursed in sorted order. Inside a
/// directory, files with no known extension (and hidden files) are passed
/// over silently unless options.format is set; a file named explicitly with
/// no known extension and no options.format is a Skip.
void read_paths(const std::vector<std::string>& paths, const ReadOptions& options, DocumentSink& sink);

}  // namespace kurdi::archive
