// libFuzzer target for the document readers of `kurdi index`
// (archive/read: JSON Lines, CSV, plain text, Markdown, HTML). The first
// byte picks the format, the rest is the file, read through read_paths() as
// `kurdi index --format F` reads it, with small record limits so that the
// over-long and endless-record paths are reached. The contracts
// (docs/archive-input.md):
//   * every document's fields are valid UTF-8; its body is non-empty and
//     trimmed, its id and language non-empty, its title one line without
//     runs of spaces, its date empty or a YYYY-MM-DD date that reads as
//     itself, its file the one given and its line within the file;
//   * every skip names the file, a line within the file (or 0), and a
//     one-line reason in valid UTF-8 with no control character (it is
//     printed on a terminal: an ESC from the input must not reach it);
//   * no more bytes are reported read than the file holds;
//   * reading the same file again gives the same documents and skips.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "archive/read/dates.hpp"
#include "archive/read/document_reader.hpp"
#include "kurdi/utf8.hpp"

namespace {

using kurdi::archive::Format;
using kurdi::archive::Skip;
using kurdi::archive::SourceDocument;

[[noreturn]] void fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "fuzz_document_readers: %s: %.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

void check(bool holds, const char* what, std::string_view detail = {}) {
  if (!holds) fail(what, detail);
}

bool valid_utf8(std::string_view s) { return kurdi::find_invalid_utf8(s) == std::string_view::npos; }

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool trimmed(std::string_view s) { return s.empty() || (!is_ascii_space(s.front()) && !is_ascii_space(s.back())); }

// C0, DEL, and C1 (U+0080..U+009F, UTF-8 C2 80..C2 9F).
bool has_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    if (u < 0x20 || u == 0x7F) return true;
    if (u == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return true;
  }
  return false;
}

struct Collected : kurdi::archive::DocumentSink {
  std::vector<SourceDocument> documents;
  std::vector<Skip> skips;
  std::uint64_t bytes = 0;
  void document(SourceDocument&& d) override { documents.push_back(std::move(d)); }
  void skipped(Skip&& s) override { skips.push_back(std::move(s)); }
  void bytes_read(std::uint64_t n) override { bytes += n; }
};

Collected read(const std::string& path, Format format) {
  kurdi::archive::ReadOptions options;
  options.format = format;
  options.max_record_bytes = 512;  // small, so that inputs of a few KB reach the limits
  options.max_skip_bytes = 2048;
  Collected sink;
  kurdi::archive::read_paths({path}, options, sink);
  return sink;
}

bool same(const SourceDocument& a, const SourceDocument& b) {
  return a.id == b.id && a.title == b.title && a.body == b.body && a.source == b.source && a.url == b.url &&
         a.date == b.date && a.language == b.language && a.file == b.file && a.line == b.line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  constexpr Format kFormats[] = {Format::jsonl, Format::csv, Format::text, Format::markdown, Format::html};
  const Format format = kFormats[data[0] % 5];
  const std::string_view file(reinterpret_cast<const char*>(data + 1), size - 1);

  // The file lives in memory; read_paths() opens it by name like any file.
  const int fd = ::memfd_create("fuzz-input", 0);
  if (fd < 0) fail("memfd_create", "");
  if (!file.empty() && ::write(fd, file.data(), file.size()) != static_cast<ssize_t>(file.size())) fail("write", "");
  const std::string path = "/proc/self/fd/" + std::to_string(fd);

  const Collected first = read(path, format);
  const std::uint64_t lines = static_cast<std::uint64_t>(std::count(file.begin(), file.end(), '\n')) + 1;

  check(first.bytes <= file.size(), "more bytes reported read than the file holds");
  for (const SourceDocument& d : first.documents) {
    for (const std::string* field : {&d.id, &d.title, &d.body, &d.source, &d.url, &d.date, &d.language})
      check(valid_utf8(*field), "a document field is not valid UTF-8", *field);
    check(!d.body.empty() && trimmed(d.body), "body empty or not trimmed", d.body);
    check(!d.id.empty() && trimmed(d.id), "id empty or not trimmed", d.id);
    check(!d.language.empty(), "language empty");
    check(trimmed(d.title) && d.title.find("  ") == std::string::npos &&
              std::none_of(d.title.begin(), d.title.end(), [](char c) { return c != ' ' && is_ascii_space(c); }),
          "title not one line of single spaces", d.title);
    if (!d.date.empty()) {
      check(d.date.size() == 10 && d.date[4] == '-' && d.date[7] == '-', "date not YYYY-MM-DD", d.date);
      const auto again = kurdi::archive::detail::normalize_date(d.date);
      check(again && *again == d.date, "date does not read as itself", d.date);
    }
    check(d.file == path, "document names another file", d.file);
    check(d.line >= 1 && d.line <= lines, "document line outside the file");
  }
  for (const Skip& s : first.skips) {
    check(s.file == path, "skip names another file", s.file);
    check(s.line <= lines, "skip line outside the file", s.reason);
    check(!s.reason.empty() && valid_utf8(s.reason), "skip reason empty or not valid UTF-8", s.reason);
    check(!has_control(s.reason), "skip reason holds a control character", s.reason);
  }

  const Collected second = read(path, format);
  check(second.documents.size() == first.documents.size() && second.skips.size() == first.skips.size(),
        "a second read differs");
  for (std::size_t i = 0; i < first.documents.size(); ++i)
    check(same(first.documents[i], second.documents[i]), "a second read gives another document",
          first.documents[i].id);
  for (std::size_t i = 0; i < first.skips.size(); ++i)
    check(first.skips[i].line == second.skips[i].line && first.skips[i].reason == second.skips[i].reason,
          "a second read gives another skip", first.skips[i].reason);
  ::close(fd);
  return 0;
}
