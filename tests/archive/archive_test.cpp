// The Archive class (archive/archive.hpp): storing in batches, duplicates,
// search with filters and snippets, versions and migrations, check, reindex.
#include "archive/archive.hpp"
#include "archive/near_duplicates.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

using kurdi::archive::Archive;
using kurdi::archive::ArchiveError;
using kurdi::archive::Document;
using kurdi::archive::OpenOptions;
using kurdi::archive::PendingDocuments;
using kurdi::archive::SearchRequest;
using kurdi::archive::StoreOutcome;
using kurdi::archive::StoreReport;

// A fresh directory per test, removed afterwards.
class ArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kurdi-archive-test-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "news.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Archive create() {
    OpenOptions o;
    o.create = true;
    return Archive(path_, o);
  }
  Archive open_read_only() {
    OpenOptions o;
    o.read_only = true;
    return Archive(path_, o);
  }
  // Runs SQL on the file behind the archive's back (to damage or age it).
  void raw_sql(const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
  }

  std::filesystem::path dir_;
  std::string path_;
};

// SQL that takes a current archive back to schema 3 (SimHash; its bands
// left empty), for tests of older archives.
constexpr const char* kBackToSchema3 =
    "DROP TABLE near_signatures; DROP TABLE minhash_bands; ALTER TABLE documents ADD COLUMN simhash INTEGER; "
    "CREATE TABLE simhash_bands(band INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY(band, doc)) WITHOUT ROWID; "
    "PRAGMA user_version = 3;";

std::vector<std::string> ids_of(const Archive& a, const std::string& query) {
  SearchRequest r;
  r.query = query;
  r.limit = 100;
  std::vector<std::string> ids;
  for (const auto& hit : a.search(r).hits) ids.push_back(hit.id);
  return ids;
}

SearchRequest query(const std::string& text) {
  SearchRequest r;
  r.query = text;
  return r;
}

// `text` with the first `from` replaced by `to` (GCC 12 gives a false
// -Wrestrict on std::string::replace with literals).
std::string replaced(const std::string& text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  return text.substr(0, at) + std::string(to) + text.substr(at + from.size());
}

const std::string kLongBody =
    "سەردانەکەی کازمی بۆ واشنتن، کۆمەڵێک لێکتێگەیشتنی لەگەڵ بەرپرسەکانی ئەمریکادا لێبەرهەمهات. "
    "هەروەها باسی پەیوەندییە ئابوورییەکان و هاوکاری سەربازی کرا، و هەردوولا ڕێککەوتن لەسەر "
    "بەردەوامبوونی گفتوگۆکان لە داهاتوودا. بەرپرسانی عێراقی دەڵێن ئەم سەردانە قۆناغێکی نوێیە.";

TEST_F(ArchiveTest, StoresSearchesAndSurvivesReopening) {
  {
    Archive a = create();
    EXPECT_EQ(a.store({"a1", "سەردانی کازمی", kLongBody, "rudaw", "", "2021-07-26", ""}).outcome,
              StoreOutcome::added);
    EXPECT_EQ(a.store({"a2", "هێزی ئەمریکا", "ئەمریکا هێزێكی گەورەی هەیە و پاشان بەرپرس بوو.", "", "", "", ""}).outcome,
              StoreOutcome::added);
    a.commit();
  }
  const Archive a = open_read_only();
  const auto hits = ids_of(a, "بەرپرس");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0], "a2");  // the written form ranks above the inflected بەرپرسەکانی
  EXPECT_EQ(ids_of(a, "کازمی"), std::vector<std::string>{"a1"});
  EXPECT_EQ(a.stats().documents, 2u);
  EXPECT_EQ(a.stats().sources, 1u);
  EXPECT_EQ(a.stats().first_date, "2021-07-26");
}

TEST_F(ArchiveTest, UncommittedBatchIsRolledBack) {
  {
    Archive a = create();
    a.store({"kept", "", "یەکەم دەق", "", "", "", ""});
    a.commit();
    a.store({"lost", "", "دووەم دەق", "", "", "", ""});
  }  // destroyed with an open batch, as a crash would leave it
  EXPECT_EQ(open_read_only().stats().documents, 1u);
}

TEST_F(ArchiveTest, SameContentIsUnchangedNewContentUpdates) {
  Archive a = create();
  const Document d{"x", "سەردێڕ", "هێزەکانی پێشمەرگە گەیشتن", "", "", "", ""};
  EXPECT_EQ(a.store(d).outcome, StoreOutcome::added);
  EXPECT_EQ(a.store(d).outcome, StoreOutcome::unchanged);
  Document changed = d;
  changed.body = "باران بارییە سەر شار";
  EXPECT_EQ(a.store(changed).outcome, StoreOutcome::updated);
  Document redated = changed;
  redated.date = "2020-01-01";
  EXPECT_EQ(a.store(redated).outcome, StoreOutcome::updated);
  a.commit();
  EXPECT_TRUE(ids_of(a, "پێشمەرگە").empty());  // the old body is out of the index
  EXPECT_EQ(ids_of(a, "باران"), std::vector<std::string>{"x"});
  EXPECT_EQ(a.stats().documents, 1u);
  EXPECT_TRUE(a.check().empty());
}

// The first seed article (samples/seeds, bundled as test input).
std::string seed_article() {
  for (const auto& entry : std::filesystem::directory_iterator(KURDI_SOURCE_DIR "/samples/seeds"))
    if (entry.path().filename().string().rfind("000_", 0) == 0) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::string text(std::filesystem::file_size(entry.path()), '\0');
      in.read(text.data(), static_cast<std::streamsize>(text.size()));
      return text;
    }
  return {};
}

