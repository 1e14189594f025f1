// read_paths(): which files to read, in which order, in which format.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "archive/read/document_reader.hpp"
#include "archive/read/input.hpp"
#include "archive/read/readers.hpp"

namespace kurdi::archive {
namespace {

namespace fs = std::filesystem;
using detail::Input;
using detail::Source;

constexpr const char* kFormatHint = "use --format jsonl, csv, txt, md or html";

void read_input(const std::string& file, Format format, Input& input, const ReadOptions& options,
                DocumentSink& sink) {
  const Source source{file, input, sink, options.max_record_bytes, options.max_skip_bytes};
  switch (format) {
    case Format::jsonl: detail::read_jsonl(source); break;
    case Format::csv: detail::read_csv(source); break;
    case Format::text: detail::read_plain(source, false); break;
    case Format::markdown: detail::read_plain(source, true); break;
    case Format::html: detail::read_html(source); break;
  }
}

void read_file(const std::string& file, Format format, const ReadOptions& options, DocumentSink& sink,
               bool named = false) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    sink.skipped(Skip{file, 0, std::generic_category().message(errno), named});
    return;
  }
  Input input(fd, true, sink);
  struct stat status {};
  const bool regular = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode);
  sink.file_started(file, regular ? static_cast<std::uint64_t>(status.st_size) : 0);
  read_input(file, format, input, options, sink);
}

// A file named on the command line (or standard input): its format comes
// from --format, else from its extension.
void read_named_file(const std::string& file, const ReadOptions& options, DocumentSink& sink) {
  const std::optional<Format> format = options.format ? options.format : format_of(file);
  if (!format) {
    sink.skipped(Skip{file, 0, std::string("unknown format (") + kFormatHint + ")"});
    return;
  }
  read_file(file, *format, options, sink, true);
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

// The directory's entries in byte order of their names, each subdirectory
// read at its place. Hidden entries and symbolic links to directories are
// passed over (no loops, no file read twice through a link); files with no
// known format too, unless --format names one.
void read_directory(const fs::path& directory, const ReadOptions& options, DocumentSink& sink, bool named = false) {
  std::error_code error;
  fs::directory_iterator it(directory, error);
  if (error) {
    sink.skipped(Skip{directory.string(), 0, error.message(), named});
    return;
  }
  std::vector<fs::path> entries;
  for (const fs::directory_iterator end; it != end; it.increment(error)) {
    if (error) break;
    if (!is_hidden(it->path())) entries.push_back(it->path());
  }
  if (error) {
    sink.skipped(Skip{directory.string(), 0, error.message()});
    return;
  }
  std::sort(entries.begin(), entries.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename().native() < b.filename().native(); });
  for (const fs::path& entry : entries) {
    const fs::file_status link = fs::symlink_status(entry, error);
    if (error) {
      sink.skipped(Skip{entry.string(), 0, error.message()});
      continue;
    }
    const fs::file_status target = fs::is_symlink(link) ? fs::status(entry, error) : link;
    if (fs::is_directory(target)) {
      if (!fs::is_symlink(link)) read_directory(entry, options, sink);
      continue;
    }
    if (error || !fs::is_regular_file(target)) continue;  // dangling links, sockets, devices
    const std::optional<Format> format = options.format ? options.format : format_of(entry.filename().string());
    if (format) read_file(entry.string(), *format, options, sink);
  }
}

}  // namespace

void read_paths(const std::vector<std::string>& paths, const ReadOptions& options, DocumentSink& sink) {
  for (const std::string& path : paths) {
    if (path == "-") {
      if (!options.format) {
        sink.skipped(Skip{path, 0, "standard input needs --format"});
        continue;
      }
      Input input(STDIN_FILENO, false, sink);
      sink.file_started(path, 0);
      read_input(path, *options.format, input, options, sink);
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error) {
      sink.skipped(Skip{path, 0, error.message(), true});
      continue;
    }
    if (fs::is_directory(status)) {
      read_directory(path, options, sink, true);
    } else {
      read_named_file(path, options, sink);
    }
  }
}

}  // namespace kurdi::archive
