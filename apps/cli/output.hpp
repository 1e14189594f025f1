// Buffered writer for stdout using write(2). A closed pipe (EPIPE, with
// SIGPIPE ignored) throws BrokenPipe, which main() turns into a quiet exit 0;
// any other write error throws WriteError.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

namespace kurdi::cli {

struct BrokenPipe {};
struct WriteError {
  int error_number;
};

class Output {
 public:
  explicit Output(int fd = 1, std::size_t capacity = std::size_t{1} << 20);
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void write(std::string_view s) {
    if (s.size() <= capacity_ - size_) {
      std::memcpy(buffer_.get() + size_, s.data(), s.size());
      size_ += s.size();
    } else {
      write_slow(s);
    }
  }
  void put(char c) {
    if (size_ == capacity_) flush();
    buffer_[size_++] = c;
  }
  void write_uint(std::uint64_t value);
  /// Writes what is buffered, then `s` straight from the caller's memory:
  /// for blocks (kurdi normalize writes each normalized block so), where
  /// copying into the buffer first cost a pass over the whole output.
  void write_block(std::string_view s) {
    flush();
    write_all(s.data(), s.size());
  }
  /// Writes everything buffered.
  void flush();

 private:
  void write_slow(std::string_view s);
  void write_all(const char* data, std::size_t size);

  int fd_;
  std::size_t capacity_;
  std::size_t size_ = 0;
  std::unique_ptr<char[]> buffer_;
};

}  // namespace kurdi::cli