std::vector<StoreOutcome> outcomes(const std::vector<StoreReport>& reports) {
  std::vector<StoreOutcome> out;
  for (const StoreReport& r : reports) out.push_back(r.outcome);
  return out;
}

// An id given twice among documents stored together (kurdi index's batch,
// Python's add_many): the later one is written, the earlier never is. The
// same documents stored again change nothing, so the block bounds stay in
// use; stored one by one, both were written each time (two updates).
TEST_F(ArchiveTest, DocumentsStoredTogetherWriteOnlyTheLastOfAnId) {
  const std::string first = "یەکەم دەق لێرەدایە", other = "باران بارییە سەر شار", later = "دووەم دەق";
  const auto pending = [&] {
    PendingDocuments p;
    p.add({"a", "", first, "", "", "", ""});
    p.add({"b", "", other, "", "", "", ""});
    p.add({"a", "", later, "", "", "", ""});
    return p;
  };
  Archive a = create();
  PendingDocuments p = pending();
  EXPECT_EQ(p.size(), 3u);
  EXPECT_EQ(p.text_bytes(), other.size() + later.size());  // the earlier "a" is let go
  const std::vector<StoreReport> reports = a.store(p);
  EXPECT_EQ(outcomes(reports),
            (std::vector{StoreOutcome::superseded, StoreOutcome::added, StoreOutcome::added}));
  EXPECT_TRUE(reports[0].duplicate_of.empty() && reports[0].near_duplicate_of.empty());
  EXPECT_TRUE(p.empty());
  a.commit();
  EXPECT_EQ(a.get("a")->body, later);
  EXPECT_EQ(ids_of(a, "یەکەم"), std::vector<std::string>{});
  a.optimize();
  ASSERT_TRUE(a.stats().block_bounds);
  p = pending();
  EXPECT_EQ(outcomes(a.store(p)),
            (std::vector{StoreOutcome::superseded, StoreOutcome::unchanged, StoreOutcome::unchanged}));
  a.commit();
  const auto stats = a.stats();
  EXPECT_EQ(stats.documents, 2u);
  EXPECT_TRUE(stats.block_bounds && stats.optimized);
  // Nothing to store is no batch: it writes nothing.
  PendingDocuments none;
  EXPECT_TRUE(a.store(none).empty());
}

TEST_F(ArchiveTest, ReportsExactAndNearDuplicates) {
  Archive a = create();
  const std::string article = seed_article();
  ASSERT_GT(article.size(), 2000u);
  a.store({"orig", "", article, "", "", "", ""});
  const auto exact = a.store({"copy", "", article, "", "", "", ""});
  EXPECT_EQ(exact.outcome, StoreOutcome::added);  // stored anyway
  EXPECT_EQ(exact.duplicate_of, "orig");
  // One word changed, and a variant spelling (ك for ک) that normalizes away.
  const std::string near = replaced(replaced(article, "کە", "کە ئێستا"), "ی", "ي");
  const auto report = a.store({"edited", "", near, "", "", "", ""});
  EXPECT_TRUE(report.duplicate_of.empty());
  EXPECT_FALSE(report.near_duplicate_of.empty());
  EXPECT_LE(report.near_distance, 32 - kurdi::archive::kNearAgreement);
  const auto other = a.store({"other", "", "ئەمڕۆ کەشوهەوا ساردە و باران دەبارێت لە هەموو ناوچەکانی باکووری "
                                           "وڵات، بەپێی پێشبینییەکانی بەڕێوەبەرایەتی کەشناسی لە هەولێر و سلێمانی",
                              "", "", "", ""});
  EXPECT_TRUE(other.duplicate_of.empty());
  EXPECT_TRUE(other.near_duplicate_of.empty());
}

TEST_F(ArchiveTest, RemoveDeletesAndNamesMissingIds) {
  Archive a = create();
  a.store({"a", "", "هێزەکانی پێشمەرگە", "", "", "", ""});
  a.store({"b", "", "هێزی ئاسمانی", "", "", "", ""});
  a.commit();
  EXPECT_EQ(a.remove({"a", "nope"}), std::vector<std::string>{"nope"});
  EXPECT_EQ(ids_of(a, "هێز"), std::vector<std::string>{"b"});
  EXPECT_TRUE(a.check().empty());
}

TEST_F(ArchiveTest, FiltersByDateAndSource) {
  Archive a = create();
  a.store({"old", "", "هەواڵی هێز", "rudaw", "", "2019-05-01", ""});
  a.store({"new", "", "هەواڵی هێز", "k24", "", "2022-03-10", ""});
  a.store({"undated", "", "هەواڵی هێز", "rudaw", "", "", ""});
  a.commit();
  SearchRequest r;
  r.query = "هێز";
  r.from = "2020-01-01";
  std::vector<std::string> ids;
  for (const auto& h : a.search(r).hits) ids.push_back(h.id);
  EXPECT_EQ(ids, std::vector<std::string>{"new"});
  r.from.clear();
  r.to = "2020-01-01";
  ASSERT_EQ(a.search(r).hits.size(), 1u);
  EXPECT_EQ(a.search(r).hits[0].id, "old");  // undated documents never pass a date filter
  r.to.clear();
  r.source = "rudaw";
  EXPECT_EQ(a.search(r).hits.size(), 2u);
  r.source = "k24";
  r.from = "2022-03-10";
  r.to = "2022-03-10";
  ASSERT_EQ(a.search(r).hits.size(), 1u);
  EXPECT_EQ(a.search(r).hits[0].date, "2022-03-10");
}

