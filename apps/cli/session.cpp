#include "session.hpp"

#include <cstdio>
#include <string>

namespace kurdi::cli {

void Session::warn(std::string_view message) {
  progress_.clear();
  std::string line = "kurdi: ";
  line.append(message);
  line.push_back('\n');
  std::fwrite(line.data(), 1, line.size(), stderr);
}

std::function<void(std::uint64_t, std::uint64_t)> Session::upgrade_progress() {
  return [this](std::uint64_t done, std::uint64_t total) {
    progress_.set_note("upgrading the archive to the new schema: " + std::to_string(done) + " of " +
                       std::to_string(total) + " documents");
    progress_.add(0);
    if (done == total) progress_.clear();
  };
}

void Session::error(std::string_view message) {
  warn(message);
  failed_ = true;
}

}  // namespace kurdi::cli
