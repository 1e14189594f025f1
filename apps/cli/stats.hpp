// kurdi stats: per-document counts, totals, the most frequent normalized
// Sorani words and one example sentence. cmd_stats.cpp collects,
// stats_report.cpp prints (table or JSON).
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "output.hpp"

namespace kurdi::cli {

struct DocumentStats {
  std::string path;
  std::uint64_t bytes = 0;       ///< UTF-8 bytes after decoding (BOM dropped)
  std::uint64_t characters = 0;  ///< code points
  std::uint64_t lines = 0;
  std::uint64_t sentences = 0;
  std::uint64_t tokens = 0;
  std::uint64_t sorani_words = 0;  ///< TokenType::word (Arabic-script words)
  std::uint64_t latin_words = 0;
  std::uint64_t numbers = 0;
  std::uint64_t other_tokens = 0;
  std::uint64_t changed = 0;  ///< code points the standard profile changes

  void add(const DocumentStats& o);
};

struct Example {
  std::string path;
  std::uint64_t line = 0;
  std::string original;
  std::string normalized;
};

struct StatsReport {
  std::vector<DocumentStats> documents;
  DocumentStats total;
  std::vector<std::pair<std::string, std::uint64_t>> top_words;  ///< most frequent first
  bool has_example = false;
  Example example;
};

void print_stats_table(Output& out, const StatsReport& report);
void print_stats_json(Output& out, const StatsReport& report);

}  // namespace kurdi::cli
