#include "output.hpp"

#include <unistd.h>

#include <cerrno>
#include <charconv>

namespace kurdi::cli {

Output::Output(int fd, std::size_t capacity)
    : fd_(fd), capacity_(capacity), buffer_(new char[capacity]) {}

void Output::write_uint(std::uint64_t value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  write(std::string_view(digits, static_cast<std::size_t>(result.ptr - digits)));
}

void Output::flush() {
  if (size_ == 0) return;
  const std::size_t n = size_;
  size_ = 0;
  write_all(buffer_.get(), n);
}

void Output::write_slow(std::string_view s) {
  flush();
  if (s.size() >= capacity_) {
    write_all(s.data(), s.size());  // large pieces bypass the buffer
  } else {
    std::memcpy(buffer_.get(), s.data(), s.size());
    size_ = s.size();
  }
}

void Output::write_all(const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) throw BrokenPipe{};
      throw WriteError{errno};
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

}  // namespace kurdi::cli
