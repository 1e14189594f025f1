// The search-behaviour suite (tests/behaviour/search/) run against the
// archive: documents.jsonl indexed with the archive's own reader, each line of
// cases.tsv one test. Other hosts run the same two files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "archive/archive.hpp"
#include "archive/read/document_reader.hpp"

namespace {

const std::string kSuite = KURDI_SOURCE_DIR "/tests/behaviour/search";

struct Case {
  int line = 0;
  std::string kind, query, arg, note;
  std::vector<std::string> ids;
};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  std::ifstream in(kSuite + "/cases.tsv");
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    if (text.empty() || text[0] == '#') continue;
    const auto fields = split(text, '\t');
    Case c;
    c.line = line;
    c.kind = fields.size() > 0 ? fields[0] : "";
    c.query = fields.size() > 1 ? fields[1] : "";
    if (fields.size() > 2 && fields[2] != "-") c.ids = split(fields[2], ',');
    c.arg = fields.size() > 3 ? fields[3] : "";
    c.note = fields.size() > 4 ? fields[4] : "";
    cases.push_back(c);
  }
  return cases;
}

class Loader final : public kurdi::archive::DocumentSink {
 public:
  explicit Loader(kurdi::archive::Archive& archive) : archive_(archive) {}
  void document(kurdi::archive::SourceDocument&& d) override {
    archive_.store({d.id, d.title, d.body, d.source, d.url, d.date, d.language});
  }
  void skipped(kurdi::archive::Skip&& skip) override {
    ADD_FAILURE() << skip.file << ":" << skip.line << ": " << skip.reason;
  }

 private:
  kurdi::archive::Archive& archive_;
};

class SearchBehaviour : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    path_ = (std::filesystem::temp_directory_path() / ("kurdi-behaviour-" + std::to_string(getpid()) + ".db")).string();
    std::filesystem::remove(path_);
    kurdi::archive::OpenOptions options;
    options.create = true;
    archive_ = new kurdi::archive::Archive(path_, options);
    Loader loader(*archive_);
    kurdi::archive::read_paths({kSuite + "/documents.jsonl"}, {}, loader);
    archive_->commit();
  }
  static void TearDownTestSuite() {
    delete archive_;
    archive_ = nullptr;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  static std::string path_;
  static kurdi::archive::Archive* archive_;
};

std::string SearchBehaviour::path_;
kurdi::archive::Archive* SearchBehaviour::archive_ = nullptr;

TEST_P(SearchBehaviour, Case) {
  const Case& c = GetParam();
  SCOPED_TRACE("cases.tsv:" + std::to_string(c.line) + ": " + c.kind + " [" + c.query + "] " + c.note);
  kurdi::archive::SearchRequest request;
  request.query = c.query;
  request.limit = 100;
  const auto result = archive_->search(request);
  std::vector<std::string> hits;
  for (const auto& h : result.hits) hits.push_back(h.id);
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
    const std::string& snippet = result.hits[static_cast<std::size_t>(rank(c.ids[0]))].snippet;
    EXPECT_NE(snippet.find("<mark>" + c.arg + "</mark>"), std::string::npos) << snippet;
  } else if (c.kind == "nothing") {
    EXPECT_TRUE(hits.empty()) << shown;
  } else {
    FAIL() << "unknown case kind '" << c.kind << "'";
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, SearchBehaviour, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<Case>& param) {
                           return "line" + std::to_string(param.param.line) + "_" + param.param.kind;
                         });

TEST(SearchBehaviourSuite, HasCases) { EXPECT_GT(load_cases().size(), 20u); }

}  // namespace
