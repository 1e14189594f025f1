// Test support: a line's words as its spaces separate them (queries drawn
// from sample lines; no tokenizer, so a test sees the text it wrote).
#pragma once
#include <algorithm>
#include <string>
#include <vector>

namespace kurdi_test {

inline std::vector<std::string> split_spaces(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < line.size()) {
    const std::size_t end = std::min(line.find(' ', start), line.size());
    if (end > start) out.push_back(line.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace kurdi_test
