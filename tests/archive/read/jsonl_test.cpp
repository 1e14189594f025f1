// JSON Lines: one object per line, every skip reason with its line.
#include "support.hpp"

namespace kurdi::archive {
namespace {

using testing::Collector;
using testing::reasons;
using testing::read;
using testing::read_text;
using ::testing::ElementsAre;

TEST(ReadJsonl, FixtureWithBomCrlfAndBlankLine) {
  const std::string file = testing::fixture("corpus/articles.jsonl");
  const Collector sink = read({file});
  EXPECT_TRUE(sink.skips.empty()) << ::testing::PrintToString(sink.skip_lines());
  ASSERT_EQ(sink.documents.size(), 3U);

  const SourceDocument& first = sink.documents[0];  // the BOM did not spoil the first line
  EXPECT_EQ(first.id, "rudaw-1");
  EXPECT_EQ(first.title, "سەردانی کازمی");
  EXPECT_TRUE(first.body.starts_with("کازمی کۆتایی هەفتەی رابردوو"));
  EXPECT_EQ(first.body.back(), '.');  // no CR left from CRLF
  EXPECT_EQ(first.source, "seed");
  EXPECT_EQ(first.url, "https://example.org/1");
  EXPECT_EQ(first.date, "2020-08-23");
  EXPECT_EQ(first.language, "ckb");
  EXPECT_EQ(first.file, file);
  EXPECT_EQ(first.line, 1U);

  const SourceDocument& second = sink.documents[1];  // line 2 is blank
  EXPECT_EQ(second.id, "204");                       // an integer id as its decimal text
  EXPECT_EQ(second.title, "");
  EXPECT_EQ(second.date, "2020-08-24");
  EXPECT_EQ(second.line, 3U);

  const SourceDocument& third = sink.documents[2];
  EXPECT_EQ(third.id, file + ":4");  // no id: FILE:LINE
  EXPECT_EQ(third.title, "هێزەکانی ئەمریکا");  // trimmed, newline collapsed
  EXPECT_TRUE(third.body.starts_with("ئەمریکا هێرشی"));  // trimmed
  EXPECT_EQ(third.language, "ckb-IQ");
  EXPECT_EQ(third.line, 4U);
  EXPECT_EQ(sink.bytes, std::filesystem::file_size(file));
}

TEST(ReadJsonl, EverySkipReasonWithItsLine) {
  const Collector sink = read_text("bad.jsonl",
                                   "{\"body\": \"باشە\"}\n"                        // 1 fine
                                   "[\"body\"]\n"                                   // 2 not an object
                                   "{\"title\": \"x\"}\n"                           // 3 no body
                                   "{\"body\": 12}\n"                               // 4 body not a string
                                   "{\"body\": \"   \"}\n"                          // 5 empty body
                                   "{\"body\": \"x\", \"title\": 3}\n"              // 6 title not a string
                                   "{\"body\": \"x\", \"id\": 1.5}\n"               // 7 id a float
                                   "{\"body\": \"x\", \"date\": \"26/7/2021\"}\n"   // 8 bad date
                                   "{\"body\": \"x\", \"date\": \"2021-02-29\"}\n"  // 9 no such day
                                   "{\"body\": \"هێز\", \"title\": tru}\n"           // 10 invalid JSON: stops at } (column 29)
                                   "{\"body\": \"هێز\xff\"}\n"                      // 11 invalid UTF-8
                                   "{\"body\": \"x\"} {\"body\": \"y\"}\n"          // 12 two values: the second { is column 15
                                   "\n"                                             // 13 blank
                                   "{\"body\": \"کۆتایی\", \"date\": \"\"}");       // 14 fine, no final LF
  EXPECT_THAT(reasons(sink),
              ElementsAre("2: the line is not a JSON object", "3: `body` is missing", "4: `body` must be a string",
                          "5: `body` is empty", "6: `title` must be a string",
                          "7: `id` must be a string or an integer",
                          "8: `date` '26/7/2021' is not a date (expected YYYY-MM-DD)",
                          "9: `date` '2021-02-29' is not a date (expected YYYY-MM-DD)",
                          "10: invalid JSON at column 29: syntax error while parsing value - invalid literal",
                          "11: invalid UTF-8 at line 11, column 14",
                          "12: invalid JSON at column 15: syntax error while parsing value - unexpected '{'; "
                          "expected end of input"));
  ASSERT_EQ(sink.documents.size(), 2U);
  EXPECT_EQ(sink.documents[0].body, "باشە");
  EXPECT_EQ(sink.documents[1].line, 14U);
  EXPECT_EQ(sink.documents[1].date, "");
}

TEST(ReadJsonl, ANumberOutOfRangeSkipsItsLineOnly) {
  // Found by fuzz_document_readers: nlohmann's out_of_range (a number past
  // a double's range, in any field) was not caught, and ended the whole
  // `kurdi index` run with "[json.exception.out_of_range.406] ...".
  const Collector sink = read_text("n.jsonl",
                                   "{\"id\": \"1\", \"body\": \"یەکەم\"}\n"
                                   "{\"id\": \"2\", \"body\": \"دووەم\", \"views\": 1E999}\n"
                                   "{\"id\": \"3\", \"body\": \"سێیەم\"}\n");
  EXPECT_THAT(reasons(sink), ElementsAre("2: a number out of range at column 39: '1E999'"));
  EXPECT_THAT(sink.ids(), ElementsAre("1", "3"));
}

TEST(ReadJsonl, ControlCharactersInAQuotedValueAreEscaped) {
  // Found by fuzz_document_readers: a value quoted in a warning reached the
  // terminal as it was (ESC sequences obeyed, a line break splitting the
  // one-line warning). C0, DEL and C1 (U+009B, CSI) are written as escapes.
  const Collector sink = read_text("c.jsonl", "{\"body\": \"x\", \"date\": \"\\u001b[31m2020\\n\\u009b\\u007f\"}\n");
  EXPECT_THAT(reasons(sink),
              ElementsAre("1: `date` '\\x1B[31m2020\\x0A\\u009B\\x7F' is not a date (expected YYYY-MM-DD)"));
}

TEST(ReadJsonl, NullFieldsCountAsAbsent) {
  const Collector sink = read_text("n.jsonl", "{\"id\": null, \"title\": null, \"body\": \"هێز\", \"date\": null}\n"
                                              "{\"body\": null}\n");
  ASSERT_EQ(sink.documents.size(), 1U);
  EXPECT_TRUE(sink.documents[0].id.ends_with("n.jsonl:1"));
  EXPECT_THAT(reasons(sink), ElementsAre("2: `body` is missing"));
}

TEST(ReadJsonl, EscapesAreDecoded) {
  const Collector sink =
      read_text("e.jsonl", R"({"id": -7, "body": "\u0647\u06ce\u0632\u200c\u06d5\u06a9\u0627\u0646\n\"x\""})" "\n"
                           R"({"body": "\ud83d\ude00"})" "\n"
                           R"({"body": "\ud800"})" "\n");
  ASSERT_EQ(sink.documents.size(), 2U);
  EXPECT_EQ(sink.documents[0].id, "-7");
  EXPECT_EQ(sink.documents[0].body, "هێز\u200cەکان\n\"x\"");
  EXPECT_EQ(sink.documents[1].body, "\U0001F600");
  ASSERT_EQ(sink.skips.size(), 1U);  // a lone surrogate is not text
  EXPECT_EQ(sink.skips[0].line, 3U);
  EXPECT_TRUE(sink.skips[0].reason.starts_with("invalid JSON at column")) << sink.skips[0].reason;
}

