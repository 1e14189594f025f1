#include "input.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "kurdi/normalize.hpp"

namespace kurdi::cli {

namespace {

constexpr std::uint64_t kMaxInvalidMessages = 20;

std::uint64_t count_newlines(std::string_view s) noexcept {
  std::uint64_t count = 0;
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (hit == nullptr) break;
    ++count;
    p = static_cast<const char*>(hit) + 1;
  }
  return count;
}

}  // namespace

std::size_t utf8_prefix(std::string_view text) noexcept {
  const std::size_t n = text.size();
  for (std::size_t back = 1; back <= 4 && back <= n; ++back) {
    const auto byte = static_cast<unsigned char>(text[n - back]);
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte
    const std::size_t need = byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    return need > back ? n - back : n;
  }
  return n;
}

std::size_t streaming_cut(std::string_view text) noexcept {
  const std::size_t split = kurdi::safe_split_point(text);
  if (split > 0) return split;
  const std::size_t boundary = utf8_prefix(text);
  return boundary > 0 ? boundary : text.size();
}

Input::Input(std::string_view path, Session& session) : session_(session) {
  if (path == "-") {
    name_ = "<stdin>";
    fd_ = STDIN_FILENO;
  } else {
    name_ = std::string(path);
    if (name_.empty()) {  // (an unset shell variable: "kurdi: : No such file" said nothing)
      session_.error("'': an empty file name");
      return;
    }
    fd_ = ::open(name_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
      session_.error(name_ + ": " + std::strerror(errno));
      return;
    }
    owns_fd_ = true;
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  interactive_ = isatty(fd_) == 1;
}

Input::~Input() {
  if (owns_fd_) ::close(fd_);
}

bool Input::read_raw(char* into, std::size_t capacity, std::size_t& got) {
  while (true) {
    const ssize_t n = ::read(fd_, into, capacity);
    if (n >= 0) {
      got = static_cast<std::size_t>(n);
      session_.progress().add(got);
      return true;
    }
    if (errno == EINTR) continue;
    session_.error(name_ + ": " + std::strerror(errno));
    got = 0;
    return false;
  }
}

void Input::check_utf8(std::string_view block) {
  std::size_t from = 0;
  std::size_t counted = 0;
  while (true) {
    const std::size_t bad = kurdi::find_invalid_utf8(block, from);
    if (bad == std::string_view::npos) break;
    newlines_ += count_newlines(block.substr(counted, bad - counted));
    counted = bad;
    ++invalid_;
    session_.fail();
    if (invalid_ <= kMaxInvalidMessages) {
      session_.warn(name_ + ":" + std::to_string(newlines_ + 1) + ": invalid UTF-8 at byte " +
                    std::to_string(file_offset_ + bad));
    }
    from = bad + kurdi::invalid_utf8_length(block, bad);
  }
  newlines_ += count_newlines(block.substr(counted));
}

void Input::finish_file() {
  eof_ = true;
  if (invalid_ > kMaxInvalidMessages) {
    session_.warn(name_ + ": " + std::to_string(invalid_) + " invalid UTF-8 sequences in total (first " +
                  std::to_string(kMaxInvalidMessages) + " shown)");
  }
}

bool Input::read(std::string& out) {
  const std::size_t start = out.size();
  const std::size_t n = read_into(out, start);
  out.resize(start + n);
  return n > 0;
}

std::size_t Input::read_into(std::string& buf, std::size_t at) {
  std::size_t delivered = 0;
  while (fd_ >= 0 && !eof_ && delivered == 0) {
    if (utf16_) {
      raw_.resize(kReadSize);
      std::size_t got = 0;
      const bool fine = read_raw(raw_.data(), raw_.size(), got);
      buf.resize(at);  // the decoder appends
      if (!fine || got == 0) {
        decoder_.finish(buf);
        finish_file();
      } else {
        decoder_.decode(std::string_view(raw_.data(), got), buf);
      }
      delivered = buf.size() - at;
      continue;
    }

    // UTF-8: read straight into `buf`, after bytes held back last time.
    const std::size_t held = held_size_;
    held_size_ = 0;
    if (buf.size() < at + held + kReadSize) buf.resize(at + held + kReadSize);
    char* const block = buf.data() + at;
    std::memcpy(block, held_, held);
    std::size_t have = held;
    bool at_eof = false;
    // One read; the first call gathers at least 3 bytes (or the whole
    // input) to recognise a byte order mark.
    do {
      std::size_t got = 0;
      if (!read_raw(block + have, held + kReadSize - have, got) || got == 0) {
        at_eof = true;
        break;
      }
      have += got;
    } while (!started_ && have < 3);
    if (!started_) {
      started_ = true;
      const auto* b = reinterpret_cast<const unsigned char*>(block);
      if (have >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        utf16_ = true;
        decoder_ = kurdi::Utf16Decoder(b[0] == 0xFE);
        raw_.assign(block + 2, have - 2);
        buf.resize(at);
        decoder_.decode(raw_, buf);
        if (at_eof) {
          decoder_.finish(buf);
          finish_file();
        }
        delivered = buf.size() - at;
        continue;
      }
      if (have >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        std::memmove(block, block + 3, have - 3);
        have -= 3;
        file_offset_ = 3;
      }
    }
    std::size_t keep = at_eof ? have : utf8_prefix(std::string_view(block, have));
    held_size_ = have - keep;
    std::memcpy(held_, block + keep, held_size_);
    if (session_.strict()) check_utf8(std::string_view(block, keep));
    file_offset_ += keep;
    delivered = keep;
    if (at_eof) finish_file();
  }
  decoded_ += delivered;
  return delivered;
}

bool LineReader::next(LineChunk& chunk) { return next_chunk(chunk, 0); }

bool LineReader::next_lines(LineChunk& chunk, std::size_t max_bytes) { return next_chunk(chunk, max_bytes); }

// max_bytes 0: one line; else the last line break within max_bytes, or the
// first one after.
bool LineReader::next_chunk(LineChunk& chunk, std::size_t max_bytes) {
  while (true) {
    const char* const base = buffer_.data() + pos_;
    const std::size_t avail = end_ - pos_;
    if (scanned_ < avail) {
      const void* nl = nullptr;
      if (max_bytes > scanned_) {
        const std::size_t limit = std::min(avail, max_bytes);
        nl = ::memrchr(base + scanned_, '\n', limit - scanned_);
        if (nl == nullptr) scanned_ = limit;
      }
      if (nl == nullptr && scanned_ < avail) nl = std::memchr(base + scanned_, '\n', avail - scanned_);
      if (nl != nullptr) {
        pending_size_ = static_cast<std::size_t>(static_cast<const char*>(nl) - base);
        pending_complete_ = true;
        chunk = {std::string_view(base, pending_size_), line_, line_offset_, true};
        return true;
      }
      scanned_ = avail;
    }
    if (eof_) {
      if (avail == 0) {
        if (line_offset_ == 0) return false;
        // A last line without a newline, consumed to its end in pieces: it
        // still ends (an empty complete chunk), so that callers close it.
        pending_size_ = 0;
        pending_complete_ = true;
        chunk = {std::string_view(base, 0), line_, line_offset_, true};
        return true;
      }
      pending_size_ = avail;  // last line, no final newline
      pending_complete_ = true;
      chunk = {std::string_view(base, avail), line_, line_offset_, true};
      return true;
    }
    if (avail >= kBlockSize) {
      pending_size_ = avail;
      pending_complete_ = false;
      chunk = {std::string_view(base, avail), line_, line_offset_, false};
      return true;
    }
    if (pos_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + pos_, avail);
      end_ = avail;
      pos_ = 0;
    }
    const std::size_t got = input_.read_into(buffer_, end_);
    if (got == 0) eof_ = true;
    end_ += got;
  }
}

void LineReader::consume(std::size_t bytes, std::uint64_t newlines) {
  if (pending_complete_) {
    pos_ = std::min(pos_ + pending_size_ + 1, end_);
    scanned_ = 0;
    line_ += 1 + newlines;
    line_offset_ = 0;
  } else {
    pos_ += bytes;
    scanned_ -= bytes;
    line_offset_ += bytes;
  }
}

}  // namespace kurdi::cli