TEST_F(ArchiveTest, LimitAndOffsetPage) {
  Archive a = create();
  for (int i = 0; i < 25; ++i) {
    const std::string n = std::to_string(i);
    a.store({std::string("d").append(n), "", std::string("کوردستان ").append(n), "", "", "", ""});
  }
  a.commit();
  SearchRequest r;
  r.query = "کوردستان";
  r.limit = 10;
  std::vector<std::string> seen;
  for (std::uint32_t offset = 0; offset < 30; offset += 10) {
    r.offset = offset;
    const auto page = a.search(r).hits;
    EXPECT_EQ(page.size(), offset < 20 ? 10u : 5u);
    for (const auto& h : page) seen.push_back(h.id);
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());  // no hit on two pages
  EXPECT_EQ(seen.size(), 25u);
}

TEST_F(ArchiveTest, SnippetMarksOriginalTextAndEscapesHtml) {
  Archive a = create();
  a.store({"s", "", "<b>ئەمریکا</b> & هێزێكی گەورەی هەیە", "", "", "", ""});
  a.commit();
  SearchRequest r;
  r.query = "هێزێکی";
  const auto hits = a.search(r).hits;
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].snippet, "&lt;b&gt;ئەمریکا&lt;/b&gt; &amp; <mark>هێزێكی</mark> گەورەی هەیە");
  EXPECT_GT(hits[0].score, 0);
}


// The stored text may hold the control bytes U+0001 and U+0002 (a pasted
// terminal log, a broken converter); they must neither open nor close a
// mark, wherever they stand against the match.
TEST_F(ArchiveTest, SnippetMarksOnlyTheMatchWhenTheTextHoldsControlBytes) {
  Archive a = create();
  a.store({"s", "", "ئەمڕۆ \x01لە شار \x02هێزێكی گەورەی \x01هەیە", "", "", "", ""});
  a.store({"t", "", "\x02پێش \x01هێزێكی\x02 دوای", "", "", "", ""});
  a.commit();
  SearchRequest r;
  r.query = "هێزێکی";
  const auto hits = a.search(r).hits;
  ASSERT_EQ(hits.size(), 2u);
  std::map<std::string, std::string> snippet;
  for (const auto& h : hits) snippet[h.id] = h.snippet;
  EXPECT_EQ(snippet["s"], "ئەمڕۆ لە شار <mark>هێزێكی</mark> گەورەی هەیە");
  EXPECT_EQ(snippet["t"], "پێش <mark>هێزێكی</mark> دوای");
}
// A query with a prefix gets its page's snippets from one statement over the
// page's rowid range: each hit must still get its own document's snippet,
// on every page, with other matches inside the range left out.
TEST_F(ArchiveTest, PrefixQuerySnippetsBelongToTheirHits) {
  Archive a = create();
  const std::map<std::string, std::string> bodies = {
      {"a", "هێزی ئەمریکا لە ناوچەکە"}, {"b", "ئەمڕۆ هیچ نەبوو"},          {"c", "شار و هێزەکان و خەڵک"},
      {"d", "کۆبوونەوەی هێزێک لە شار"}, {"e", "هێزەکانی پێشمەرگە هاتن"}, {"f", "باران بارى"}};
  const std::map<std::string, std::string> expected = {
      {"a", "<mark>هێزی</mark> ئەمریکا لە ناوچەکە"},
      {"c", "شار و <mark>هێزەکان</mark> و خەڵک"},
      {"d", "کۆبوونەوەی <mark>هێزێک</mark> لە شار"},
      {"e", "<mark>هێزەکانی</mark> پێشمەرگە هاتن"}};
  for (const auto& [id, body] : bodies) a.store({id, "", body, "", "", "", ""});
  a.commit();
  SearchRequest r;
  r.query = "هێز* -پێشمەرگە";
  r.limit = 10;
  std::vector<std::string> all;
  for (const auto& h : a.search(r).hits) {
    all.push_back(h.id);
    EXPECT_EQ(h.snippet, expected.at(h.id)) << h.id;
  }
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all, (std::vector<std::string>{"a", "c", "d"}));
  r.limit = 1;
  for (std::uint32_t offset = 0; offset < 3; ++offset) {
    r.offset = offset;
    const auto page = a.search(r).hits;
    ASSERT_EQ(page.size(), 1u) << offset;
    EXPECT_EQ(page[0].snippet, expected.at(page[0].id)) << page[0].id;
  }
}

TEST_F(ArchiveTest, TitleOutweighsBody) {
  Archive a = create();
  a.store({"body", "هەواڵ", "ئەمڕۆ لە هەولێر کۆبوونەوە کرا", "", "", "", ""});
  a.store({"title", "هەولێر", "ئەمڕۆ لە شار کۆبوونەوە کرا", "", "", "", ""});
  a.commit();
  EXPECT_EQ(ids_of(a, "هەولێر").front(), "title");
}

TEST_F(ArchiveTest, QueriesWithNothingToFindSayWhy) {
  Archive a = create();
  a.store({"a", "", "هێز", "", "", "", ""});
  a.commit();
  SearchRequest r;
  r.query = "-هێز";
  auto result = a.search(r);
  EXPECT_TRUE(result.hits.empty());
  EXPECT_NE(result.message.find("exclusions only"), std::string::npos);
  r.query = "\" ( ) *";
  result = a.search(r);
  EXPECT_TRUE(result.hits.empty());
  EXPECT_FALSE(result.message.empty());
}

TEST_F(ArchiveTest, MissingFileIsNotFound) {
  try {
    open_read_only();
    FAIL() << "opened a missing archive";
  } catch (const ArchiveError& e) {
    EXPECT_EQ(e.kind(), ArchiveError::Kind::not_found);
    EXPECT_NE(std::string(e.what()).find(path_), std::string::npos);
  }
  EXPECT_FALSE(std::filesystem::exists(path_));  // reading never creates it
}

