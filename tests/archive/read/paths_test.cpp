// read_paths(): directory walks, explicit files, standard input, errors.
#include <fcntl.h>
#include <unistd.h>

#include "support.hpp"

namespace kurdi::archive {
namespace {

using testing::Collector;
using testing::reasons;
using testing::read;
using testing::TempDir;
using ::testing::ElementsAre;

std::vector<std::string> started_files(const Collector& sink) {
  std::vector<std::string> out;
  for (const auto& [file, bytes] : sink.started) out.push_back(file);
  return out;
}

TEST(ReadPaths, DirectoryWalkIsSortedAndPassesOverHiddenAndUnknownFiles) {
  const std::string corpus = testing::fixture("corpus");
  const Collector sink = read({corpus});
  EXPECT_TRUE(sink.skips.empty()) << ::testing::PrintToString(sink.skip_lines());
  EXPECT_THAT(started_files(sink),
              ElementsAre(corpus + "/articles.csv", corpus + "/articles.jsonl", corpus + "/notes.md",
                          corpus + "/page.html", corpus + "/seed.txt", corpus + "/sub/nested.txt",
                          corpus + "/sub.txt"));
  EXPECT_THAT(sink.ids(), ElementsAre("csv-1", corpus + "/articles.csv:4", "rudaw-1", "204",
                                      corpus + "/articles.jsonl:4", corpus + "/notes.md", corpus + "/page.html",
                                      corpus + "/seed.txt", corpus + "/sub/nested.txt", corpus + "/sub.txt"));
  std::uint64_t total = 0;
  for (const auto& [file, bytes] : sink.started) {
    EXPECT_EQ(bytes, std::filesystem::file_size(file)) << file;
    total += bytes;
  }
  EXPECT_EQ(sink.bytes, total);
}

TEST(ReadPaths, ATrailingSlashGivesTheSamePaths) {
  const Collector sink = read({testing::fixture("corpus/sub/")});
  EXPECT_THAT(sink.ids(), ElementsAre(testing::fixture("corpus/sub/nested.txt")));
}

TEST(ReadPaths, FormatOptionReadsEveryFileOfADirectory) {
  TempDir dir;
  dir.write("a.data", "{\"body\": \"یەک\"}\n");
  dir.write("b", "{\"body\": \"دوو\"}\n");
  dir.write(".c", "{\"body\": \"سێ\"}\n");  // still hidden
  const Collector sink = read({dir.path()}, Format::jsonl);
  EXPECT_THAT(sink.ids(), ElementsAre(dir.path() + "/a.data:1", dir.path() + "/b:1"));
}

TEST(ReadPaths, ExplicitFilesKeepTheirOrderAndNeedAFormat) {
  TempDir dir;
  const std::string second = dir.write("z.txt", "دوو");
  const std::string first = dir.write("a.txt", "یەک");
  const std::string unknown = dir.write("notes", "سێ");
  const std::string hidden = dir.write(".hidden.md", "چوار");  // named, so read
  const Collector sink = read({second, first, unknown, hidden});
  EXPECT_THAT(sink.ids(), ElementsAre(second, first, hidden));
  EXPECT_THAT(sink.skip_lines(),
              ElementsAre(unknown + ": unknown format (use --format jsonl, csv, txt, md or html)"));
  EXPECT_THAT(read({unknown}, Format::text).ids(), ElementsAre(unknown));
}

TEST(ReadPaths, DirectorySymlinksAreNotFollowedFileSymlinksAre) {
  TempDir dir;
  dir.write("root/a.txt", "یەک");
  dir.write("outside/b.txt", "دوو");
  std::filesystem::create_directory_symlink(dir.path() + "/root", dir.path() + "/root/loop");
  std::filesystem::create_directory_symlink(dir.path() + "/outside", dir.path() + "/root/elsewhere");
  std::filesystem::create_symlink(dir.path() + "/outside/b.txt", dir.path() + "/root/link.txt");
  std::filesystem::create_symlink(dir.path() + "/missing.txt", dir.path() + "/root/dangling.txt");
  const Collector sink = read({dir.path() + "/root"});
  EXPECT_THAT(sink.ids(), ElementsAre(dir.path() + "/root/a.txt", dir.path() + "/root/link.txt"));
  EXPECT_TRUE(sink.skips.empty());
  // Named on the command line, a link to a directory is read.
  EXPECT_THAT(read({dir.path() + "/root/elsewhere"}).ids(), ElementsAre(dir.path() + "/root/elsewhere/b.txt"));
}

TEST(ReadPaths, MissingAndUnopenablePathsAreSkippedWithTheOsError) {
  TempDir dir;
  const std::string file = dir.write("a.txt", "یەک");
  const Collector sink = read({dir.path() + "/gone.txt", file + "/x.txt", file});
  EXPECT_THAT(sink.skip_lines(), ElementsAre(dir.path() + "/gone.txt: No such file or directory",
                                             file + "/x.txt: Not a directory"));
  EXPECT_THAT(sink.ids(), ElementsAre(file));
  // Named paths that cannot be read are marked: kurdi index exits 1 for them.
  ASSERT_EQ(sink.skips.size(), 2U);
  EXPECT_TRUE(sink.skips[0].unreadable_path);
  EXPECT_TRUE(sink.skips[1].unreadable_path);
}

TEST(ReadPaths, OnlyNamedPathsAreMarkedUnreadable) {
  TempDir dir;
  const std::string unknown = dir.write("notes", "یەک");
  const std::string empty = dir.write("walk/empty.txt", "");
  Collector sink = read({unknown, dir.path() + "/walk"});
  ASSERT_EQ(sink.skips.size(), 2U);
  EXPECT_FALSE(sink.skips[0].unreadable_path);  // read, but in no known format
  EXPECT_FALSE(sink.skips[1].unreadable_path);  // found in a directory
}

TEST(ReadPaths, UnreadableFileIsSkipped) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  TempDir dir;
  const std::string file = dir.write("a.txt", "یەک");
  std::filesystem::permissions(file, std::filesystem::perms::none);
  EXPECT_THAT(read({file}).skip_lines(), ElementsAre(file + ": Permission denied"));
}

// Runs read_paths with `bytes` as standard input.
Collector read_stdin(std::string_view bytes, std::optional<Format> format) {
  TempDir dir;
  const std::string file = dir.write("stdin", bytes);
  const int saved = ::dup(STDIN_FILENO);
  const int fd = ::open(file.c_str(), O_RDONLY);
  ::dup2(fd, STDIN_FILENO);
  ::close(fd);
  const Collector sink = read({"-"}, format);
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  return sink;
}

TEST(ReadPaths, StandardInputNeedsAFormat) {
  const Collector sink = read({"-"});
  EXPECT_THAT(sink.skip_lines(), ElementsAre("-: standard input needs --format"));
  EXPECT_TRUE(sink.started.empty());
}

TEST(ReadPaths, StandardInputIsReadInTheGivenFormat) {
  const Collector jsonl = read_stdin("{\"body\": \"یەک\"}\n{\"id\": 2}\n", Format::jsonl);
  EXPECT_THAT(jsonl.ids(), ElementsAre(::testing::MatchesRegex("stdin:[0-9a-f]{16}")));
  EXPECT_THAT(jsonl.skip_lines(), ElementsAre("-:2: `body` is missing"));
  EXPECT_THAT(started_files(jsonl), ElementsAre("-"));
  const Collector text = read_stdin("سەردان\nهێز\n", Format::text);
  ASSERT_EQ(text.documents.size(), 1U);
  EXPECT_THAT(text.documents[0].id, ::testing::MatchesRegex("stdin:[0-9a-f]{16}"));
  EXPECT_EQ(text.documents[0].title, "سەردان");
}

// A pipe has no name: "-:1" would name the first record of every feed, and
// each feed would replace the last one's documents. The body names them.
TEST(ReadPaths, StandardInputDocumentsWithoutAnIdAreNamedByTheirBody) {
  const Collector monday = read_stdin("title,body\nmonday,news of monday\n", Format::csv);
  const Collector tuesday = read_stdin("title,body\ntuesday,news of tuesday\n", Format::csv);
  const Collector again = read_stdin("{\"title\": \"monday\", \"body\": \"news of monday\"}\n", Format::jsonl);
  ASSERT_EQ(monday.documents.size(), 1U);
  ASSERT_EQ(tuesday.documents.size(), 1U);
  ASSERT_EQ(again.documents.size(), 1U);
  EXPECT_THAT(monday.ids(), ElementsAre(::testing::MatchesRegex("stdin:[0-9a-f]{16}")));
  EXPECT_NE(monday.ids(), tuesday.ids());
  EXPECT_EQ(monday.ids(), again.ids());
  EXPECT_EQ(monday.documents[0].line, 2U);  // the line is still known for messages
  const Collector given = read_stdin("{\"id\": \"m1\", \"body\": \"news of monday\"}\n", Format::jsonl);
  EXPECT_THAT(given.ids(), ElementsAre("m1"));
}

// A sink that stops reading at the first skip, as `kurdi index --strict` will.
struct StrictSink : testing::Collector {
  void skipped(Skip&& skip) override { throw std::runtime_error(to_string(skip)); }
};

TEST(ReadPaths, TheSinkMayThrowToStop) {
  TempDir dir;
  const std::string file = dir.write("a.jsonl", "{\"body\": \"یەک\"}\n{}\n{\"body\": \"سێ\"}\n");
  StrictSink sink;
  EXPECT_THROW(read_paths({file, file}, ReadOptions{}, sink), std::runtime_error);
  EXPECT_EQ(sink.documents.size(), 1U);
}

}  // namespace
}  // namespace kurdi::archive
