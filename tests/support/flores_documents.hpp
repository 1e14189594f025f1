// Test support: archive documents made of the bundled FLORES-200 sample
// lines (flores_samples.hpp), with the shapes that the archive's search
// shortcuts must get right: lengths that differ, long documents (two-byte
// lengths in FTS5's docsize rows), titles (weighted 3.0), two sources and
// ten years. Shared by tests/archive/exact_ranking_test.cpp and
// fuzz/fuzz_archive_search.cpp, which build the same archive.
#pragma once
#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "archive/archive.hpp"
#include "support/split_spaces.hpp"

// GCC 12 reports false -Wrestrict overlaps in std::string copies inlined
// into the document builders below (at -O3), whatever the spelling.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

namespace kurdi_test {

// Parts joined by `separator` (appends: GCC 12 warns falsely, -Wrestrict,
// on chains of std::string operator+).
inline std::string joined(std::initializer_list<std::string> parts, std::string_view separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out.append(separator);
    out.append(p);
  }
  return out;
}

// Document i (of `lines.size()`) of the archive's copy `copy`, id
// "COPY-I": one to three sample lines, some with a title, source "a" or
// "b", dated June 1st of 2015 to 2024.
inline kurdi::archive::Document flores_document(const std::vector<std::string>& lines, int copy, std::size_t i) {
  const std::size_t n = lines.size();
  kurdi::archive::Document d;
  d.id = joined({std::to_string(copy), std::to_string(i)}, "-");
  d.body = lines[i];
  if (i % 2 == 0) d.body.append(" ").append(lines[(i * 7 + 3) % n]);
  if (i % 5 == 0) d.body.append(" ").append(lines[(i * 11 + 5) % n]);
  // Some long documents: FTS5 stores lengths of 128 tokens or more
  // in varints of two bytes and more (the block bounds read them).
  // Every 9th, and every one of a run of 300 (whole blocks of long
  // documents, whose bounds come from long documents only).
  if (i % 9 == 0 || (i >= n / 2 && i < n / 2 + 300))
    for (std::size_t k = 1; k <= 8; ++k) d.body.append(" ").append(lines[(i + k * 17) % n]);
  if (i % 3 == 0) {
    const std::vector<std::string> w = split_spaces(lines[(i * 13 + 1) % n]);
    for (std::size_t k = 0; k < std::min<std::size_t>(4, w.size()); ++k) {
      if (k > 0) d.title.push_back(' ');
      d.title.append(w[k]);
    }
  }
  d.source.assign(i % 4 == 0 ? "b" : "a");
  d.date = joined({std::to_string(2015 + i % 10), "06", "01"}, "-");
  return d;
}

// Document k of those added to an archive of flores_document()s after its
// block bounds were built, id "long-K" or "short-K": a third repeat a
// stored document (an added and a stored document then tie); the others
// have no title and are long (13 sample lines: the average length grows)
// or short (a third of a line or so: it falls).
inline kurdi::archive::Document flores_added_document(const std::vector<std::string>& lines, bool longer,
                                                      std::size_t k) {
  const std::size_t n = lines.size();
  const std::size_t i = (k * 37 + 11) % n;
  kurdi::archive::Document d = flores_document(lines, 2, i);
  d.id = joined({longer ? "long" : "short", std::to_string(k)}, "-");
  if (k % 3 != 0) {
    d.title.clear();
    d.body = lines[i];
    if (longer)
      for (std::size_t j = 1; j <= 12; ++j) d.body.append(" ").append(lines[(i + j * 29) % n]);
    else
      d.body.resize(std::min(d.body.size(), d.body.find(' ', d.body.size() / 3)));
  }
  return d;
}

}  // namespace kurdi_test

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