TEST_F(ArchiveTest, OtherFilesAreNotArchives) {
  std::ofstream(path_) << "just some text, long enough to be more than a header of an SQLite file......";
  try {
    open_read_only();
    FAIL();
  } catch (const ArchiveError& e) {
    EXPECT_EQ(e.kind(), ArchiveError::Kind::not_an_archive);
    EXPECT_EQ(std::string(e.what()), path_ + ": not a kurdi archive (not an SQLite database)");
  }
  std::filesystem::remove(path_);
  std::filesystem::create_directory(path_);
  try {
    create();
    FAIL();
  } catch (const ArchiveError& e) {
    EXPECT_EQ(std::string(e.what()), path_ + ": is a directory");
  }
  std::filesystem::remove(path_);
  std::filesystem::remove(path_);
  raw_sql("CREATE TABLE t(x);");
  OpenOptions o;
  o.create = true;
  try {
    Archive other(path_, o);  // an unrelated SQLite database is never taken over
    FAIL();
  } catch (const ArchiveError& e) {
    EXPECT_EQ(e.kind(), ArchiveError::Kind::not_an_archive);
  }
}

TEST_F(ArchiveTest, AnEmptyFileIsNoArchiveAndStaysEmpty) {
  // `touch news.db; kurdi check news.db` wrote a schema into it and said ok:
  // only kurdi index (create) makes an archive of an empty file.
  std::ofstream{path_};
  for (const bool read_only : {false, true}) {
    OpenOptions o;
    o.read_only = read_only;
    o.allow_analyzer_mismatch = true;  // as check and reindex open
    try {
      Archive archive(path_, o);
      FAIL() << "opened an empty file";
    } catch (const ArchiveError& e) {
      EXPECT_EQ(e.kind(), ArchiveError::Kind::not_an_archive);
      EXPECT_EQ(std::string(e.what()), path_ + ": not a kurdi archive (an empty file; `kurdi index` makes one)");
    }
    EXPECT_EQ(std::filesystem::file_size(path_), 0U);
  }
  { create(); }  // kurdi index
  EXPECT_EQ(open_read_only().document_count(), 0U);
}

TEST_F(ArchiveTest, NewerSchemaIsRefused) {
  { create(); }
  raw_sql("PRAGMA user_version = 99;");
  try {
    open_read_only();
    FAIL();
  } catch (const ArchiveError& e) {
    EXPECT_EQ(e.kind(), ArchiveError::Kind::newer_schema);
  }
}

// An archive of schema 3 (SimHash) is refused for reading, and upgraded by
// a writable open: every stored document gets its MinHash signature, so an
// edited copy added afterwards is reported against a document stored before.
TEST_F(ArchiveTest, Schema3IsUpgradedWithSignaturesForStoredDocuments) {
  const std::string article = seed_article();
  {
    Archive a = create();
    a.store({"orig", "", article, "", "", "", ""});
    a.store({"short", "", "کورتە", "", "", "", ""});
    a.commit();
  }
  // Schema 3 as version 3's migrations left it.
  raw_sql(kBackToSchema3);
  try {
    open_read_only();
    FAIL() << "a schema-3 archive was opened for reading";
  } catch (const ArchiveError& e) {
    EXPECT_EQ(e.kind(), ArchiveError::Kind::older_schema);
    EXPECT_NE(std::string(e.what()).find("older schema version 3"), std::string::npos) << e.what();
  }
  OpenOptions o;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> progress;  // the upgrade reads every body
  o.upgrade_progress = [&](std::uint64_t done, std::uint64_t total) { progress.emplace_back(done, total); };
  Archive a(path_, o);
  using Step = std::pair<std::uint64_t, std::uint64_t>;
  EXPECT_EQ(progress, (std::vector<Step>{{0, 2}, {2, 2}}));
  EXPECT_TRUE(a.check().empty());
  EXPECT_EQ(a.stats().schema_version, Archive::schema_version());
  progress.clear();
  { Archive current(path_, o); }  // nothing to upgrade: no progress
  EXPECT_TRUE(progress.empty());
  const auto edited = a.store({"edited", "", replaced(article, "کە", "کە ئێستا"), "", "", "", ""});
  EXPECT_EQ(edited.near_duplicate_of, "orig");
  a.commit();
  EXPECT_TRUE(a.check().empty());
}

