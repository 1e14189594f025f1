// CSV: RFC 4180 rows under a header row, every skip reason with the line
// its row starts on.
#include "support.hpp"

namespace kurdi::archive {
namespace {

using testing::Collector;
using testing::reasons;
using testing::read;
using testing::read_text;
using ::testing::ElementsAre;

TEST(ReadCsv, FixtureWithQuotedFieldSpanningLines) {
  const std::string file = testing::fixture("corpus/articles.csv");
  const Collector sink = read({file});
  EXPECT_TRUE(sink.skips.empty()) << ::testing::PrintToString(sink.skip_lines());
  ASSERT_EQ(sink.documents.size(), 2U);
  const SourceDocument& first = sink.documents[0];
  EXPECT_EQ(first.id, "csv-1");
  EXPECT_EQ(first.title, "سەردانی واشنتن");
  EXPECT_EQ(first.body,
            "سەردانەکەی کازمی بۆ واشنتن، کۆمەڵێک لێکتێگەیشتنی لەگەڵ بەرپرسەکانی ئەمریکادا لێبەرهەمهات.\n"
            "بەرلەویش وەزیرانی دەرەوەی ئەمریکا و عێراق کۆبوونەوە. \"یو ئێس ئاید\", کۆتایی");
  EXPECT_EQ(first.date, "2021-07-26");
  EXPECT_EQ(first.line, 2U);
  const SourceDocument& second = sink.documents[1];
  EXPECT_EQ(second.line, 4U);  // the quoted field above took lines 2 and 3
  EXPECT_EQ(second.id, file + ":4");
  EXPECT_EQ(second.title, "هێز");
  EXPECT_EQ(second.date, "");
  EXPECT_EQ(second.language, "ckb");
}

TEST(ReadCsv, EverySkipReasonWithTheLineItsRowStartsOn) {
  const Collector sink = read_text("bad.csv",
                                   "id,body,date\n"                          // 1 header
                                   "a,\"هێز\n"                               // 2 row spans 2-4
                                   "\n"                                      // 3 (inside quotes)
                                   "کۆتایی\",2021-02-28\n"                   // 4
                                   "b,هێز,2021-02-29\n"                      // 5 no such day
                                   "c,هێز\n"                                 // 6 too few fields
                                   "d,هێز,,extra\n"                          // 7 too many fields
                                   "e,,\n"                                   // 8 empty body
                                   "f,\"هێز\"x,\n"                           // 9 text after a quote
                                   "g,\"یەک\n"                               // 10 spans 10-11,
                                   "دوو\xc0\",\n"                            // 11 bad byte on line 11
                                   "\n"                                      // 12 blank: ignored
                                   "h,\"\"\"هێز\"\" \",2020-02-29\n"         // 13 fine
                                   "i,\"never closed\n"                      // 14 unterminated to EOF
                                   "j,هێز,\n");
  EXPECT_THAT(reasons(sink), ElementsAre("5: `date` '2021-02-29' is not a date (expected YYYY-MM-DD)",
                                         "6: the row has 2 fields, the header has 3",
                                         "7: the row has 4 fields, the header has 3", "8: `body` is empty",
                                         "9: text after the closing quote of a field (line 9, column 8)",
                                         "10: invalid UTF-8 at line 11, column 4",
                                         "14: unterminated quoted field (the file ends inside quotes)"));
  ASSERT_EQ(sink.documents.size(), 2U);
  EXPECT_EQ(sink.documents[0].id, "a");
  EXPECT_EQ(sink.documents[0].line, 2U);
  EXPECT_EQ(sink.documents[0].body, "هێز\n\nکۆتایی");
  EXPECT_EQ(sink.documents[1].id, "h");
  EXPECT_EQ(sink.documents[1].line, 13U);
  EXPECT_EQ(sink.documents[1].body, "\"هێز\"");
  EXPECT_EQ(sink.documents[1].date, "2020-02-29");
}

TEST(ReadCsv, CrlfLineEndingsAndBom) {
  const Collector sink = read_text("crlf.csv",
                                   "\xEF\xBB\xBF" "id,title,body\r\n"
                                   "1,سەردان,\"یەک\r\nدوو\"\r\n"  // lines 2-3
                                   "2,  هێز  ,کۆتایی\r\n"            // line 4
                                   "3,x\r\n");                       // line 5
  EXPECT_THAT(reasons(sink), ElementsAre("5: the row has 2 fields, the header has 3"));
  ASSERT_EQ(sink.documents.size(), 2U);
  EXPECT_EQ(sink.documents[0].id, "1");  // the BOM is not part of the `id` column name
  EXPECT_EQ(sink.documents[0].body, "یەک\r\nدوو");  // inside quotes, as written
  EXPECT_EQ(sink.documents[1].title, "هێز");
  EXPECT_EQ(sink.documents[1].body, "کۆتایی");  // no CR
  EXPECT_EQ(sink.documents[1].line, 4U);
}

TEST(ReadCsv, HeaderWithoutBodySkipsTheWholeFile) {
  const Collector sink = read_text("nobody.csv", "id,title,text\n1,x,هێز\n");
  EXPECT_TRUE(sink.documents.empty());
  EXPECT_THAT(reasons(sink), ElementsAre("0: header row (line 1): the header row has no `body` column"));
}

TEST(ReadCsv, HeaderProblems) {
  EXPECT_THAT(reasons(read_text("dup.csv", "body,Body\nx,y\n")),
              ElementsAre("0: header row (line 1): the header row names `body` twice"));
  EXPECT_THAT(reasons(read_text("empty.csv", "")), ElementsAre("0: the file is empty (no header row)"));
  EXPECT_THAT(reasons(read_text("blank.csv", "\n\r\n")), ElementsAre("0: the file is empty (no header row)"));
  EXPECT_THAT(reasons(read_text("quote.csv", "\n\"body\nx\n")),
              ElementsAre("0: header row (line 2): unterminated quoted field (the file ends inside quotes)"));
}

TEST(ReadCsv, BodyOnlyAndUnknownColumns) {
  const Collector sink = read_text("extra.csv", "  Body , author\nهێزەکان,کەس\n\"ئەمریکا\",\n");
  ASSERT_EQ(sink.documents.size(), 2U);
  EXPECT_EQ(sink.documents[0].body, "هێزەکان");
  EXPECT_TRUE(sink.documents[1].id.ends_with("extra.csv:3"));
  EXPECT_TRUE(sink.skips.empty());
}

TEST(ReadCsv, ARowOverTheLimitIsSkipped) {
  const Collector sink =
      read_text("big.csv", "id,body\n1,\"" + std::string(500, 'x') + "\n" + std::string(500, 'y') + "\"\n2,هێز\n",
                std::nullopt, 200);
  EXPECT_THAT(reasons(sink), ElementsAre("2: the row is longer than 200 bytes"));
  ASSERT_EQ(sink.documents.size(), 1U);
  EXPECT_EQ(sink.documents[0].line, 4U);
}

TEST(ReadCsv, ARowThatDoesNotEndWithinTheSkipLimitGivesUpTheInput) {
  const Collector ended =
      read_text("a.csv", "id,body\n1," + std::string(900, 'x') + "\n2,هێز\n", std::nullopt, 100, 1000);
  EXPECT_THAT(reasons(ended), ElementsAre("2: the row is longer than 100 bytes"));
  EXPECT_EQ(ended.documents.size(), 1U);
  const Collector endless = read_text("b.csv", "id,body\n1,هێز\n2,\"" + std::string(200000, 'x') + "\"\n3,هێز\n",
                                      std::nullopt, 100, 1000);
  EXPECT_THAT(reasons(endless), ElementsAre("3: the row is longer than 100 bytes and does not end within 1000 bytes: "
                                            "the rest of the input is not read"));
  EXPECT_EQ(endless.documents.size(), 1U);
  EXPECT_LT(endless.bytes, 200000U);
}

}  // namespace
}  // namespace kurdi::archive
