// Shared by the build-time tools that compile data/ files into C++ sources
// (kurdi_compile_data() in src/CMakeLists.txt): error reports that name the
// input line, the string pool as a literal, and writing the output only when
// it changed, so an unchanged table does not rebuild the library.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

namespace kurdi::data_compiler {

/// Prints "file:line: message" and exits with status 1.
[[noreturn]] inline void fail(const std::string& file, std::size_t line, const std::string& message) {
  std::cerr << file << ":" << line << ": " << message << "\n";
  std::exit(1);
}

/// Writes `pool` as a C++ string literal in chunks of about 2,000 bytes that
/// end at UTF-8 character boundaries (raw UTF-8: the callers reject quotes
/// and backslashes in their inputs). An empty pool is one "".
inline void write_pool_literal(std::ostream& o, std::string_view pool) {
  std::size_t i = 0;
  while (i < pool.size()) {
    std::size_t end = std::min(pool.size(), i + 2000);
    while (end < pool.size() && (static_cast<unsigned char>(pool[end]) & 0xC0) == 0x80) ++end;
    o << "  \"" << pool.substr(i, end - i) << "\"\n";
    i = end;
  }
  if (pool.empty()) o << "  \"\"\n";
}

/// Writes `text` to `path` unless the file already holds exactly it (its
/// timestamp then stays, and nothing that depends on it is rebuilt).
inline void write_if_changed(const std::string& path, const std::string& text) {
  {
    std::ifstream old(path, std::ios::binary);
    std::ostringstream prev;
    prev << old.rdbuf();
    if (old && prev.str() == text) return;
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) fail(path, 0, "cannot write");
}

}  // namespace kurdi::data_compiler
