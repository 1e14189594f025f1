// Reading one input (a file or standard input) in chunks: bounded memory
// whatever its size, progress reported to the sink, a UTF-8 byte order mark
// at the start dropped, read errors kept with the OS's words for them.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "archive/read/document_reader.hpp"

namespace kurdi::archive::detail {

class Input {
 public:
  /// Reads from `fd`; closes it at the end when `owned`.
  Input(int fd, bool owned, DocumentSink& sink);
  ~Input();
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;

  /// The next bytes; empty at the end of the input or after a read error.
  std::string_view next_chunk();
  /// The whole rest of the input, or false when it is longer than
  /// `max_bytes` (`out` then holds a prefix) or a read error stopped it.
  bool read_all(std::string& out, std::size_t max_bytes);
  /// Why reading stopped early ("read error: ..."), empty if it did not.
  const std::string& error() const noexcept { return error_; }

 private:
  int fd_;
  bool owned_;
  DocumentSink& sink_;
  std::vector<char> buffer_;
  bool at_start_ = true;
  bool ended_ = false;
  std::string error_;
};

/// Lines of an Input, without their LF or CRLF. A line longer than the limit
/// is not kept: the reader skips to its end and says so. A line that has not
/// ended `max_skip_bytes` into it is given up with the rest of the input
/// (endless()).
class LineReader {
 public:
  LineReader(Input& input, std::size_t max_line_bytes, std::size_t max_skip_bytes)
      : input_(input), max_(max_line_bytes), max_skip_(max_skip_bytes) {}

  /// The next line into `line`; false at the end of the input (or after a
  /// read error: an unfinished last line is then not returned). `too_long`
  /// tells that `line` was cut.
  bool next(std::string& line, bool& too_long);
  /// The 1-based number of the line last returned.
  std::uint64_t line_number() const noexcept { return line_number_; }
  /// Whether the line last returned (too long) was given up before its end:
  /// next() then returns false.
  bool endless() const noexcept { return endless_; }

 private:
  Input& input_;
  std::size_t max_;
  std::size_t max_skip_;
  bool endless_ = false;
  std::string_view pending_;
  std::uint64_t line_number_ = 0;
};

}  // namespace kurdi::archive::detail
