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

void Session::error(std::string_view message) {
  warn(message);
  failed_ = true;
}

}  // namespace kurdi::cli
