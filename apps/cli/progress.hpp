// Progress on stderr for long runs: bytes read and MB/s, redrawn in place
// with '\r' about every half second. Only when stderr is a terminal, and only
// once a run has lasted a second (small inputs never show it).
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace kurdi::cli {

class Progress {
 public:
  Progress();
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  /// Counts `bytes` more input bytes and redraws when it is time.
  void add(std::uint64_t bytes) {
    done_ += bytes;
    if (enabled_) tick();
  }
  /// The input's total size, when known: the line then shows a percentage.
  void set_total(std::uint64_t bytes) noexcept { total_ = bytes; }
  /// Text shown after the byte counts (`kurdi index`: documents stored).
  void set_note(std::string note) { note_ = std::move(note); }
  /// Erases the progress line (before a message, and at the end).
  void clear();

 private:
  void tick();
  using Clock = std::chrono::steady_clock;
  bool enabled_ = false;
  bool shown_ = false;
  std::uint64_t done_ = 0;
  std::uint64_t total_ = 0;
  std::string note_;
  Clock::time_point start_;
  Clock::time_point next_;
};

}  // namespace kurdi::cli
