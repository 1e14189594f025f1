// Format names, extensions and the warning text of a Skip.
#include "support.hpp"

namespace kurdi::archive {
namespace {

TEST(ReadFormats, NamesAreCaseInsensitive) {
  EXPECT_EQ(parse_format("JSONL"), Format::jsonl);
  EXPECT_EQ(parse_format("ndjson"), Format::jsonl);
  EXPECT_EQ(parse_format("Csv"), Format::csv);
  EXPECT_EQ(parse_format("text"), Format::text);
  EXPECT_EQ(parse_format("txt"), Format::text);
  EXPECT_EQ(parse_format("markdown"), Format::markdown);
  EXPECT_EQ(parse_format("htm"), Format::html);
  EXPECT_EQ(parse_format("pdf"), std::nullopt);
  EXPECT_EQ(parse_format(""), std::nullopt);
}

TEST(ReadFormats, ExtensionsDecideTheFormat) {
  EXPECT_EQ(format_of("a/b/news.JSONL"), Format::jsonl);
  EXPECT_EQ(format_of("news.ndjson"), Format::jsonl);
  EXPECT_EQ(format_of("x.csv"), Format::csv);
  EXPECT_EQ(format_of("dir.d/x.txt"), Format::text);
  EXPECT_EQ(format_of("README.md"), Format::markdown);
  EXPECT_EQ(format_of("page.htm"), Format::html);
  EXPECT_EQ(format_of("page.html"), Format::html);
  EXPECT_EQ(format_of("dir.txt/noext"), std::nullopt);
  EXPECT_EQ(format_of(".md"), std::nullopt);
  EXPECT_EQ(format_of("notes.markdown"), std::nullopt);
  EXPECT_EQ(format_of("archive.tar.gz"), std::nullopt);
}

TEST(ReadFormats, CanonicalNamesRoundTrip) {
  for (const Format format : {Format::jsonl, Format::csv, Format::text, Format::markdown, Format::html}) {
    EXPECT_EQ(parse_format(format_name(format)), format);
  }
  EXPECT_EQ(format_name(Format::text), "txt");
}

TEST(ReadFormats, SkipWarningNamesFileAndLine) {
  EXPECT_EQ(to_string(Skip{"news.jsonl", 12, "`body` is missing"}), "news.jsonl:12: `body` is missing");
  EXPECT_EQ(to_string(Skip{"gone.txt", 0, "No such file or directory"}), "gone.txt: No such file or directory");
}

}  // namespace
}  // namespace kurdi::archive
