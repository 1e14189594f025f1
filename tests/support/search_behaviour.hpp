// Test support: the shared search-behaviour suite (tests/behaviour/search/),
// read and judged the same way by every C++ host's test (the archive, kurdi
// serve): documents.jsonl loaded through the archive's reader, cases.tsv
// parsed into cases, and one verdict per case on the ids a host returned.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "archive/archive.hpp"
#include "archive/read/document_reader.hpp"

namespace kurdi_test {

inline const std::string kSearchSuite = KURDI_SOURCE_DIR "/tests/behaviour/search";

// Stores every document read into an archive; a skipped record fails the test.
class ArchiveLoader final : public kurdi::archive::DocumentSink {
 public:
  explicit ArchiveLoader(kurdi::archive::Archive& archive) : archive_(archive) {}
  void document(kurdi::archive::SourceDocument&& d) override {
    archive_.store({d.id, d.title, d.body, d.source, d.url, d.date, d.language});
  }
  void skipped(kurdi::archive::Skip&& skip) override {
    ADD_FAILURE() << skip.file << ":" << skip.line << ": " << skip.reason;
  }

 private:
  kurdi::archive::Archive& archive_;
};

// One line of cases.tsv: kind, query, expected ids (comma-separated, "-" for
// none), an argument (the marked word of `marks`) and a note.
struct SearchCase {
  int line = 0;
  std::string kind, query, arg, note;
  std::vector<std::string> ids;
};

inline std::vector<std::string> split_fields(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

inline std::vector<SearchCase> load_search_cases() {
  std::vector<SearchCase> cases;
  std::ifstream in(kSearchSuite + "/cases.tsv");
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    if (text.empty() || text[0] == '#') continue;
    const auto fields = split_fields(text, '\t');
    SearchCase c;
    c.line = line;
    c.kind = fields.size() > 0 ? fields[0] : "";
    c.query = fields.size() > 1 ? fields[1] : "";
    if (fields.size() > 2 && fields[2] != "-") c.ids = split_fields(fields[2], ',');
    c.arg = fields.size() > 3 ? fields[3] : "";
    c.note = fields.size() > 4 ? fields[4] : "";
    cases.push_back(c);
  }
  return cases;
}

// gtest's name for a case: line and kind.
inline std::string search_case_name(const ::testing::TestParamInfo<SearchCase>& param) {
  return "line" + std::to_string(param.param.line) + "_" + param.param.kind;
}

// The verdict on one case: `hits` are the ids a host returned for c.query,
// best first, and `snippets` their HTML snippets in the same order.
inline void check_search_case(const SearchCase& c, const std::vector<std::string>& hits,
                              const std::vector<std::string>& snippets) {
  const auto rank = [&](const std::string& id) { return std::find(hits.begin(), hits.end(), id) - hits.begin(); };
  const auto found = [&](const std::string& id) { return rank(id) < static_cast<long>(hits.size()); };
  std::string shown;
  for (const auto& id : hits) shown += id + " ";

  if (c.kind == "finds") {
    for (const auto& id : c.ids) EXPECT_TRUE(found(id)) << id << " not in: " << shown;
  } else if (c.kind == "misses") {
    for (const auto& id : c.ids) EXPECT_FALSE(found(id)) << id << " in: " << shown;
  } else if (c.kind == "only") {
    EXPECT_EQ(std::set<std::string>(hits.begin(), hits.end()), std::set<std::string>(c.ids.begin(), c.ids.end()))
        << shown;
  } else if (c.kind == "first") {
    ASSERT_EQ(c.ids.size(), 1u);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.front(), c.ids[0]) << shown;
  } else if (c.kind == "above") {
    ASSERT_EQ(c.ids.size(), 2u);
    ASSERT_TRUE(found(c.ids[0]) && found(c.ids[1])) << shown;
    EXPECT_LT(rank(c.ids[0]), rank(c.ids[1])) << shown;
  } else if (c.kind == "marks") {
    ASSERT_EQ(c.ids.size(), 1u);
    ASSERT_TRUE(found(c.ids[0])) << shown;
    ASSERT_EQ(snippets.size(), hits.size());
    const std::string& snippet = snippets[static_cast<std::size_t>(rank(c.ids[0]))];
    EXPECT_NE(snippet.find("<mark>" + c.arg + "</mark>"), std::string::npos) << snippet;
  } else if (c.kind == "nothing") {
    EXPECT_TRUE(hits.empty()) << shown;
  } else {
    FAIL() << "unknown case kind '" << c.kind << "'";
  }
}

}  // namespace kurdi_test