TEST(ReadJsonl, ALineOverTheLimitIsSkippedAndTheNextIsRead) {
  const std::string big = "{\"body\": \"" + std::string(300, 'x') + "\"}\n";
  const Collector sink = read_text("big.jsonl", big + "{\"body\": \"هێز\"}\n" + big, std::nullopt, 100);
  EXPECT_THAT(reasons(sink), ElementsAre("1: the line is longer than 100 bytes", "3: the line is longer than 100 bytes"));
  ASSERT_EQ(sink.documents.size(), 1U);
  EXPECT_EQ(sink.documents[0].line, 2U);
}

TEST(ReadJsonl, ALineThatDoesNotEndWithinTheSkipLimitGivesUpTheInput) {
  // /dev/zero read as JSON Lines has no line end: it must not be read forever.
  const std::string good = "{\"body\": \"هێز\"}\n";
  const Collector ended = read_text("a.jsonl", std::string(900, 'x') + "\n" + good, std::nullopt, 100, 1000);
  EXPECT_THAT(reasons(ended), ElementsAre("1: the line is longer than 100 bytes"));
  EXPECT_EQ(ended.documents.size(), 1U);
  const Collector endless =
      read_text("b.jsonl", good + std::string(200000, 'x') + "\n" + good, std::nullopt, 100, 1000);
  EXPECT_THAT(reasons(endless), ElementsAre("2: the line is longer than 100 bytes and does not end within 1000 bytes: "
                                            "the rest of the input is not read"));
  EXPECT_EQ(endless.documents.size(), 1U);
  EXPECT_LT(endless.bytes, 200000U);  // what followed was not read
}

TEST(ReadJsonl, ManyChunksKeepLineNumbers) {
  // Lines that straddle the 64 KiB read chunks.
  std::string text;
  for (int i = 1; i <= 3000; ++i) {
    text += "{\"id\": " + std::to_string(i) + ", \"body\": \"" + std::string(static_cast<std::size_t>(i % 97), 'z') +
            "هێز\"}\n";
  }
  text += "{\"id\": 3001}\n";
  const Collector sink = read_text("many.jsonl", text);
  ASSERT_EQ(sink.documents.size(), 3000U);
  for (std::size_t i = 0; i < sink.documents.size(); ++i) {
    ASSERT_EQ(sink.documents[i].id, std::to_string(i + 1));
    ASSERT_EQ(sink.documents[i].line, i + 1);
  }
  EXPECT_THAT(reasons(sink), ElementsAre("3001: `body` is missing"));
}

}  // namespace
}  // namespace kurdi::archive