// optimize(): one segment of the full-text index, current block bounds,
// the same hits with the same scores; a later batch leaves it unoptimized.
TEST_F(ArchiveTest, OptimizeMergesTheIndexAndKeepsTheResults) {
  const char* bodies[] = {"بەرپرسەکانی ئەمریکا سەردانی هەولێریان کرد", "هێزەکانی پێشمەرگە لە هەولێر",
                          "باران بارییە و هەولێر سارد بوو", "بەرپرس لە ئەمریکا قسەی کرد",
                          "سەردانەکەی کازمی بۆ واشنتن", "پێشمەرگە و بەرپرسان لە هەولێر"};
  Archive a = create();
  for (int i = 0; i < 6; ++i) {
    a.store({"d" + std::to_string(i), "", bodies[i], "", "", "", ""});
    if (i % 2 == 1) a.commit();  // a segment per commit
  }
  const auto hits = [&](const Archive& archive, const std::string& query) {
    SearchRequest r;
    r.query = query;
    std::vector<std::pair<std::string, double>> out;
    for (const auto& hit : archive.search(r).hits) out.emplace_back(hit.id, hit.score);
    return out;
  };
  const std::vector<std::string> queries = {"هەولێر", "بەرپرس", "لە هەولێر", "پێشمەرگە OR ئەمریکا", "کرد"};
  std::vector<std::vector<std::pair<std::string, double>>> before;
  // A reader open across the optimize, as a server's connection is.
  const Archive reader = open_read_only();
  for (const std::string& q : queries) {
    before.push_back(hits(a, q));
    EXPECT_EQ(hits(reader, q), before.back()) << q;
  }
  const auto s0 = a.stats();
  EXPECT_EQ(s0.index_segments, 3u);
  EXPECT_FALSE(s0.block_bounds);
  EXPECT_EQ(a.documents_since_optimize(), std::nullopt);
  EXPECT_FALSE(s0.optimized);

  a.optimize();
  const auto s1 = a.stats();
  EXPECT_EQ(s1.index_segments, 1u);
  EXPECT_TRUE(s1.block_bounds);
  EXPECT_TRUE(s1.optimized);
  EXPECT_EQ(a.documents_since_optimize(), std::optional<std::uint64_t>(0));
  EXPECT_TRUE(reader.stats().optimized);
  for (std::size_t i = 0; i < queries.size(); ++i) {
    EXPECT_FALSE(before[i].empty()) << queries[i];
    EXPECT_EQ(hits(a, queries[i]), before[i]) << queries[i];
    EXPECT_EQ(hits(reader, queries[i]), before[i]) << queries[i];
  }
  EXPECT_TRUE(a.check().empty());

  a.store({"d6", "", "هەولێر", "", "", "", ""});
  a.commit();
  const auto s2 = a.stats();
  EXPECT_EQ(s2.index_segments, 2u);
  // An added document: the bounds, which describe the archive before it,
  // stay in use, and it is searched beside them.
  EXPECT_TRUE(s2.block_bounds);
  EXPECT_EQ(s2.documents_since_optimize, 1u);
  EXPECT_EQ(a.documents_since_optimize(), std::optional<std::uint64_t>(1));
  EXPECT_FALSE(s2.optimized);
  const auto found = hits(reader, "هەولێر");
  EXPECT_NE(std::find_if(found.begin(), found.end(), [](const auto& h) { return h.first == "d6"; }), found.end());
  // An update drops them.
  a.store({"d6", "", "هەولێر و سلێمانی", "", "", "", ""});
  a.commit();
  EXPECT_FALSE(a.stats().block_bounds);
  EXPECT_EQ(a.documents_since_optimize(), std::nullopt);
}

// begin_run(): FTS5 merges lazily until finish_run(), which sets the usual
// merging again and either catches up with it (levels of fewer than 4
// segments) or optimizes; the results never change.
TEST_F(ArchiveTest, ARunMergesLazilyAndEndsWithTheUsualMerging) {
  const auto automerge = [&] {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT v FROM documents_fts_config WHERE k = 'automerge'", -1, &s, nullptr),
              SQLITE_OK);
    const int value = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 4;  // absent: FTS5's default
    sqlite3_finalize(s);
    sqlite3_close(db);
    return value;
  };
  const char* words[] = {"هەولێر", "بەرپرسەکانی", "پێشمەرگە", "سلێمانی", "باران", "ئەمریکا"};
  // A segment per commit, of many pages: FTS5 merges a share of the pages
  // written (a level's segments once it holds `automerge` of them).
  const auto store_batches = [&](Archive& a, int from, int to) {
    for (int i = from; i < to; ++i) {
      std::string body = words[i % 6];
      for (int k = 0; k < 60; ++k) body.append(" ").append(words[(i + k) % 6]).append(std::to_string(k * 7 + i));
      a.store({"d" + std::to_string(i), "", body, "", "", "", ""});
      a.commit();
    }
  };
  const auto hits = [](const Archive& archive) {
    SearchRequest r;
    r.query = "هەولێر";
    r.limit = 100;
    std::vector<std::pair<std::string, double>> out;
    for (const auto& hit : archive.search(r).hits) out.emplace_back(hit.id, hit.score);
    return out;
  };
  { create(); }
  // FTS5's smallest pages (its configuration row, read when a connection
  // opens the index).
  raw_sql("INSERT INTO documents_fts_config(k, v) VALUES('pgsz', 64)");
  Archive a(path_, OpenOptions{});
  store_batches(a, 0, 12);
  const auto usual_segments = a.stats().index_segments;
  EXPECT_LT(usual_segments, 12u);  // FTS5 merged along the way
  a.begin_run();
  store_batches(a, 12, 24);
  EXPECT_EQ(automerge(), 16);
  EXPECT_GE(a.stats().index_segments, usual_segments + 12);  // nothing merged
  const auto before = hits(a);
  a.finish_run(false);
  EXPECT_EQ(automerge(), 4);
  EXPECT_LT(a.stats().index_segments, 8u);
  EXPECT_EQ(hits(a), before);
  EXPECT_EQ(before.size(), 24u);

  a.begin_run();
  store_batches(a, 24, 36);
  a.finish_run(true);
  EXPECT_EQ(automerge(), 4);
  const auto s = a.stats();
  EXPECT_EQ(s.index_segments, 1u);
  EXPECT_TRUE(s.optimized);
  EXPECT_EQ(hits(a).size(), 36u);
  EXPECT_TRUE(a.check().empty());
}

