// fts5::read_single_segment (archive/fts5_segment.hpp) against FTS5 itself:
// on archives of the bundled FLORES-200 samples, every term it reads must be
// a term fts5vocab lists and the other way round, and every term's documents
// and weighted counts must be what a MATCH of the term with kurdi_phrase_tf
// gives. The archives use FTS5's smallest page size, so that terms, doclists
// and position lists run across pages, and the default one.
#include "archive/fts5_segment.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "archive/archive.hpp"
#include "archive/sqlite_db.hpp"
#include "kurdi/search.hpp"
#include "kurdi_sqlite.hpp"
#include "support/flores_samples.hpp"

namespace {

namespace fs = std::filesystem;
namespace ka = kurdi::archive;
using Postings = std::vector<std::pair<std::int64_t, double>>;

constexpr double kWeights[] = {3.0, 1.0};

std::vector<std::string> sample_lines() { return kurdi_test::flores_sample_lines(KURDI_SOURCE_DIR); }

class Fts5SegmentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string name = "kurdi-fts5-segment-";
    name.append(std::to_string(::getpid())).append("-");
    name.append(::testing::UnitTest::GetInstance()->current_test_info()->name()).append(".kar");
    path_ = (fs::temp_directory_path() / name).string();
    remove_files();
  }
  void TearDown() override { remove_files(); }
  void remove_files() const {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }

  // A connection with the kurdi tokenizer and functions registered.
  std::unique_ptr<ka::db::Connection> connect() const {
    auto c = std::make_unique<ka::db::Connection>(path_, SQLITE_OPEN_READWRITE);
    std::string error;
    EXPECT_EQ(kurdi::sqlite::register_all(c->get(), &error), SQLITE_OK) << error;
    return c;
  }

  // An archive of the samples, `per_batch` documents a commit (each commit
  // writes a segment), with FTS5 pages of `page_size` bytes (0: FTS5's).
  // Each fifth document repeats its first word 400 times, so that its
  // position list outgrows a page.
  void build(int page_size, std::size_t per_batch) {
    ka::OpenOptions create;
    create.create = true;
    { ka::Archive created(path_, create); }
    if (page_size > 0) {
      const auto c = connect();
      std::string sql = "INSERT INTO documents_fts(documents_fts, rank) VALUES('pgsz', ";
      sql.append(std::to_string(page_size)).append(")");
      c->exec(sql.c_str());
    }
    ka::Archive archive(path_, ka::OpenOptions{});
    const std::vector<std::string> lines = sample_lines();
    ASSERT_GT(lines.size(), 500u);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      ka::Document d;
      d.id = "d";
      d.id.append(std::to_string(i));
      d.title = lines[(i * 7) % lines.size()].substr(0, lines[(i * 7) % lines.size()].find(' '));
      d.body = lines[i];
      if (i % 5 == 0) {
        const std::string word = lines[i].substr(0, lines[i].find(' '));
        for (int k = 0; k < 400; ++k) d.body.append(" ").append(word);
      }
      archive.store(d);
      if ((i + 1) % per_batch == 0) archive.commit();
    }
    archive.commit();
  }

  // What the reader gives, by term; false when it declines.
  bool read(std::map<std::string, Postings>& out) const {
    const auto c = connect();
    out.clear();
    return ka::fts5::read_single_segment(*c, "documents_fts", kWeights,
                                         [&](std::string_view term, const std::vector<ka::fts5::Posting>& list) {
                                           Postings& p = out[std::string(term)];
                                           EXPECT_TRUE(p.empty()) << "term read twice";
                                           for (const auto& e : list) p.emplace_back(e.rowid, e.tf);
                                         });
  }

  // What FTS5 gives: fts5vocab's terms, each term's MATCH by rowid.
  std::map<std::string, Postings> reference() const {
    const auto c = connect();
    c->exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, documents_fts, row)");
    std::map<std::string, Postings> out;
    ka::db::Statement terms(*c, "SELECT term, doc FROM temp.vocab");
    ka::db::Statement match(*c,
                            "SELECT rowid, kurdi_phrase_tf(documents_fts, 3.0, 1.0) FROM documents_fts "
                            "WHERE documents_fts MATCH ?1 ORDER BY rowid");
    while (terms.step()) {
      const std::string term(terms.text(0));
      std::string expression = "\"";
      expression.append(kurdi::search::term_marker);
      for (const char ch : term) {
        if (ch == '"') expression.push_back('"');
        expression.push_back(ch);
      }
      expression.push_back('"');
      Postings& p = out[term];
      match.bind(1, expression);
      while (match.step()) p.emplace_back(match.integer(0), match.real(1));
      match.reset();
      EXPECT_EQ(static_cast<std::int64_t>(p.size()), terms.integer(1)) << term;
    }
    return out;
  }

  void merge() const { connect()->exec("INSERT INTO documents_fts(documents_fts) VALUES('optimize')"); }

  static void expect_same(const std::map<std::string, Postings>& got, const std::map<std::string, Postings>& want) {
    ASSERT_EQ(got.size(), want.size());
    std::size_t postings = 0, heavy = 0;
    for (auto g = got.begin(), w = want.begin(); g != got.end(); ++g, ++w) {
      ASSERT_EQ(g->first, w->first);
      ASSERT_EQ(g->second, w->second) << "term " << g->first;
      postings += g->second.size();
      for (const auto& [rowid, tf] : g->second) heavy += tf >= 400 ? 1 : 0;
    }
    EXPECT_GT(postings, 10000u);
    EXPECT_GT(heavy, 100u);  // the long position lists were read
  }

  std::string path_;
};

