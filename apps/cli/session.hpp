// What every subcommand shares for one run: the --strict flag, the exit
// status, messages on stderr and the progress line.
#pragma once
#include <cstdint>
#include <functional>
#include <string_view>

#include "progress.hpp"

namespace kurdi::cli {

/// Exit codes of every subcommand.
enum ExitCode : int { kExitOk = 0, kExitBadInput = 1, kExitUsage = 2 };

class Session {
 public:
  explicit Session(bool strict) : strict_(strict) {}
  bool strict() const noexcept { return strict_; }
  Progress& progress() noexcept { return progress_; }

  /// Prints "kurdi: MESSAGE" on stderr (after erasing the progress line).
  void warn(std::string_view message);
  /// Same, and the run will exit with status 1.
  void error(std::string_view message);
  void fail() noexcept { failed_ = true; }
  /// For archive::OpenOptions::upgrade_progress: "upgrading the archive to
  /// the new schema: N of M documents" on the progress line.
  std::function<void(std::uint64_t, std::uint64_t)> upgrade_progress();
  int exit_code() const noexcept { return failed_ ? kExitBadInput : kExitOk; }

 private:
  bool strict_;
  bool failed_ = false;
  Progress progress_;
};

}  // namespace kurdi::cli