TEST(Optimize, IsDueAfterATenthOfALargeArchive) {
  using kurdi::archive::kOptimizeMinDocuments;
  using kurdi::archive::optimize_is_due;
  EXPECT_FALSE(optimize_is_due(kOptimizeMinDocuments - 1, kOptimizeMinDocuments - 1));  // small: never
  EXPECT_TRUE(optimize_is_due(kOptimizeMinDocuments, kOptimizeMinDocuments));          // a new archive
  EXPECT_TRUE(optimize_is_due(300000, 30000));
  EXPECT_FALSE(optimize_is_due(300000, 29999));
  EXPECT_FALSE(optimize_is_due(300000, 0));
  // Documents added since the last optimize, over several runs: due at a
  // 32nd of the archive.
  EXPECT_TRUE(optimize_is_due(320000, 100, 10000));
  EXPECT_FALSE(optimize_is_due(320000, 100, 9999));
  EXPECT_FALSE(optimize_is_due(kOptimizeMinDocuments - 1, 1, kOptimizeMinDocuments - 1));
}

TEST_F(ArchiveTest, AnalyzerChangeRequiresReindex) {
  {
    Archive a = create();
    a.store({"a", "", "بەرپرسەکانی ئەمریکا", "", "", "", ""});
    a.commit();
  }
  raw_sql("UPDATE meta SET value = '0.0.1+old' WHERE key = 'analyzer_version';");
  try {
    open_read_only();
    FAIL();
  } catch (const ArchiveError& e) {
    EXPECT_EQ(e.kind(), ArchiveError::Kind::reindex_required);
    EXPECT_NE(std::string(e.what()).find("kurdi reindex"), std::string::npos);
  }
  {
    // Opened all the same (reindex, stats, export, check; Python): what
    // reads the index or writes to it says "reindex required" until
    // reindex() has run.
    OpenOptions o;
    o.allow_analyzer_mismatch = true;
    Archive a(path_, o);
    EXPECT_TRUE(a.stats().reindex_required);
    const auto refused = [](auto&& call) {
      try {
        call();
        ADD_FAILURE() << "not refused";
      } catch (const ArchiveError& e) {
        EXPECT_EQ(e.kind(), ArchiveError::Kind::reindex_required);
        EXPECT_NE(std::string(e.what()).find("reindex required (run `kurdi reindex "), std::string::npos) << e.what();
      }
    };
    refused([&] { ids_of(a, "بەرپرس"); });
    refused([&] { a.count(query("بەرپرس")); });
    refused([&] { a.store({"b", "", "هێزەکانی پێشمەرگە", "", "", "", ""}); });
    refused([&] { a.remove({"a"}); });
    refused([&] { a.optimize(); });
    EXPECT_EQ(a.document_count(), 1u);
    std::uint64_t last = 0;
    a.reindex([&](std::uint64_t done, std::uint64_t total) {
      EXPECT_EQ(total, 1u);
      last = done;
    });
    EXPECT_EQ(last, 1u);
    EXPECT_FALSE(a.stats().reindex_required);
    EXPECT_EQ(ids_of(a, "بەرپرس"), std::vector<std::string>{"a"});
  }
  EXPECT_EQ(ids_of(open_read_only(), "بەرپرس"), std::vector<std::string>{"a"});
  const auto problems = create().check();
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems.front());
}

// An archive of an older schema (version 1: no bounds, no postings), as an
// earlier kurdi left it. keep_older_schema (kurdi check, export, stats)
// reads it as it is; without it, opening it for writing upgrades it.
TEST_F(ArchiveTest, AnOlderSchemaIsReadAsItIsWhenAskedTo) {
  {
    Archive a = create();
    a.store({"a", "", "بەرپرسەکانی ئەمریکا", "", "", "", ""});
    a.commit();
  }
  raw_sql(kBackToSchema3);
  raw_sql(
      "DROP TABLE term_bounds; DROP TABLE term_postings; DROP TABLE document_lengths; "
      "DELETE FROM meta WHERE key IN ('bounds', 'postings'); PRAGMA user_version = 1;");
  const auto older = [&](auto&& call) {
    try {
      call();
      ADD_FAILURE() << "not refused";
    } catch (const ArchiveError& e) {
      EXPECT_EQ(e.kind(), ArchiveError::Kind::older_schema);
      EXPECT_EQ(std::string(e.what()),
                path_ + " has the older schema version 1: run `kurdi reindex " + path_ + "` to upgrade it");
    }
  };
  for (const bool read_only : {false, true}) {
    OpenOptions o;
    o.read_only = read_only;
    o.may_be_read_only = true;  // as kurdi check opens
    o.keep_older_schema = true;
    Archive a(path_, o);
    const auto stats = a.stats();
    EXPECT_EQ(stats.schema_version, 1);
    EXPECT_EQ(stats.current_schema_version, Archive::schema_version());
    EXPECT_TRUE(stats.reindex_required);  // a search refuses it until `kurdi reindex`
    EXPECT_EQ(stats.analyzer_version, stats.current_analyzer_version);
    EXPECT_EQ(stats.documents, 1u);
    EXPECT_FALSE(stats.block_bounds);
    std::vector<std::string> ids;
    a.for_each([&](const Document& d) { ids.push_back(d.id); });
    EXPECT_EQ(ids, std::vector<std::string>{"a"});
    EXPECT_TRUE(a.get("a").has_value());
    EXPECT_EQ(a.check(), std::vector<std::string>{"the older schema version 1 (this kurdi has " +
                                                  std::to_string(Archive::schema_version()) +
                                                  "), checked as it is: run `kurdi reindex " + path_ +
                                                  "` to upgrade it"});
    older([&] { ids_of(a, "بەرپرس"); });
    older([&] { a.count(query("بەرپرس")); });
    older([&] { a.store({"b", "", "هێزەکانی پێشمەرگە", "", "", "", ""}); });
    older([&] {
      PendingDocuments p;
      p.add({"b", "", "هێزەکانی پێشمەرگە", "", "", "", ""});
      a.store(p);
    });
    older([&] { a.remove({"a"}); });
    older([&] { a.optimize(); });
    older([&] { a.reindex(); });
  }
  older([&] { open_read_only(); });  // still version 1
  // Opened for writing (kurdi index, reindex, ...), it is upgraded.
  { create(); }
  EXPECT_EQ(open_read_only().stats().schema_version, Archive::schema_version());
  EXPECT_FALSE(open_read_only().stats().reindex_required);
  EXPECT_EQ(ids_of(open_read_only(), "بەرپرس"), std::vector<std::string>{"a"});
}

