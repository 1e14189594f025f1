// Property tests on real text: the first ~2 MB (Release) of the bench corpora
// (../shared/data/bench/ckb-clean.txt and ckb-dirty.txt; skipped with a
// message when they are absent), checked line by line and as whole chunks
// against the contracts of contracts.hpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "contracts.hpp"

namespace {

// How much of each corpus is checked: ~2 MB in an optimized build (about a
// second per corpus); less in Debug and sanitizer builds, which run the same
// checks ~10x slower, so that the suite stays within seconds there too.
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
constexpr std::size_t kMaxBytes = 1u << 20;
constexpr std::size_t kLineBytes = 1u << 20;
#else
constexpr std::size_t kMaxBytes = 2u << 20;
constexpr std::size_t kLineBytes = kMaxBytes;
#endif

// The first kMaxBytes of a file, cut after a line feed. Empty when absent.
std::string head(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return {};
  std::string s(kMaxBytes, '\0');
  s.resize(std::fread(s.data(), 1, s.size(), f));
  std::fclose(f);
  if (s.size() == kMaxBytes) {
    const std::size_t nl = s.rfind('\n');
    if (nl != std::string::npos) s.resize(nl + 1);
  }
  return s;
}

std::string report(const kurdi_props::Violations& v) {
  std::string r;
  for (const auto& m : v) r += "  " + m + "\n";
  return r;
}

class Corpus : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    path_ = std::string(KURDI_SHARED_DATA) + "/bench/" + GetParam();
    text_ = head(path_);
    if (text_.empty()) GTEST_SKIP() << path_ << " is absent: corpus property tests skipped";
  }
  std::string path_;
  std::string text_;
};

// Whole chunks of ~256 KB (cut after a line feed), so that context across
// lines (CRLF, BOM, sentences) is exercised as a streaming host would see it.
TEST_P(Corpus, WholeChunks) {
  constexpr std::size_t kChunk = 256u << 10;
  std::size_t pos = 0, chunks = 0;
  while (pos < text_.size()) {
    std::size_t end = std::min(text_.size(), pos + kChunk);
    if (end < text_.size()) {
      const std::size_t nl = text_.rfind('\n', end - 1);
      if (nl != std::string::npos && nl >= pos) end = nl + 1;
    }
    const std::string_view chunk = std::string_view(text_).substr(pos, end - pos);
    const auto v = kurdi_props::check_all(chunk, kurdi_props::Depth::sampled);
    EXPECT_TRUE(v.empty()) << GetParam() << " chunk at byte " << pos << ":\n" << report(v);
    pos = end;
    ++chunks;
  }
  RecordProperty("chunks", static_cast<int>(chunks));
}

// Every line on its own (with its line break).
TEST_P(Corpus, LineByLine) {
  std::size_t pos = 0, line = 0, failures = 0;
  const std::size_t limit = std::min(text_.size(), kLineBytes);
  while (pos < limit && failures < 10) {
    std::size_t nl = text_.find('\n', pos);
    const std::size_t end = nl == std::string::npos ? text_.size() : nl + 1;
    const std::string_view l = std::string_view(text_).substr(pos, end - pos);
    ++line;
    const auto v = kurdi_props::check_all(l, kurdi_props::Depth::sampled);
    if (!v.empty()) {
      ++failures;
      ADD_FAILURE() << GetParam() << " line " << line << ": \""
                    << kurdi_props::show(l.substr(0, 200)) << "\"\n"
                    << report(v);
    }
    pos = end;
  }
}

std::string corpus_name(const ::testing::TestParamInfo<const char*>& p) {
  return std::string(p.param).substr(4, 5);  // "clean" / "dirty"
}

INSTANTIATE_TEST_SUITE_P(Bench, Corpus, ::testing::Values("ckb-clean.txt", "ckb-dirty.txt"),
                         corpus_name);

}  // namespace
