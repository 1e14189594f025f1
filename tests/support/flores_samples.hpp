// Test support: the lines of the bundled FLORES-200 samples
// (samples/flores200/*.txt under `source_dir`, files in name order, empty
// lines left out): real Sorani text in quantity, for the tests that index it.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kurdi_test {

inline std::vector<std::string> flores_sample_lines(const std::filesystem::path& source_dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(source_dir / "samples/flores200"))
    if (f.path().extension() == ".txt") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> lines;
  for (const std::filesystem::path& p : files) {
    std::ifstream in(p);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace kurdi_test