TEST_F(ArchiveTest, CheckFindsAnIndexOutOfStep) {
  {
    Archive a = create();
    a.store({"a", "", "هێزەکانی پێشمەرگە", "", "", "", ""});
    a.store({"b", "", "باران بارییە", "", "", "", ""});
    a.commit();
    EXPECT_TRUE(a.check().empty());
  }
  // A document changed behind the index's back.
  raw_sql("UPDATE documents SET body = 'شتێکی تر' WHERE id = 'b';");
  const auto problems = create().check();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("full-text index: database disk image is malformed"), std::string::npos) << problems[0];
  // Read-only (a write-protected file, read-only media): the same finding,
  // from a copy, and nothing left behind.
  const std::vector<std::string> read_only = open_read_only().check();
  ASSERT_EQ(read_only.size(), 1u);
  EXPECT_NE(read_only[0].find("full-text index: database disk image is malformed"), std::string::npos) << read_only[0];
  raw_sql("UPDATE documents SET body = 'باران بارییە' WHERE id = 'b';");
  EXPECT_TRUE(open_read_only().check().empty());
}

TEST_F(ArchiveTest, CheckOfAnIndexByAnotherAnalyzerReportsTheReindexNotMalformed) {
  {
    Archive a = create();
    a.store({"a", "", "هێزەکانی پێشمەرگە", "", "", "", ""});
    a.store({"b", "", "باران بارییە", "", "", "", ""});
    a.commit();
  }
  // Another analyzer: another version, and tokens this kurdi would not
  // make from the stored text (the index is sound, made from other tokens).
  raw_sql("UPDATE meta SET value = '0.0.1+old' WHERE key = 'analyzer_version';");
  raw_sql("UPDATE documents SET body = 'شتێکی تر' WHERE id = 'b';");
  OpenOptions mismatch;
  mismatch.allow_analyzer_mismatch = true;  // as kurdi check opens it
  const auto only_the_reindex = [](const std::vector<std::string>& problems) {
    ASSERT_EQ(problems.size(), 1u) << problems.back();
    EXPECT_NE(problems[0].find("indexed with analyzer 0.0.1+old"), std::string::npos) << problems[0];
    EXPECT_NE(problems[0].find("reindex required"), std::string::npos) << problems[0];
  };
  only_the_reindex(Archive(path_, mismatch).check());
  mismatch.read_only = true;  // checked in a copy
  only_the_reindex(Archive(path_, mismatch).check());
  // The index's own structure is still checked.
  raw_sql("UPDATE documents_fts_data SET block = zeroblob(length(block)) "
          "WHERE id = (SELECT max(id) FROM documents_fts_data);");
  const std::vector<std::string> damaged = Archive(path_, mismatch).check();
  ASSERT_EQ(damaged.size(), 2u);
  EXPECT_NE(damaged[1].find("full-text index: database disk image is malformed"), std::string::npos) << damaged[1];
}

TEST_F(ArchiveTest, ForEachVisitsInIdOrder) {
  Archive a = create();
  a.store({"b", "ب", "دووەم", "s", "https://example.org/b", "2020-02-29", "ckb"});
  a.store({"a", "", "یەکەم", "", "", "", "kmr"});
  a.commit();
  std::vector<Document> seen;
  a.for_each([&](const Document& d) { seen.push_back(d); });
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].id, "a");
  EXPECT_EQ(seen[0].language, "kmr");
  EXPECT_EQ(seen[1].url, "https://example.org/b");
  EXPECT_EQ(seen[1].date, "2020-02-29");
}

TEST_F(ArchiveTest, CommittedBatchesLeaveTheWalFreeToCheckpoint) {
  // A long `kurdi index` must not grow the WAL without end: after a commit
  // the writer may hold no read snapshot (a statement left mid-result does),
  // or no checkpoint can reset the log. Found on a 1 GB index whose WAL
  // reached 2.2 GB with 27 MB in the database file.
  Archive a = create();
  for (int batch = 0; batch < 3; ++batch) {
    for (int i = 0; i < 20; ++i) {
      std::string id = "d";  // append, not operator+: GCC 12 -Wrestrict
      id.append(std::to_string(batch)).append("-").append(std::to_string(i));
      // A duplicate body on purpose: the duplicate lookup returns a row.
      std::string body = "هێزی ئەمریکا گەیشتە بەغدا ";
      body.append(std::to_string(i % 10));
      a.store(Document{id, "", body, "", "", "", "ckb"});
    }
    a.commit();
  }
  // PRAGMA wal_checkpoint(TRUNCATE) answers (busy, log frames, checkpointed).
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &s, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(s, 0), 0) << "busy: a connection still holds a read snapshot";
  EXPECT_EQ(sqlite3_column_int(s, 1), 0) << "the WAL was not truncated";
  sqlite3_finalize(s);
  sqlite3_close(db);
}