TEST_F(Fts5SegmentTest, SmallPagesAfterAnOptimizeGiveWhatFts5Gives) {
  build(64, 100);
  std::map<std::string, Postings> got;
  EXPECT_FALSE(read(got)) << "several segments are not read";
  merge();
  ASSERT_TRUE(read(got));
  expect_same(got, reference());
}

TEST_F(Fts5SegmentTest, DefaultPagesAfterAnOptimizeGiveWhatFts5Gives) {
  build(0, 100);
  merge();
  std::map<std::string, Postings> got;
  ASSERT_TRUE(read(got));
  expect_same(got, reference());
}

TEST_F(Fts5SegmentTest, OneFlushedSegmentGivesWhatFts5Gives) {
  // One commit: FTS5 flushes its pending terms once, with its other writer.
  build(64, 1u << 30);
  std::map<std::string, Postings> got;
  ASSERT_TRUE(read(got));
  expect_same(got, reference());
}

TEST_F(Fts5SegmentTest, AfterADeleteReadsOnlyTheMergedIndex) {
  build(64, 1u << 30);
  {
    ka::Archive archive(path_, ka::OpenOptions{});
    ASSERT_TRUE(archive.remove({"d3"}).empty());
  }
  std::map<std::string, Postings> got;
  EXPECT_FALSE(read(got)) << "a delete adds a segment";
  merge();  // the delete's markers are dropped with the rows they delete
  ASSERT_TRUE(read(got));
  expect_same(got, reference());
}

TEST_F(Fts5SegmentTest, DeclinesADamagedPage) {
  build(64, 1u << 30);
  {
    const auto c = connect();
    // Cut a leaf page in the middle of the segment short.
    c->exec("UPDATE documents_fts_data SET block = substr(block, 1, 20) "
            "WHERE id = (SELECT id FROM documents_fts_data WHERE id > 10 ORDER BY id LIMIT 1 OFFSET 50)");
  }
  std::map<std::string, Postings> got;
  EXPECT_FALSE(read(got));
}

// One leaf page made by hand: the term "ab" (FTS5's index byte '0' first)
// in document 5, with the position list `positions`.
std::string page_with(std::string_view positions) {
  std::string page(4, '\0');  // the header, filled in below
  page.append("\x03" "0ab");
  page.push_back('\x05');                                         // rowid 5
  page.push_back(static_cast<char>(positions.size() * 2));       // bytes * 2, no delete marker
  page.append(positions);
  const std::size_t footer = page.size();
  page[2] = static_cast<char>(footer >> 8);
  page[3] = static_cast<char>(footer & 0xff);
  page.push_back('\x04');  // the term starts at byte 4
  return page;
}

bool decode(const std::string& page, Postings& got) {
  bool given = false;
  got.clear();
  return ka::fts5::decode_leaves(
      [&](std::string_view& leaf) {
        if (given) return false;
        leaf = page;
        return given = true;
      },
      kWeights,
      [&](std::string_view term, const std::vector<ka::fts5::Posting>& list) {
        EXPECT_EQ(term, "ab");
        for (const auto& e : list) got.emplace_back(e.rowid, e.tf);
      });
}

TEST(Fts5Segment, ReadsAPageMadeByHandAndDeclinesAColumnWithoutPositions) {
  Postings got;
  // Positions 0 and 3 of column 0 (each + 2 over the one before), then
  // column 1 and its position 1: 3 + 3 + 1.
  ASSERT_TRUE(decode(page_with(std::string("\x02\x05\x01\x01\x03", 5)), got));
  EXPECT_EQ(got, (Postings{{5, 7.0}}));
  // Found by fuzz_fts5_segment: a column named with no position after it
  // was read as a document holding the term 0 times.
  EXPECT_FALSE(decode(page_with(std::string("\x01\x01", 2)), got));
  EXPECT_FALSE(decode(page_with(std::string("\x02\x01\x01", 3)), got));
  // Columns only ascend.
  EXPECT_FALSE(decode(page_with(std::string("\x01\x01\x02\x01\x01\x02", 6)), got));
}

}  // namespace
