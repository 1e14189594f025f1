// What the reader tests share: a sink that records everything, and a
// temporary directory to write inputs into.
#pragma once
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "archive/read/document_reader.hpp"

namespace kurdi::archive::testing {

struct Collector : DocumentSink {
  std::vector<SourceDocument> documents;
  std::vector<Skip> skips;
  std::vector<std::pair<std::string, std::uint64_t>> started;
  std::uint64_t bytes = 0;

  void file_started(const std::string& file, std::uint64_t size) override { started.emplace_back(file, size); }
  void document(SourceDocument&& document) override { documents.push_back(std::move(document)); }
  void skipped(Skip&& skip) override { skips.push_back(std::move(skip)); }
  void bytes_read(std::uint64_t n) override { bytes += n; }

  std::vector<std::string> skip_lines() const {
    std::vector<std::string> out;
    for (const Skip& skip : skips) out.push_back(to_string(skip));
    return out;
  }
  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const SourceDocument& document : documents) out.push_back(document.id);
    return out;
  }
};

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    const std::string name = "kurdi-read-" + std::to_string(random()) + std::to_string(random());
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// Writes `bytes` to `name` (directories created) and returns its path.
  std::string write(const std::string& name, std::string_view bytes) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

inline std::string fixture(const std::string& name) { return std::string(KURDI_READ_FIXTURES) + "/" + name; }

/// Reads one input the way `kurdi index` would.
inline Collector read(const std::vector<std::string>& paths, std::optional<Format> format = std::nullopt,
                      std::size_t max_record_bytes = ReadOptions{}.max_record_bytes,
                      std::size_t max_skip_bytes = ReadOptions{}.max_skip_bytes) {
  ReadOptions options;
  options.format = format;
  options.max_record_bytes = max_record_bytes;
  options.max_skip_bytes = max_skip_bytes;
  Collector sink;
  read_paths(paths, options, sink);
  return sink;
}

/// Writes `bytes` as `name` in a fresh directory and reads it.
inline Collector read_text(const std::string& name, std::string_view bytes,
                           std::optional<Format> format = std::nullopt,
                           std::size_t max_record_bytes = ReadOptions{}.max_record_bytes,
                           std::size_t max_skip_bytes = ReadOptions{}.max_skip_bytes) {
  TempDir dir;
  return read({dir.write(name, bytes)}, format, max_record_bytes, max_skip_bytes);
}

/// The skips as "LINE: reason", without the (temporary) file name.
inline std::vector<std::string> reasons(const Collector& sink) {
  std::vector<std::string> out;
  for (const Skip& skip : sink.skips) out.push_back(std::to_string(skip.line) + ": " + skip.reason);
  return out;
}

}  // namespace kurdi::archive::testing
