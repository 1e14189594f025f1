#include "archive/read/input.hpp"

#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace kurdi::archive::detail {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 16;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

}  // namespace

Input::Input(int fd, bool owned, DocumentSink& sink) : fd_(fd), owned_(owned), sink_(sink), buffer_(kChunkBytes) {}

Input::~Input() {
  if (owned_) ::close(fd_);
}

std::string_view Input::next_chunk() {
  while (!ended_) {
    // Fill the buffer as far as the input goes, so that the byte order mark
    // is whole in the first chunk even when a pipe hands it over in pieces.
    std::size_t filled = 0;
    while (filled < buffer_.size()) {
      const ssize_t got = ::read(fd_, buffer_.data() + filled, buffer_.size() - filled);
      if (got < 0) {
        if (errno == EINTR) continue;
        error_ = "read error: " + std::generic_category().message(errno);
        ended_ = true;
        return {};
      }
      if (got == 0) {
        ended_ = true;
        break;
      }
      filled += static_cast<std::size_t>(got);
    }
    if (filled > 0) sink_.bytes_read(filled);
    std::string_view chunk(buffer_.data(), filled);
    if (at_start_) {
      at_start_ = false;
      if (chunk.starts_with(kByteOrderMark)) chunk.remove_prefix(kByteOrderMark.size());
    }
    if (!chunk.empty()) return chunk;
  }
  return {};
}

bool Input::read_all(std::string& out, std::size_t max_bytes) {
  for (std::string_view chunk = next_chunk(); !chunk.empty(); chunk = next_chunk()) {
    if (chunk.size() > max_bytes - out.size()) return false;
    out.append(chunk);
  }
  return error_.empty();
}

bool LineReader::next(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  if (endless_) return false;
  bool any = false;  // a line has started (the last one may have no LF)
  std::size_t seen = 0;  // bytes of this line so far, kept or not
  for (;;) {
    if (pending_.empty()) {
      pending_ = input_.next_chunk();
      if (pending_.empty()) {
        if (!input_.error().empty() || !any) return false;
        break;
      }
    }
    any = true;
    const std::size_t newline = pending_.find('\n');
    const std::string_view piece = pending_.substr(0, newline);
    if (!too_long) {
      if (piece.size() > max_ - line.size()) {
        too_long = true;
        line.clear();
      } else {
        line.append(piece);
      }
    }
    seen += piece.size();
    if (newline == std::string_view::npos) {
      pending_ = {};
      if (too_long && seen >= max_skip_) {
        endless_ = true;
        break;
      }
      continue;
    }
    pending_.remove_prefix(newline + 1);
    break;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  ++line_number_;
  return true;
}

}  // namespace kurdi::archive::detail
