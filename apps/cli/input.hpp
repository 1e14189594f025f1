// Reading input for every subcommand: a file or stdin ("-"), decoded to
// UTF-8 block by block in bounded memory.
//  * UTF-8 (default): bytes are passed through; a BOM at the start is dropped.
//  * A file starting with a UTF-16 BOM (FF FE or FE FF) is transcoded with
//    kurdi::Utf16Decoder.
//  * A NUL byte is ordinary text.
//  * With --strict every malformed UTF-8 sequence is reported as
//    "kurdi: FILE:LINE: invalid UTF-8 at byte OFFSET" (the first 20 per file,
//    then a count) and the run exits 1. Without it the core turns malformed
//    bytes into U+FFFD.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kurdi/utf8.hpp"
#include "session.hpp"

namespace kurdi::cli {

/// The most any subcommand holds of one line at a time, and the block
/// normalize and translit hand to the core.
inline constexpr std::size_t kBlockSize = std::size_t{1} << 20;
/// Bytes asked of one read(2). Smaller than kBlockSize: the kernel's copy
/// into a buffer that stays in the CPU's L2 cache cost `kurdi normalize`
/// a third less system time than into a 1 MiB one (docs/benchmarks.md).
inline constexpr std::size_t kReadSize = std::size_t{1} << 18;

/// The largest prefix of `text` that ends on a UTF-8 character boundary
/// (drops a possibly incomplete sequence at the end); `text.size()` when the
/// end looks complete or malformed. Never 0 for a non-empty `text` unless it
/// is a single incomplete sequence.
std::size_t utf8_prefix(std::string_view text) noexcept;

/// Where a streaming host cuts a block it must process now: the core's
/// kurdi::safe_split_point, or when the block has no whitespace at all, a
/// character boundary. Returns a value in [1, text.size()] for non-empty text.
std::size_t streaming_cut(std::string_view text) noexcept;

class Input {
 public:
  /// Opens `path` ("-" is stdin). On failure reports "kurdi: PATH: error"
  /// through the session (exit status 1) and ok() is false.
  Input(std::string_view path, Session& session);
  ~Input();
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;

  bool ok() const noexcept { return fd_ >= 0; }
  /// The name used in messages: the path, or "<stdin>".
  const std::string& name() const noexcept { return name_; }
  /// True when reading from a terminal (output should then be flushed often).
  bool interactive() const noexcept { return interactive_; }

  /// Appends the next decoded UTF-8 bytes (at most about kReadSize) to
  /// `out`. Returns false, appending nothing, at the end of the input or
  /// after a read error (reported).
  bool read(std::string& out);
  /// Like read(), but the bytes go to buf[at, at + n) and n is returned (0 at
  /// the end of the input or after a read error). `buf` is grown when it is
  /// too small but never shrunk: what lies past at + n is left over from
  /// earlier reads. A caller that keeps one buffer (and its own count of the
  /// bytes in use) so avoids zero-filling a block on every read, which
  /// std::string::resize does and which cost `kurdi tokenize` about a tenth
  /// of its time.
  std::size_t read_into(std::string& buf, std::size_t at);
  /// UTF-8 bytes delivered by read() so far.
  std::uint64_t decoded_bytes() const noexcept { return decoded_; }

 private:
  bool read_raw(char* into, std::size_t capacity, std::size_t& got);
  void sniff(std::string& out, std::size_t start);
  void check_utf8(std::string_view block);
  void finish_file();

  Session& session_;
  std::string name_;
  int fd_ = -1;
  bool owns_fd_ = false;
  bool interactive_ = false;
  bool started_ = false;
  bool eof_ = false;
  // UTF-16 input, once a UTF-16 BOM was seen.
  bool utf16_ = false;
  kurdi::Utf16Decoder decoder_{false};
  std::string raw_;
  // An incomplete UTF-8 sequence held back from the end of the last block.
  char held_[4] = {};
  std::size_t held_size_ = 0;
  // --strict bookkeeping: file offset of the next delivered byte, newlines
  // delivered so far, malformed sequences found.
  std::uint64_t file_offset_ = 0;
  std::uint64_t newlines_ = 0;
  std::uint64_t invalid_ = 0;
  std::uint64_t decoded_ = 0;
};

/// One line of input (or, for a line longer than kBlockSize, the part of it
/// not yet consumed), without its '\n'.
struct LineChunk {
  std::string_view text;
  std::uint64_t line = 0;   ///< 1-based line number in the file
  std::size_t offset = 0;   ///< byte offset of text[0] from the start of the line
  bool complete = false;    ///< text reaches the end of the line
};

/// Splits an Input into lines in bounded memory. Usage:
///   while (lines.next(chunk)) { ...; lines.consume(n); }
/// When `chunk.complete`, consume the whole text; otherwise (a line longer
/// than kBlockSize) consume a non-empty prefix and the rest of the line
/// comes back with more bytes appended.
class LineReader {
 public:
  explicit LineReader(Input& input) : input_(input) {}
  bool next(LineChunk& chunk);
  /// Like next(), but a complete chunk holds whole lines up to about
  /// `max_bytes` (at least one), joined by their '\n' (`line` and `offset`
  /// are those of the first), so that short lines reach the core in one
  /// call. The caller passes the number of '\n' it consumed to consume().
  /// A line longer than kBlockSize still comes in pieces.
  bool next_lines(LineChunk& chunk, std::size_t max_bytes);
  /// `newlines`: the '\n' inside a complete chunk of next_lines().
  void consume(std::size_t bytes, std::uint64_t newlines = 0);

 private:
  Input& input_;
  std::string buffer_;       // bytes in use: [0, end_) (see Input::read_into)
  std::size_t end_ = 0;
  std::size_t pos_ = 0;      // start of the unconsumed part of the line
  std::size_t scanned_ = 0;  // bytes from pos_ known to hold no '\n'
  std::uint64_t line_ = 1;
  std::size_t line_offset_ = 0;
  bool eof_ = false;
  bool pending_complete_ = false;
  std::size_t pending_size_ = 0;
  bool next_chunk(LineChunk& chunk, std::size_t max_bytes);
};

}  // namespace kurdi::cli
