// Any bytes in: no crash, no exception, and every document keeps the
// interface's promises (valid UTF-8, a non-empty trimmed body, a date in
// YYYY-MM-DD form or none). Inputs are random mixes of each format's
// syntax, Sorani text and broken UTF-8, from a fixed seed.
#include <random>

#include "kurdi/utf8.hpp"
#include "support.hpp"

namespace kurdi::archive {
namespace {

using testing::Collector;
using testing::read_text;

// Broken UTF-8 goes into about one input in four, so that whole-file
// formats also get inputs they can read.
std::string random_input(std::mt19937& random, const std::vector<std::string>& pieces) {
  static const std::vector<std::string> broken = {"\xff", "\xd8", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf"};
  const bool with_broken = random() % 4 == 0;
  std::string out;
  const std::size_t count = random() % 60;
  for (std::size_t i = 0; i < count; ++i) {
    out += with_broken && random() % 8 == 0 ? broken[random() % broken.size()] : pieces[random() % pieces.size()];
  }
  return out;
}

void expect_promises_kept(const Collector& sink, const std::string& input) {
  for (const SourceDocument& document : sink.documents) {
    for (const std::string* field : {&document.id, &document.title, &document.body, &document.source, &document.url,
                                     &document.date, &document.language, &document.file}) {
      ASSERT_EQ(kurdi::find_invalid_utf8(*field), std::string_view::npos) << ::testing::PrintToString(input);
    }
    ASSERT_FALSE(document.body.empty());
    ASSERT_NE(document.body.front(), ' ');
    ASSERT_NE(document.body.back(), '\n');
    ASSERT_FALSE(document.id.empty());
    ASSERT_FALSE(document.language.empty());
    ASSERT_TRUE(document.date.empty() || document.date.size() == 10) << document.date;
    ASSERT_GE(document.line, 1U);
  }
  for (const Skip& skip : sink.skips) {
    ASSERT_EQ(kurdi::find_invalid_utf8(skip.reason), std::string_view::npos) << skip.reason;
  }
}

TEST(ReadRobustness, RandomInputsInEveryFormat) {
  const std::vector<std::string> common = {"هێز", "ەکان", "\u200c", " ", "\n", "\r\n", "\r",
                                           "\t", "\xEF\xBB\xBF", "\"", ",", "x", "2021-02-29", "2020-02-29"};
  struct Case {
    const char* name;
    std::vector<std::string> pieces;
  };
  const std::vector<Case> cases = {
      {"r.jsonl", {"{", "}", "[", "]", ":", "\"body\"", "\"id\"", "\"date\"", "\"title\"", "null", "12", "-3.5",
                   "true", "\\u200c", "\\ud800", "\\\"", "{\"body\": \"هێز\"}\n"}},
      {"r.csv", {"id,body,date\n", "body\n", "\"\"", "\"\"\"", ",,", "Body,ID\r\n"}},
      {"r.txt", {"#", "## سەردان\n", "\n\n"}},
      {"r.md", {"#", "## سەردان\n", "\n\n"}},
      {"r.html", {"<p>", "</p>", "<script>", "</script>", "<title>", "&zwnj;", "&amp", "&#x", "<meta name=date "
                  "content=", "<html lang=", "<!--", "-->", "<pre>", "<body>", "<![CDATA[", "<?x", "<br/>",
                  "<meta charset=windows-1256>"}},
  };
  std::mt19937 random(20240607);
  for (const Case& one : cases) {
    std::vector<std::string> pieces = common;
    pieces.insert(pieces.end(), one.pieces.begin(), one.pieces.end());
    std::size_t documents = 0;
    std::size_t skips = 0;
    for (int i = 0; i < 300; ++i) {
      const std::string input = random_input(random, pieces);
      Collector sink;
      ASSERT_NO_THROW(sink = read_text(one.name, input, std::nullopt, 256)) << ::testing::PrintToString(input);
      expect_promises_kept(sink, input);
      documents += sink.documents.size();
      skips += sink.skips.size();
    }
    // Both paths were taken, or the inputs were too tame to prove anything.
    EXPECT_GT(documents, 20U) << one.name;
    EXPECT_GT(skips, 20U) << one.name;
  }
}

}  // namespace
}  // namespace kurdi::archive
