// Archive::search's shortcuts (deferral, kurdi_bm25's "top K" pruning,
// docs/sqlite.md "Ranking") must give exactly what scoring every match gives:
// an archive built from the bundled FLORES-200 samples, searched through
// Archive::search, against the full match ranked by kurdi_bm25 with no
// pruning on a plain connection: the same ids in the same order with
// bit-identical scores, for the first page, a deeper page and filters.
#include "archive/archive.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "kurdi/search.hpp"
#include "kurdi_sqlite.hpp"
#include "support/flores_documents.hpp"
#include "support/flores_samples.hpp"
#include "support/ranking_reference.hpp"
#include "support/split_spaces.hpp"

namespace {

namespace fs = std::filesystem;
using kurdi::archive::Archive;
using kurdi::archive::OpenOptions;
using kurdi::archive::SearchRequest;

std::vector<std::string> sample_lines() { return kurdi_test::flores_sample_lines(KURDI_SOURCE_DIR); }

using kurdi_test::joined;
// The full match ranked by kurdi_bm25 with no pruning on a plain connection.
using Reference = kurdi_test::RankingReference;

// Counts in `from_postings` the searches ranked from the postings of common
// terms (archive.cpp): with hits, and no row scored through FTS5; with
// `added` documents added since the bounds, at most those rows, for a query
// that matches more than twice as many documents.
void check_archive(const std::string& path, const std::vector<std::string>& lines, std::uint64_t added,
                   int& from_postings);

TEST(ExactRanking, ArchiveSearchIsTheExhaustiveTopHits) {
  const fs::path dir = fs::temp_directory_path() / ("kurdi-exact-ranking-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "exact.kar").string();
  const std::vector<std::string> lines = sample_lines();
  ASSERT_GT(lines.size(), 900u);
  const std::size_t n = lines.size();
  {
    OpenOptions o;
    o.create = true;
    Archive a(path, o);
    // Each document stored twice under two ids, as the bench corpus is, so
    // equal scores are common and the order of ties is tested too.
    for (int copy = 0; copy < 2; ++copy)
      for (std::size_t i = 0; i < n; ++i) a.store(kurdi_test::flores_document(lines, copy, i));
    a.commit();
  }
  // Twice: without block bounds (kurdi_bm25's pruning and the deferral),
  // then with bounds of 64-rowid blocks (about 30 blocks; the archive's
  // default is 256), so that the block-by-block search runs too. These
  // are built from the index merged into one segment, as `kurdi optimize`
  // leaves it (read in one pass, archive/fts5_segment.hpp); the ones built
  // again below, after documents were added, from two segments (read a
  // term at a time through FTS5).
  for (const bool bounds : {false, true}) {
    if (bounds) {
      {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
        std::string error;
        ASSERT_EQ(kurdi::sqlite::register_all(db, &error), SQLITE_OK) << error;
        ASSERT_EQ(sqlite3_exec(db, "INSERT INTO documents_fts(documents_fts) VALUES('optimize')", nullptr, nullptr,
                               nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
      }
      OpenOptions o;
      Archive writable(path, o);
      ASSERT_EQ(writable.stats().index_segments, 1u);
      writable.build_bounds(6);
    }
    SCOPED_TRACE(bounds ? "with block bounds" : "without block bounds");
    int from_postings = 0;
    check_archive(path, lines, 0, from_postings);
    // Queries of common terms only are ranked from the postings built with
    // the bounds, and only then.
    if (bounds)
      EXPECT_GT(from_postings, 900);
    else
      EXPECT_EQ(from_postings, 0);
  }

  // Documents added since the bounds were built (a small `kurdi index` run
  // on a large archive): the bounds stay in use and the added documents
  // are ranked and counted through FTS5 beside them. Long ones first, so
  // that the average length grows (the stored parts are scaled up); then,
  // on bounds built again, short ones (it falls). A third of them repeat a
  // stored document, so that an added and a stored document tie.
  constexpr std::uint64_t kAdded = 150;
  for (const bool longer : {true, false}) {
    {
      OpenOptions o;
      Archive writable(path, o);
      if (!longer) {
        ASSERT_GT(writable.stats().index_segments, 1u);
        writable.build_bounds(6);
      }
      const double average_before = Reference(path).average_length();
      for (std::size_t k = 0; k < kAdded; ++k) writable.store(kurdi_test::flores_added_document(lines, longer, k));
      writable.commit();
      const kurdi::archive::Stats st = writable.stats();
      EXPECT_TRUE(st.block_bounds);
      EXPECT_EQ(st.documents_since_optimize, kAdded);
      EXPECT_FALSE(st.optimized);
      if (longer)
        EXPECT_GT(Reference(path).average_length(), average_before * 1.05);
      else
        EXPECT_LT(Reference(path).average_length(), average_before);
    }
    SCOPED_TRACE(longer ? "long documents added" : "short documents added");
    int from_postings = 0;
    check_archive(path, lines, kAdded, from_postings);
    EXPECT_GT(from_postings, 500);
  }
  fs::remove_all(dir);
}

void check_archive(const std::string& path, const std::vector<std::string>& lines, std::uint64_t added,
                   int& from_postings) {
  const std::size_t n = lines.size();
  OpenOptions ro;
  ro.read_only = true;
  const Archive archive(path, ro);
  Reference reference(path);

  // Queries: the commonest words (the pruning's case: most of the archive
  // matches them), and random one-, two- and three-word queries and ORs
  // drawn from one sample line, so that they match.
  std::vector<std::string> queries = {"لە", "و", "بە", "کە", "بوو", "ئەو", "دەکات", "کرد", "لە بە", "و OR لە",
                                      "بوون کە", "هەبوو", "دەبێت",
                                      // Prefixes: a capped count may be known from the commonest
                                      // stored term that starts with one.
                                      "ب*", "ک*", "هە*", "دە*", "بە* کرد", "ب* OR ک*", "ب* -لە", "بەرپ*",
                                      "\"لە ب\"*", "ژ*"};
  std::mt19937 rng(11);
  for (int i = 0; i < 600; ++i) {
    const std::vector<std::string> w = kurdi_test::split_spaces(lines[rng() % n]);
    if (w.size() < 3) continue;
    const std::size_t at = rng() % (w.size() - 2);
    switch (i % 4) {
      case 0: queries.push_back(w[at]); break;
      case 1: queries.push_back(joined({w[at], w[at + 1]}, " ")); break;
      case 2: queries.push_back(joined({w[at], w[at + 1], w[at + 2]}, " ")); break;
      default: queries.push_back(joined({w[at], w[at + 2]}, " OR ")); break;
    }
  }

  // And words in at least 5 % of the documents, alone and in pairs: every
  // term of such a query has block bounds, so it is ranked block by block
  // (a query with a rarer term, which has none, is not), stopping early or
  // ranking the rest in one statement after kMaxBlockStatements.
  {
    sqlite3_stmt* s = nullptr;
    ASSERT_EQ(sqlite3_exec(reference.db(),
                           "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, documents_fts, row)", nullptr, nullptr,
                           nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_prepare_v2(reference.db(),
                                 "SELECT term FROM temp.v WHERE doc >= (SELECT count(*) FROM documents) / 20 "
                                 "AND unicode(term) > 127 ORDER BY term",
                                 -1, &s, nullptr),
              SQLITE_OK);
    std::vector<std::string> common;
    while (sqlite3_step(s) == SQLITE_ROW) common.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    ASSERT_GT(common.size(), 20u);
    for (std::size_t i = 0; i < common.size(); ++i) {
      queries.push_back(common[i]);
      queries.push_back(joined({common[i], common[(i * 7 + 3) % common.size()]}, " "));
    }
  }

  const std::uint64_t pruned_before = kurdi::sqlite::kurdi_bm25_rows_pruned();
  int pages = 0, compared = 0;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    std::vector<SearchRequest> requests(1);
    requests[0].query = queries[i];
    if (i % 3 == 0) {
      SearchRequest deeper = requests[0];
      deeper.offset = 10;
      deeper.limit = 5;
      requests.push_back(deeper);
      SearchRequest filtered = requests[0];
      filtered.source = "a";
      filtered.from = "2018-01-01";
      requests.push_back(filtered);
      // A long filtered page reaches the last block of the bounds, which
      // may hold rowids of documents added since (they are not its own).
      if (added > 0 && i % 9 == 0) {
        filtered.limit = 400;
        requests.push_back(filtered);
      }
    }
    for (const SearchRequest& r : requests) {
      // The count is FTS5's, whether counted in FTS5 or from the postings
      // of common terms; and a capped count is the exact count, capped,
      // whether it is counted or known from the vocabulary (a group's
      // commonest term, and for an AND the sum of the groups' less what
      // they may miss).
      const std::uint64_t every = archive.count(r, 0);
      EXPECT_EQ(every, reference.count(r)) << r.query << " source " << r.source;
      for (const std::uint64_t at_most : {1u, 2u, 10u, 100u, 1000u})
        EXPECT_EQ(archive.count(r, at_most), std::min(every, at_most)) << r.query << " at most " << at_most;
      const std::uint64_t scored_before = kurdi::sqlite::kurdi_bm25_rows_scored();
      const auto hits = archive.search(r).hits;
      const std::uint64_t scored = kurdi::sqlite::kurdi_bm25_rows_scored() - scored_before;
      if (!hits.empty() && (added == 0 ? scored == 0 : scored <= added && every > 2 * added)) ++from_postings;
      const auto expected = reference.search(r);
      ++pages;
      ASSERT_EQ(hits.size(), expected.size()) << r.query << " offset " << r.offset << " source " << r.source;
      for (std::size_t k = 0; k < hits.size(); ++k) {
        ++compared;
        EXPECT_EQ(hits[k].id, expected[k].first) << r.query << " offset " << r.offset << " rank " << k;
        // Bit for bit: both come from the same arithmetic on the same counts.
        EXPECT_EQ(hits[k].score, expected[k].second) << r.query << " offset " << r.offset << " rank " << k;
      }
    }
  }
  // The shortcut was taken, often: rows were set aside without a score
  // (with bounds, most searches of common words score no row in FTS5).
  EXPECT_GT(kurdi::sqlite::kurdi_bm25_rows_pruned() - pruned_before, 2000u);
  EXPECT_GT(pages, 700);
  EXPECT_GT(compared, 5000);
}

}  // namespace
