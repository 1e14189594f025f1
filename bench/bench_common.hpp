// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the benchmark programs: reading input files, cutting them
// into chunks the way a streaming host would, and the baseline scans.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/normalize.hpp"
#include "kurdi/utf8.hpp"

namespace kurdi_bench {

/// "a,b,c" -> {"a", "b", "c"} (empty items dropped): the runners' --ops.
inline std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t comma = s.find(',', start);
    const std::size_t end = comma == std::string::npos ? s.size() : comma;
    if (end > start) out.emplace_back(s.substr(start, end - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

/// Best and median seconds of `reps` timed calls of pass() after `warmup`
/// untimed ones; every call's result is added to `checksum` (so no pass is
/// optimized away).
struct Timing {
  double best, median;
};
template <typename Pass>
Timing time_passes(int warmup, int reps, Pass&& pass, std::size_t& checksum) {
  for (int i = 0; i < warmup; ++i) checksum += pass();
  std::vector<double> seconds;
  for (int i = 0; i < reps; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    checksum += pass();
    const auto t1 = std::chrono::steady_clock::now();
    seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
  }
  std::sort(seconds.begin(), seconds.end());
  const std::size_t n = seconds.size();
  if (n == 0) return {0, 0};
  return {seconds.front(), n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2};
}

/// Whole file as bytes, or nullopt when it cannot be read.
inline std::optional<std::string> read_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return std::nullopt;
  std::string data;
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return std::nullopt;
  return data;
}

/// The first `limit` bytes of `text`, cut after the last line break inside
/// them (whole lines, so no UTF-8 sequence is split).
inline std::string_view prefix_lines(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  const std::size_t nl = text.rfind('\n', limit - 1);
  return nl == std::string_view::npos ? text.substr(0, limit) : text.substr(0, nl + 1);
}

/// Cuts `text` into consecutive pieces of about `target` bytes at
/// kurdi::safe_split_point (so processing the pieces one by one gives the same
/// result as the whole). target == 0: one piece.
inline std::vector<std::string_view> chunks(std::string_view text, std::size_t target) {
  std::vector<std::string_view> out;
  if (target == 0) {
    out.push_back(text);
    return out;
  }
  while (!text.empty()) {
    if (text.size() <= target) {
      out.push_back(text);
      break;
    }
    std::size_t cut = kurdi::safe_split_point(text.substr(0, target));
    if (cut == 0) {
      // No whitespace in the window: look further for the next safe point.
      std::size_t window = target;
      while (cut == 0 && window < text.size()) {
        window = window * 2 < text.size() ? window * 2 : text.size();
        cut = window == text.size() ? text.size() : kurdi::safe_split_point(text.substr(0, window));
      }
    }
    out.push_back(text.substr(0, cut));
    text.remove_prefix(cut);
  }
  return out;
}

/// One piece per line, without its line break ("\n" or "\r\n").
inline std::vector<std::string_view> lines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

/// Baseline: number of '\n' bytes, found with memchr.
inline std::size_t count_lines_memchr(std::string_view text) noexcept {
  std::size_t lines = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (hit == nullptr) break;
    ++lines;
    p = static_cast<const char*>(hit) + 1;
  }
  return lines;
}

/// Baseline: a full UTF-8 validation pass with the library's validator;
/// returns the number of malformed sequences.
inline std::size_t count_invalid_utf8(std::string_view text) noexcept {
  std::size_t invalid = 0;
  std::size_t pos = 0;
  while ((pos = kurdi::find_invalid_utf8(text, pos)) != std::string_view::npos) {
    ++invalid;
    pos += kurdi::invalid_utf8_length(text, pos);
  }
  return invalid;
}

}  // namespace kurdi_bench
