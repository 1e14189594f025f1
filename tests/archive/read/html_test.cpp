// HTML: title, visible text of the body, entities, dates and languages.
#include "support.hpp"

namespace kurdi::archive {
namespace {

using testing::Collector;
using testing::reasons;
using testing::read;
using testing::read_text;
using ::testing::ElementsAre;

TEST(ReadHtml, FixtureTitleBodyDateLanguage) {
  const std::string file = testing::fixture("corpus/page.html");
  const Collector sink = read({file});
  EXPECT_TRUE(sink.skips.empty()) << ::testing::PrintToString(sink.skip_lines());
  ASSERT_EQ(sink.documents.size(), 1U);
  const SourceDocument& page = sink.documents[0];
  EXPECT_EQ(page.id, file);
  EXPECT_EQ(page.title, "هێزەکانی ئەمریکا");
  EXPECT_EQ(page.date, "2020-08-25");
  EXPECT_EQ(page.language, "ckb");
  EXPECT_EQ(page.body,
            "سەرەکی\n"
            "عێراق ئەمڕۆ وەک سوپا و هێزی سەربازی و ئەمنی توانای بەرگریکردن لەخۆی هەیە و پێویستی بە هێزێكی "
            "شەڕکەری بیانی لەسەر خاکی عێراقدا نییە.\n"
            "هێز\u200cەکان & میلیشیا");  // &zwnj; is U+200C, the script and style are gone
}

TEST(ReadHtml, ScriptStyleAndFriendsAreDropped) {
  const Collector sink = read_text("drop.html",
                                   "<html><head><title>  سەردان \n  واشنتن </title><script>head()</script></head>"
                                   "<body><script type=\"text/javascript\">if (a < b) { document.write('</p>') }</script>"
                                   "<style>p { color: red }</style><noscript>JavaScript!</noscript>"
                                   "<template><p>later</p></template><!-- a comment -->"
                                   "<div>یەک <b>دوو</b>   سێ</div><ul><li>چوار<li>پێنج</ul>"
                                   "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
                                   "شەش<br>حەوت<pre>  x\n  y</pre></body></html>");
  ASSERT_EQ(sink.documents.size(), 1U) << ::testing::PrintToString(sink.skip_lines());
  EXPECT_EQ(sink.documents[0].title, "سەردان واشنتن");
  EXPECT_EQ(sink.documents[0].body, "یەک دوو سێ\nچوار\nپێنج\na b\nc\nشەش\nحەوت\nx\ny");
}

TEST(ReadHtml, EntitiesAreDecoded) {
  const Collector sink = read_text("e.html",
                                   "<title>x</title><p>هێز&zwnj;ەکان&nbsp;&#1607;&#x6CE;&lt;&gt;&quot;&amp;&raquo;"
                                   "&zwj;</p>");
  ASSERT_EQ(sink.documents.size(), 1U);
  EXPECT_EQ(sink.documents[0].body, "هێز\u200cەکان\u00a0هێ<>\"&»\u200d");
}

TEST(ReadHtml, TitleFallsBackToH1ThenFileName) {
  const Collector h1 = read_text("h.html", "<body><h1> سەردانی\n کازمی </h1><p>هێز</p></body>");
  ASSERT_EQ(h1.documents.size(), 1U);
  EXPECT_EQ(h1.documents[0].title, "سەردانی کازمی");
  EXPECT_EQ(h1.documents[0].body, "سەردانی کازمی\nهێز");
  const Collector none = read_text("plain-page.htm", "<p>هێز</p>");
  ASSERT_EQ(none.documents.size(), 1U);
  EXPECT_EQ(none.documents[0].title, "plain-page.htm");
}

TEST(ReadHtml, MetaDatesAndLanguage) {
  const Collector sink = read_text(
      "d.html",
      "<html lang=\" ckb-Arab \"><head><meta property=\"article:published_time\" content=\"2021-07-26T09:00:00+03:00\">"
      "</head><body><p>هێز</p></body></html>");
  ASSERT_EQ(sink.documents.size(), 1U);
  EXPECT_EQ(sink.documents[0].date, "2021-07-26");
  EXPECT_EQ(sink.documents[0].language, "ckb-Arab");
  // A page's own date in another form is passed over, not a Skip.
  const Collector odd = read_text("o.html", "<meta name=\"DATE\" content=\"Monday\"><p>هێز</p>");
  ASSERT_EQ(odd.documents.size(), 1U);
  EXPECT_EQ(odd.documents[0].date, "");
  EXPECT_EQ(odd.documents[0].language, "ckb");
}

TEST(ReadHtml, DeclaredCharsetIsHonouredForNonUtf8Pages) {
  const Collector sink = read({testing::fixture("cp1256.html")});
  ASSERT_EQ(sink.documents.size(), 1U) << ::testing::PrintToString(sink.skip_lines());
  EXPECT_EQ(sink.documents[0].title, "كتاب");
  EXPECT_EQ(sink.documents[0].body, "كتاب و قلم");
}

TEST(ReadHtml, SkipReasons) {
  EXPECT_THAT(reasons(read_text("empty.html", "  \n")), ElementsAre("0: the file is empty"));
  EXPECT_THAT(reasons(read_text("nobody.html", "<html><head><title>x</title><script>x()</script></head></html>")),
              ElementsAre("0: the HTML body has no text"));
  EXPECT_THAT(reasons(read_text("bad.html", "<html>\n<body>\n<p>هێز \xff</p></body></html>")),
              ElementsAre("3: invalid UTF-8 at line 3, column 8 (and no other charset declared)"));
}

TEST(ReadHtml, DeepNestingIsReadToTheEnd) {
  // libxml2 stops at 256 levels unless told otherwise, and would drop the
  // rest of the page; the walk over the tree must not recurse either.
  std::string html = "<body><p>سەرەتا</p>";
  for (int i = 0; i < 300; ++i) html += "<div>";
  html += "ناوەڕاست";
  for (int i = 0; i < 300; ++i) html += "</div>";
  html += "<p>کۆتایی</p>";
  for (int i = 0; i < 20000; ++i) html += "<span>";
  html += "هێز";
  const Collector sink = read_text("deep.html", html);
  ASSERT_EQ(sink.documents.size(), 1U) << ::testing::PrintToString(sink.skip_lines());
  EXPECT_EQ(sink.documents[0].body, "سەرەتا\nناوەڕاست\nکۆتایی\nهێز");
}

}  // namespace
}  // namespace kurdi::archive