TEST(IsoDate, CalendarDatesOnly) {
  using kurdi::archive::is_iso_date;
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_TRUE(is_iso_date("2000-02-29"));
  EXPECT_FALSE(is_iso_date("1900-02-29"));
  EXPECT_FALSE(is_iso_date("2023-02-29"));
  EXPECT_FALSE(is_iso_date("2023-13-01"));
  EXPECT_FALSE(is_iso_date("2023-04-31"));
  EXPECT_FALSE(is_iso_date("2023-4-1"));
  EXPECT_FALSE(is_iso_date("2023/04/01"));
  EXPECT_FALSE(is_iso_date(""));
}

// Archive::get and Archive::count (for kurdi serve).
TEST_F(ArchiveTest, GetReadsOneDocumentById) {
  {
    Archive a = create();
    a.store({"a/b 1.txt", "سەردێڕ <b>", "دەقی هێز & شار", "rudaw", "https://example.org/1", "2021-07-26", "ckb"});
    a.commit();
  }
  const Archive a = open_read_only();
  const auto d = a.get("a/b 1.txt");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->id, "a/b 1.txt");
  EXPECT_EQ(d->title, "سەردێڕ <b>");
  EXPECT_EQ(d->body, "دەقی هێز & شار");
  EXPECT_EQ(d->source, "rudaw");
  EXPECT_EQ(d->url, "https://example.org/1");
  EXPECT_EQ(d->date, "2021-07-26");
  EXPECT_EQ(d->language, "ckb");
  EXPECT_FALSE(a.get("a/b").has_value());
  EXPECT_FALSE(a.get("").has_value());
}

TEST_F(ArchiveTest, StatsOfAReaderFollowOtherConnectionsCommits) {
  // A read-only connection (kurdi serve's) keeps the whole-table aggregate
  // until another connection commits; it must never serve a stale one.
  Archive writer = create();
  writer.store({"a", "", "هەواڵی یەکەم", "k24", "", "2020-01-02", ""});
  writer.store({"b", "", "هەواڵی دووەم", "rudaw", "", "2020-01-03", ""});
  writer.commit();
  Archive reader = open_read_only();
  EXPECT_EQ(reader.stats().documents, 2u);
  const auto again = reader.stats();
  EXPECT_EQ(again.documents, 2u);
  EXPECT_EQ(again.sources, 2u);
  EXPECT_EQ(again.last_date, "2020-01-03");
  EXPECT_GT(again.file_bytes, 0u);
  EXPECT_FALSE(again.analyzer_version.empty());
  writer.store({"c", "", "هەواڵی سێیەم", "k24", "", "2020-01-09", ""});
  writer.commit();
  const auto after = reader.stats();
  EXPECT_EQ(after.documents, 3u);
  EXPECT_EQ(after.last_date, "2020-01-09");
  EXPECT_EQ(after.analyzer_version, again.analyzer_version);
  EXPECT_EQ(writer.stats().documents, 3u);  // the writer sees its own commits
}

TEST_F(ArchiveTest, SearchesOfAReaderFollowOtherConnectionsCommits) {
  // A search and a count each run in one read transaction (archive.cpp,
  // ReadScope): it must end with them, or the reader would go on reading
  // the snapshot of its first search; and a search stopped by its time
  // limit must not leave one open either.
  Archive writer = create();
  writer.store({"a", "", "هەواڵی یەکەم", "k24", "", "2020-01-02", ""});
  writer.commit();
  Archive reader = open_read_only();
  SearchRequest r;
  r.query = "هەواڵ";
  EXPECT_EQ(reader.search(r).hits.size(), 1u);
  EXPECT_EQ(reader.count(r), 1u);
  writer.store({"b", "", "هەواڵی دووەم", "rudaw", "", "2020-01-03", ""});
  writer.commit();
  EXPECT_EQ(reader.search(r).hits.size(), 2u);
  EXPECT_EQ(reader.count(r), 2u);
  reader.set_time_limit(1);
  for (int i = 0; i < 200 && !reader.timed_out(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));  // past the deadline before the search begins
    try {
      reader.search(r);
    } catch (const std::exception&) {
    }
  }
  EXPECT_TRUE(reader.timed_out());
  reader.set_time_limit(0);
  writer.store({"c", "", "هەواڵی سێیەم", "k24", "", "2020-01-09", ""});
  writer.commit();
  EXPECT_EQ(reader.search(r).hits.size(), 3u);
  EXPECT_EQ(reader.count(r), 3u);
}

TEST_F(ArchiveTest, CountIsTheTotalBehindEveryPage) {
  Archive a = create();
  // (append, not "literal" + string: GCC 12's -Wrestrict misfires on that
  // once enough of this file is inlined)
  auto with = [](std::string head, int n) { return head.append(std::to_string(n)); };
  for (int i = 0; i < 7; ++i)
    a.store({with("d", i), "", with("هەواڵی هێزەکان ", i), i % 2 ? "k24" : "rudaw", "", with("2020-01-0", i + 1), ""});
  a.store({"other", "", "شاری هەولێر", "rudaw", "", "", ""});
  a.commit();
  SearchRequest r;
  r.query = "هێز";
  r.limit = 2;
  EXPECT_EQ(a.count(r), 7u);
  EXPECT_EQ(a.search(r).hits.size(), 2u);  // a page, the count is of all
  r.source = "k24";
  EXPECT_EQ(a.count(r), 3u);
  r.source.clear();
  r.from = "2020-01-03";
  r.to = "2020-01-05";
  EXPECT_EQ(a.count(r), 3u);
  r = SearchRequest{};
  r.query = "هێز OR هەولێر";
  EXPECT_EQ(a.count(r), 8u);
  r.query = "-هێز";
  EXPECT_EQ(a.count(r), 0u);
  r.query = "";
  EXPECT_EQ(a.count(r), 0u);
}

}  // namespace
