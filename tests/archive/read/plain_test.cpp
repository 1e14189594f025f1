// Plain text and Markdown: one document per file, the title from the first line.
#include "support.hpp"

namespace kurdi::archive {
namespace {

using testing::Collector;
using testing::reasons;
using testing::read;
using testing::read_text;
using ::testing::ElementsAre;

TEST(ReadPlain, FixtureTitleFromTheFirstLine) {
  const std::string file = testing::fixture("corpus/seed.txt");
  const Collector sink = read({file});
  ASSERT_EQ(sink.documents.size(), 1U);
  const SourceDocument& document = sink.documents[0];
  EXPECT_EQ(document.id, file);
  EXPECT_EQ(document.file, file);
  EXPECT_EQ(document.line, 1U);
  EXPECT_EQ(document.title, "سەردانی کازمی بۆ واشنتن");
  EXPECT_TRUE(document.body.starts_with("کازمی کۆتایی"));  // leading blank lines gone
  EXPECT_TRUE(document.body.ends_with("کۆبوونەوە."));      // trailing newline gone
  EXPECT_EQ(document.language, "ckb");
  EXPECT_EQ(document.date, "");
}

TEST(ReadPlain, MarkdownHeadingMarksLeaveTheTitle) {
  const Collector sink = read({testing::fixture("corpus/notes.md")});
  ASSERT_EQ(sink.documents.size(), 1U);
  EXPECT_EQ(sink.documents[0].title, "تێبینییەکان");
  EXPECT_TRUE(sink.documents[0].body.starts_with("سەردانەکەی کازمی"));
}

TEST(ReadPlain, ALongFirstLineIsBodyAndTheFileNameIsTheTitle) {
  std::string line;
  for (int i = 0; i < 200; ++i) line += "ێ";  // 200 code points, 400 bytes
  const Collector sink = read_text("long.txt", "\n" + line + "\nکۆتایی\n");
  ASSERT_EQ(sink.documents.size(), 1U);
  EXPECT_EQ(sink.documents[0].title, "long.txt");
  EXPECT_EQ(sink.documents[0].body, line + "\nکۆتایی");

  const Collector shorter = read_text("short.txt", line.substr(2) + "\nکۆتایی\n");  // 199 code points
  ASSERT_EQ(shorter.documents.size(), 1U);
  EXPECT_EQ(shorter.documents[0].title, line.substr(2));
  EXPECT_EQ(shorter.documents[0].body, "کۆتایی");
}

TEST(ReadPlain, AOneLineFileIsStillADocument) {
  const Collector sink = read_text("one.txt", "  هێزەکانی ئەمریکا  ");
  ASSERT_EQ(sink.documents.size(), 1U);
  EXPECT_EQ(sink.documents[0].title, "هێزەکانی ئەمریکا");
  EXPECT_EQ(sink.documents[0].body, "هێزەکانی ئەمریکا");
  const Collector heading = read_text("one.md", "# سەردان\n\n");
  ASSERT_EQ(heading.documents.size(), 1U);
  EXPECT_EQ(heading.documents[0].title, "سەردان");
  EXPECT_EQ(heading.documents[0].body, "سەردان");
}

TEST(ReadPlain, CrlfBomAndZwnjAreKept) {
  const Collector sink = read_text("crlf.txt", "\xEF\xBB\xBFسەردان\r\n\r\nهێز\u200cەکان\r\nدوو\r\n");
  ASSERT_EQ(sink.documents.size(), 1U);
  EXPECT_EQ(sink.documents[0].title, "سەردان");
  EXPECT_EQ(sink.documents[0].body, "هێز\u200cەکان\r\nدوو");
}

TEST(ReadPlain, EmptyAndInvalidFilesAreSkipped) {
  EXPECT_THAT(reasons(read_text("empty.txt", "")), ElementsAre("0: the file is empty"));
  EXPECT_THAT(reasons(read_text("blank.md", " \n\t\r\n")), ElementsAre("0: the file is empty"));
  EXPECT_THAT(reasons(read_text("bom.txt", "\xEF\xBB\xBF")), ElementsAre("0: the file is empty"));
  const Collector bad = read_text("bad.txt", "سەردان\nیەک\nدوو \xed\xa0\x80 سێ\n");  // a surrogate
  EXPECT_TRUE(bad.documents.empty());
  EXPECT_THAT(reasons(bad), ElementsAre("3: invalid UTF-8 at line 3, column 5"));
}

TEST(ReadPlain, AFileOverTheLimitIsSkipped) {
  EXPECT_THAT(reasons(read_text("big.txt", std::string(300, 'x'), std::nullopt, 100)),
              ElementsAre("0: the file is longer than 100 bytes"));
}

}  // namespace
}  // namespace kurdi::archive
