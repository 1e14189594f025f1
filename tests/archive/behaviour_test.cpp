// The search-behaviour suite (tests/behaviour/search/) run against the
// archive: documents.jsonl indexed with the archive's own reader, each line of
// cases.tsv one test, judged by tests/support/search_behaviour.hpp. Other
// hosts run the same two files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "archive/archive.hpp"
#include "archive/read/document_reader.hpp"
#include "support/search_behaviour.hpp"

namespace {

using kurdi_test::ArchiveLoader;
using kurdi_test::SearchCase;

class SearchBehaviour : public ::testing::TestWithParam<SearchCase> {
 protected:
  static void SetUpTestSuite() {
    path_ = (std::filesystem::temp_directory_path() / ("kurdi-behaviour-" + std::to_string(getpid()) + ".db")).string();
    std::filesystem::remove(path_);
    kurdi::archive::OpenOptions options;
    options.create = true;
    archive_ = new kurdi::archive::Archive(path_, options);
    ArchiveLoader loader(*archive_);
    kurdi::archive::read_paths({kurdi_test::kSearchSuite + "/documents.jsonl"}, {}, loader);
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
  const SearchCase& c = GetParam();
  SCOPED_TRACE("cases.tsv:" + std::to_string(c.line) + ": " + c.kind + " [" + c.query + "] " + c.note);
  kurdi::archive::SearchRequest request;
  request.query = c.query;
  request.limit = 100;
  const auto result = archive_->search(request);
  std::vector<std::string> hits, snippets;
  for (const auto& h : result.hits) {
    hits.push_back(h.id);
    snippets.push_back(h.snippet);
  }
  kurdi_test::check_search_case(c, hits, snippets);
}

INSTANTIATE_TEST_SUITE_P(Cases, SearchBehaviour, ::testing::ValuesIn(kurdi_test::load_search_cases()),
                         kurdi_test::search_case_name);

TEST(SearchBehaviourSuite, HasCases) { EXPECT_GT(kurdi_test::load_search_cases().size(), 20u); }

}  // namespace
