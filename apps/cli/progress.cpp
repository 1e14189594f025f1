#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace kurdi::cli {

namespace {
constexpr auto kFirstAfter = std::chrono::seconds(1);
constexpr auto kEvery = std::chrono::milliseconds(500);
}  // namespace

Progress::Progress() : enabled_(isatty(STDERR_FILENO) == 1), start_(Clock::now()) {
  next_ = start_ + kFirstAfter;
}

void Progress::tick() {
  const auto now = Clock::now();
  if (now < next_) return;
  next_ = now + kEvery;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double mb = static_cast<double>(done_) / 1e6;
  if (done_ == 0 && !note_.empty()) {  // a run that counts something other than bytes
    std::fprintf(stderr, "\rkurdi: %s\033[K", note_.c_str());
    std::fflush(stderr);
    shown_ = true;
    return;
  }
  char percent[32] = "";
  if (total_ > 0)
    std::snprintf(percent, sizeof percent, " of %.1f MB (%.0f%%)", static_cast<double>(total_) / 1e6,
                  100.0 * static_cast<double>(done_) / static_cast<double>(total_));
  std::fprintf(stderr, "\rkurdi: %.1f MB%s read, %.1f MB/s%s%s\033[K", mb, percent, seconds > 0 ? mb / seconds : 0.0,
               note_.empty() ? "" : ", ", note_.c_str());
  std::fflush(stderr);
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace kurdi::cli
