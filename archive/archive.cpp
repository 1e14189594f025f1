// Archive: documents, their FTS5 index and metadata in one SQLite file
// (docs/archive.md). The words are the tokenizer's business (ext/sqlite, the
// core); this file keeps the rows, the batches and the versions straight.
#include "archive.hpp"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <chrono>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>
#include <unordered_map>

#include <unistd.h>

#include "kurdi/search.hpp"
#include "kurdi/version.hpp"
#include "archive/read/dates.hpp"
#include "fts5_segment.hpp"
#include "kurdi_sqlite.hpp"
#include "near_duplicates.hpp"
#include "schema.hpp"
#include "snippet_html.hpp"
#include "sqlite_db.hpp"

namespace kurdi::archive {
namespace {

using Kind = ArchiveError::Kind;

constexpr int kSnippetTokens = 24;

// Whether a query has a prefix (word*), excluded ones included: the MATCH
// has a term FTS5 expands over the whole index.
bool has_prefix(const search::Query& query) {
  const auto prefix = [](const search::QueryItem& item) { return item.prefix; };
  for (const search::QueryGroup& group : query.all)
    if (std::any_of(group.any.begin(), group.any.end(), prefix)) return true;
  return std::any_of(query.excluded.begin(), query.excluded.end(), prefix);
}

// Deep pages skip the narrowed first match (it ranks offset + limit hits).
constexpr std::uint64_t kMaxNarrowPage = 1000;
// Narrow passes before the full match.
constexpr int kNarrowPasses = 3;
// Block bounds (see "Block bounds" below): rowids per block, as a power of
// two, and the share of the documents a term must be in to get bounds.
// 2^8: on the 1 GB bench archive the p99 of common-word queries is about a
// tenth lower than with 2^11 for 8 times the table (22 MB; docs/benchmarks.md,
// "Smaller blocks"). An archive's own bits are in its meta row 'bounds'.
constexpr int kBoundBlockBits = 8;
// The date and source filters of a ranked match over `documents_fts f CROSS
// JOIN documents d`, bound as ?4 (from), ?5 (to) and ?6 (source). Undated
// documents never pass a date filter.
constexpr std::string_view kFilterClauses =
    "AND (?4 = '' OR (d.published <> '' AND d.published >= ?4)) "
    "AND (?5 = '' OR (d.published <> '' AND d.published <= ?5)) "
    "AND (?6 = '' OR d.source = ?6) ";
constexpr double kBoundTermShare = 0.02;
// FTS5's automerge: a level's segments are merged into one on the next
// level once it holds this many. FTS5's default, and during a run
// (Archive::begin_run): 16 took about 12 % off a 100 MB `kurdi index`
// (docs/benchmarks.md, "Runs and one-pass bounds").
constexpr int kUsualAutomerge = 4;
constexpr int kRunAutomerge = 16;
// The title's and the body's weight in every ranking: the rank set at
// creation (schema.cpp) and each kurdi_bm25 and kurdi_phrase_tf call below
// spell the same 3.0 and 1.0.
constexpr double kColumnWeights[] = {3.0, 1.0};
// A query with common terms is ranked from their postings with its rarer
// terms read from the index on the spot, when those are together in at
// most this share of the documents: a read costs about 0.2 us a document
// (kurdi reindex reads 51.9 M in 11.4 s on the 1 GB bench archive), and
// the AND with a common term then skips every block without them.
constexpr double kMaxReadShare = 0.08;
// Stored postings kept in memory per connection (Impl::postings_cache_).
constexpr std::size_t kPostingsCacheBytes = std::size_t{64} << 20;
// A full match that can reach fewer documents than this many blocks' worth
// is ranked in one statement: the blocks' own cost would not pay.
constexpr double kBlockSearchBlocks = 4;
// Statements, one block each, before the rest is ranked in one statement.
constexpr int kMaxBlockStatements = 16;
// Near-duplicate candidates looked at per MinHash band: a band value shared
// by very many documents (boilerplate) must not make one store() slow.
constexpr int kMaxBandCandidates = 64;

struct ContentHash {
  XXH128_hash_t value;
  std::string_view bytes() const noexcept {
    return {reinterpret_cast<const char*>(&value), sizeof value};
  }
};

ContentHash hash_body(std::string_view body) { return {XXH3_128bits(body.data(), body.size())}; }

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

// A page of ranked documents: (doc, score), best first.
using Ranked = std::vector<std::pair<std::int64_t, double>>;

// LEB128: seven bits a byte, low groups first, the high bit on every byte
// but the last (the postings of common terms, "Postings of common terms").
void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Reads one value at `at` and moves past it; false at a truncated or
// overlong value (a damaged file must not be read past its end).
bool read_varint(const unsigned char*& at, const unsigned char* end, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; at < end && shift < 64; shift += 7) {
    const unsigned char byte = *at++;
    v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

// Best first: score descending, ties to the lower doc (the SQL's order).
bool ranks_before(const std::pair<std::int64_t, double>& a, const std::pair<std::int64_t, double>& b) {
  return a.second > b.second || (a.second == b.second && a.first < b.first);
}

std::string expected_analyzer(const std::string& tokenizer) {
  // A baseline tokenizer has no analyzer of ours: its name is its version.
  if (tokenizer != "kurdi") return tokenizer;
  return kurdi::sqlite::analyzer_version(kurdi::sqlite::TokenizerOptions{});
}

}  // namespace

bool is_iso_date(std::string_view text) noexcept {
  // The readers' date parser decides what a date is; YYYY-MM-DD is the one
  // form it keeps as written.
  try {
    const std::optional<std::string> date = detail::normalize_date(text);
    return date && *date == text;
  } catch (const std::bad_alloc&) {
    return false;
  }
}

struct Archive::Impl {
  std::string path;
  OpenOptions options;
  db::Connection connection;
  bool in_batch = false;
  // kurdi_query's parser: its Expander caches words across searches.
  mutable search::Expander expander;
  // Ranked search on an archive of the kurdi tokenizer (not a baseline one).
  mutable std::optional<bool> ranked;
  // Document frequencies for the ranking plan; documents counts faster than
  // the external-content index.
  mutable kurdi::sqlite::Fts5Statistics statistics{connection.get(), "documents_fts",
                                                   "SELECT count(*) FROM documents"};
  // store()'s statements, prepared once per connection rather than per
  // document (keyed by their SQL literal). Declared after `connection`, so
  // they are finalized before it closes.
  mutable std::unordered_map<const char*, std::unique_ptr<db::Statement>> statements;
  // The kurdi tokenizer's hand-off slot on this connection (null for a
  // baseline tokenizer): store() tokenizes a body once for its MinHash signature and
  // its index terms.
  kurdi::sqlite::Pretokenized* handoff = nullptr;

  // Why this archive, opened as it is, cannot be searched or written yet
  // (empty: it can): an older schema kept as it is (keep_older_schema; its
  // version in older_version), or another analyzer's index
  // (allow_analyzer_mismatch; reindex() clears it). require_current()
  // throws them.
  std::string older_schema;
  int older_version = 0;
  std::string other_analyzer;

  // stats()'s whole-table aggregate (a scan of every body: seconds on a
  // 1 GB archive, and the web page asks for it on every load), kept on a
  // read-only connection until another connection commits: PRAGMA
  // data_version changes exactly then. (A writable connection does not see
  // its own commits there, so it scans every time.)
  mutable std::optional<std::pair<std::int64_t, Stats>> stats_cache;

  // Whether this batch has dropped the block bounds already (an update or a
  // delete makes them wrong; see "Block bounds").
  bool bounds_dropped = false;

  // set_time_limit(): the deadline SQLite's progress handler checks, and
  // whether it stopped a statement.
  std::chrono::steady_clock::time_point deadline{};
  bool deadline_passed = false;

  // The statement for `sql` (a string literal), reset and ready to bind.
  db::Statement& cached(const char* sql) const {
    auto& slot = statements[sql];
    if (!slot) slot = std::make_unique<db::Statement>(connection, sql);
    slot->reset();
    return *slot;
  }

  // Resets every cached statement. A SELECT left on a row keeps a read
  // snapshot open after COMMIT, and while it is open no checkpoint can
  // reset the WAL: a long `kurdi index` grew it to twice the archive.
  void release_statements() const {
    for (auto& [sql, statement] : statements) statement->reset();
  }

  Impl(const std::string& p, const OpenOptions& o)
      : path(p), options(o), connection(p, open_flags(p, o)) {}

  static bool file_is_empty(const std::string& path) {
    std::error_code ec;
    return std::filesystem::file_size(path, ec) == 0 && !ec;
  }

  static int open_flags(const std::string& path, const OpenOptions& o) {
    std::error_code ec;
    if (!o.create && !std::filesystem::exists(path, ec))
      throw ArchiveError(Kind::not_found,
                         "no archive at " + path + " (make one with: kurdi index " + path + " FILE...)");
    if (std::filesystem::is_directory(path, ec)) throw ArchiveError(Kind::not_an_archive, path + ": is a directory");
    if (o.read_only) return SQLITE_OPEN_READONLY;
    return SQLITE_OPEN_READWRITE | (o.create ? SQLITE_OPEN_CREATE : 0);
  }

  // meta() and pragma() run on every search (the bounds' and postings'
  // validity): prepared once, and reset after the read so that no read
  // snapshot stays open (see release_statements()).
  std::string meta(const char* key) const {
    db::Statement& s = cached("SELECT value FROM meta WHERE key = ?1");
    s.bind(1, std::string_view(key));
    std::string value = s.step() ? std::string(s.text(0)) : std::string();
    s.reset();
    return value;
  }

  void set_meta(const char* key, std::string_view value) const {
    db::Statement s(connection, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
    s.bind(1, std::string_view(key)).bind(2, value).run();
  }

  // `sql` is a string literal (the statement is kept under its address).
  std::int64_t pragma(const char* sql) const {
    db::Statement& s = cached(sql);
    const std::int64_t value = s.step() ? s.integer(0) : 0;
    s.reset();
    return value;
  }

  void open() {
    std::string error;
    if (kurdi::sqlite::register_all(connection.get(), &error) != SQLITE_OK)
      throw ArchiveError(Kind::sqlite, "cannot register the kurdi tokenizer: " + error);
    sqlite3_busy_timeout(connection.get(), 10000);
    // Read the file through a memory map: a search of common words walks
    // megabytes of FTS5 doclists, and through SQLite's default 2 MB page
    // cache every query copied them from the OS page cache again (pread).
    // Mapped, the pages are read in place and shared by every connection
    // and process (1 GB archive, 1,000 bench queries on one thread: about
    // 1.25x the requests per second; docs/benchmarks.md). SQLite clamps the
    // size to its build's limit (2 GB in Debian's); the rest of a larger
    // file is read as before. kurdi never shrinks an archive (no VACUUM),
    // the case in which a mapped reader could fault.
    connection.exec("PRAGMA mmap_size = 1099511627776");
    // SQLite opens a write-protected file (chattr +i, read-only media)
    // read-only without a word; a command that writes says so before it
    // starts rather than at its first write. kurdi check reads it as it is.
    if (!options.read_only && !options.may_be_read_only && sqlite3_db_readonly(connection.get(), "main") == 1)
      throw ArchiveError(Kind::sqlite, path + ": cannot write to the archive (read-only)");
    const std::int64_t application_id = pragma("PRAGMA application_id");
    const int version = static_cast<int>(pragma("PRAGMA user_version"));
    if (application_id == 0 && version == 0) {
      // An empty file (or an empty database) becomes an archive only when
      // asked to (kurdi index): `kurdi check` on a file that `touch` made
      // wrote a schema into it and said "ok".
      if (pragma("SELECT count(*) FROM sqlite_schema") != 0)
        throw ArchiveError(Kind::not_an_archive, path + ": not a kurdi archive (an SQLite database of other tables)");
      if (!options.create || options.read_only)
        throw ArchiveError(Kind::not_an_archive, path + ": not a kurdi archive (" +
                                                     (file_is_empty(path) ? "an empty file" : "an empty database") +
                                                     "; `kurdi index` makes one)");
      create();
    } else if (application_id != schema::kApplicationId) {
      throw ArchiveError(Kind::not_an_archive, path + ": not a kurdi archive (an SQLite database of another program)");
    } else if (version > schema::current_version()) {
      throw ArchiveError(Kind::newer_schema, path + " has schema version " + std::to_string(version) +
                                                 ", made by a newer kurdi; this kurdi reads up to version " +
                                                 std::to_string(schema::current_version()));
    } else if (version < schema::current_version()) {
      std::string older = path + " has the older schema version " + std::to_string(version) +
                          ": run `kurdi reindex " + path + "` to upgrade it";
      if (options.keep_older_schema) {
        // Read as it is: kurdi check, export and stats must not change the
        // file. Only what needs the newer tables refuses it (require_current).
        older_schema = std::move(older);
        older_version = version;
      } else if (options.read_only) {
        throw ArchiveError(Kind::older_schema, older);
      } else {
        configure_for_writing();
        connection.exec("BEGIN IMMEDIATE");
        schema::migrate(connection, version, meta("tokenizer"));
        if (version < 4) make_signatures();  // schema 4 keeps MinHash signatures (schema.cpp)
        connection.exec("COMMIT");
      }
    } else if (!options.read_only) {
      configure_for_writing();
    }

    const std::string tokenizer = meta("tokenizer");
    if (tokenizer != options.tokenizer)
      throw ArchiveError(Kind::not_an_archive,
                         path + " was indexed with the tokenizer '" + tokenizer + "', not '" + options.tokenizer + "'");
    const std::string stored = meta("analyzer_version");
    const std::string expected = expected_analyzer(tokenizer);
    if (stored != expected) {
      std::string message = path + " was indexed with analyzer " + stored + " but this kurdi has " + expected +
                            ": reindex required (run `kurdi reindex " + path + "`)";
      if (!options.allow_analyzer_mismatch) throw ArchiveError(Kind::reindex_required, message);
      other_analyzer = std::move(message);
    }
    if (!options.read_only && uses_kurdi_tokenizer(tokenizer))
      handoff = kurdi::sqlite::pretokenized(connection.get());
  }

  // At least how many documents a one-word prefix matches: the most that
  // one common term starting with it is in (term_postings keeps their
  // counts), or 0 where that is not known. Counting them through FTS5 would
  // merge the postings of every term the prefix starts, for the whole index,
  // before a capped count could stop: seconds for a one-letter prefix on the
  // 1 GB bench archive (docs/benchmarks.md, "Snippets of prefix queries"). FTS5 matches the prefix against the stored
  // terms that start with the word's search form (written forms, and stems
  // written as forms, never the marked stem terms), the range read here.
  // Latin words are left out: their prefix also stands for Arabic-script
  // readings.
  // `postings`: whether term_postings is valid (Frequencies::stored()).
  std::uint64_t prefix_documents_at_least(const search::QueryWord& word, bool postings) const {
    if (!postings || word.type != TokenType::word || word.form.empty()) return 0;
    std::string past = word.form;
    past.push_back('\xFF');  // after every UTF-8 text that starts with the form
    db::Statement& s = cached("SELECT max(documents) FROM term_postings WHERE term >= ?1 AND term < ?2");
    s.bind(1, word.form).bind(2, past);
    const auto n = static_cast<std::uint64_t>(s.step() && !s.is_null(0) ? s.integer(0) : 0);
    s.reset();
    return n;
  }

  // Whether `query` surely matches at least `at_most` documents, known from
  // the vocabulary alone. A group (words joined by OR) matches every
  // document holding any term of any of its words (each word matches as all
  // of its terms, colocated: fts5_match), so at least as many as its most
  // common term is in (a prefix: prefix_documents_at_least); and an AND of
  // groups of at least n_1 .. n_k of the N documents matches at least
  // n_1 + ... + n_k - (k - 1) N of them (what each group misses is at most
  // N - n_g). Exclusions could take any of them away. Counting up to 10,000
  // of common words' matches took more time than finding their page.
  bool reaches(const search::Query& query, std::uint64_t at_most) const {
    if (!ranked) ranked = meta("tokenizer") == "kurdi";
    if (!*ranked || query.all.empty() || !query.excluded.empty()) return false;
    statistics.refresh();
    Frequencies frequencies(*this);
    const double n = static_cast<double>(frequencies.documents());
    double surely = -static_cast<double>(query.all.size() - 1) * n;
    for (const search::QueryGroup& group : query.all) {
      std::uint64_t most = 0;
      for (const search::QueryItem& item : group.any) {
        if (item.words.size() != 1) continue;
        if (item.prefix) {
          most = std::max(most, prefix_documents_at_least(item.words.front(), frequencies.stored()));
          continue;
        }
        for (const search::Term& term : item.words.front().terms)
          most = std::max(most, frequencies.documents_with(search::stored_term(term)));
      }
      surely += static_cast<double>(most);
    }
    return surely >= static_cast<double>(at_most);
  }

  // Throws why the archive cannot be searched or written as it was opened:
  // an older schema kept as it is (its newer tables are missing), or another
  // analyzer's index (a search could miss documents, a store or a delete
  // would mix two analyzers' terms). `reindexing`: only the schema matters.
  void require_current(bool reindexing = false) const {
    if (!older_schema.empty()) throw ArchiveError(Kind::older_schema, older_schema);
    if (!reindexing && !other_analyzer.empty()) throw ArchiveError(Kind::reindex_required, other_analyzer);
  }

  static bool uses_kurdi_tokenizer(std::string_view spec) {
    return spec == "kurdi" || spec.starts_with("kurdi ");
  }

  void configure_for_writing() const {
    // WAL: searches go on while a batch is written. synchronous=FULL: a
    // committed batch survives power loss, as `kurdi index` promises.
    connection.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
  }

  void create() {
    configure_for_writing();
    connection.exec("BEGIN IMMEDIATE");
    schema::migrate(connection, 0, options.tokenizer);
    set_meta("tokenizer", options.tokenizer);
    set_meta("analyzer_version", expected_analyzer(options.tokenizer));
    set_meta("created_by", std::string("kurdi ") + std::string(kurdi::version()));
    set_meta("created_at", utc_now());
    connection.exec("COMMIT");
  }

  void begin_batch() {
    statistics.invalidate();  // this connection sees its own uncommitted writes
    if (in_batch) return;
    connection.exec("BEGIN IMMEDIATE");
    in_batch = true;
    bounds_dropped = false;
  }

  // --- Block bounds -----------------------------------------------------------
  //
  // FTS5 ranks by scoring every document its MATCH lets in, in rowid order,
  // and a query of common words lets in most of the archive. The bounds let
  // search() skip most of it, exactly. For each term in at least
  // kBoundTermShare of the documents, term_bounds holds, per block of
  // 2^bits rowids, the largest BM25 tf part bm25_tf(tf, length, average
  // length) of any document of the block (0 when no document of the block
  // holds the term), computed by kurdi_bound_part with
  // kurdi_bm25's own arithmetic, as doubles. A document of block B then scores at most
  //
  //   bound(B) = c * sum over the query's items s of
  //              max over the terms p of s of weight_p * idf_p * part_p(B)
  //
  // (k1 + 1 in place of part_p(B) for a term without bounds; c the share of
  // the items with a part above 0 in B when coordination is on; 0 when a
  // group has no such item: no document of B matches the AND). search()
  // ranks block by block, highest bound first, each block in one statement
  // with kurdi_bm25's "top K F" pruning, and stops when the next bound
  // cannot reach the K-th hit so far (strictly below it, or equal with every
  // rowid of the block after the K-th hit's: ties go to the lower rowid).
  //
  // The bounds hold for the documents they were computed from, with FTS5's
  // average length of then. The meta key 'bounds' records "bits max_doc
  // documents"; an update or a delete drops them (a delete of the last row
  // lets SQLite reuse its rowid). Archive::optimize and reindex build them.
  //
  // Documents added since (a small `kurdi index` run on a large archive)
  // leave them in use: an added document gets a rowid above max_doc (rowids
  // grow, and nothing was deleted), so the documents at or below it are the
  // ones the bounds and postings were built from, unchanged. What changed
  // is FTS5's totals and the terms' document counts, and the added rowids.
  //   - The idf comes from the plan's counts, as kurdi_bm25's does: stored
  //     counts plus the term's added documents (Frequencies).
  //   - A stored part bm25_tf(tf, len, avg_then) bounds the part of now
  //     times max(1, avg_now / avg_then): with r = avg_now / avg_then >= 1,
  //     the denominator tf + k1 (1 - b + b len / avg_now) is at least
  //     (tf + k1 (1 - b + b len / avg_then)) / r; when the average falls,
  //     every part falls (BlockBounds::scale, a hair above r for rounding).
  //   - The added documents are ranked and counted through FTS5 (rowid >
  //     max_doc), before the blocks, which never reach above max_doc.
  // The same results as scoring every match (exact_ranking_test, "added
  // documents"), at the cost of one statement over the added rowids.

  void drop_bounds() {
    if (bounds_dropped) return;
    connection.exec(
        "DELETE FROM term_bounds; DELETE FROM term_postings; DELETE FROM document_lengths; "
        "DELETE FROM meta WHERE key IN ('bounds', 'postings');");
    bounds_dropped = true;
  }

  // FTS5's 'optimize': every segment of the full-text index merged into one
  // (Archive::optimize).
  void merge_segments() { connection.exec("INSERT INTO documents_fts(documents_fts) VALUES('optimize')"); }

  // Archive::optimize's work, in the current transaction.
  void optimize_index() {
    merge_segments();
    // Only kurdi_bm25 rankings use them (a baseline tokenizer ranks with FTS5's bm25).
    if (options.tokenizer == "kurdi") build_bounds(kBoundBlockBits);
  }

  // FTS5's automerge (kUsualAutomerge, kRunAutomerge), kept in the index's
  // configuration: for every connection, until set again.
  void set_automerge(int segments) {
    const std::string sql =
        "INSERT INTO documents_fts(documents_fts, rank) VALUES('automerge', " + std::to_string(segments) + ")";
    connection.exec(sql.c_str());
  }

  // FTS5's 'merge' until no level holds usermerge (4, FTS5's default)
  // segments, the shape the usual merging keeps the index in, at the end
  // of a run that merged lazily. A step that merged anything counts two
  // changes or more (FTS5's documentation of 'merge').
  void level_segments() {
    for (;;) {
      const sqlite3_int64 before = sqlite3_total_changes64(connection.get());
      connection.exec("INSERT INTO documents_fts(documents_fts, rank) VALUES('merge', 1000)");
      if (sqlite3_total_changes64(connection.get()) - before < 2) return;
    }
  }

  // How many segments the full-text index has (fts5::structure_segments);
  // 0 when the record cannot be read.
  std::uint64_t index_segments() const {
    db::Statement s(connection, "SELECT block FROM documents_fts_data WHERE id = 10");
    return s.step() ? fts5::structure_segments(s.blob(0)) : 0;
  }

  void build_bounds(int bits) {
    drop_bounds();
    bounds_dropped = false;
    const std::int64_t documents = pragma("SELECT count(*) FROM documents");
    const std::int64_t max_doc = pragma("SELECT coalesce(max(doc), 0) FROM documents");
    if (documents == 0 || max_doc <= 0 || max_doc > (std::int64_t{1} << 31)) return;
    // Every document's length in tokens (all columns): FTS5's docsize rows
    // are one SQLite varint per column (big-endian groups of 7 bits, the
    // high bit set on every byte but the last; lengths never need the
    // ninth byte).
    std::vector<std::uint32_t> lengths(static_cast<std::size_t>(max_doc) + 1, 0);
    {
      db::Statement sizes(connection, "SELECT id, sz FROM documents_fts_docsize");
      while (sizes.step()) {
        const std::int64_t id = sizes.integer(0);
        if (id < 0 || id > max_doc) continue;
        const std::string_view sz = sizes.blob(1);
        std::int64_t total = 0;
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < sz.size() && fts5::read_sqlite_varint(sz, i, v);)
          total += static_cast<std::int64_t>(v);
        lengths[static_cast<std::size_t>(id)] = static_cast<std::uint32_t>(std::min<std::int64_t>(total, 1 << 30));
      }
    }
    connection.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.kurdi_bounds_vocab USING fts5vocab(main, documents_fts, row)");
    // FTS5's totals, as kurdi_bm25 reads them: its N and average length
    // (through a MATCH of any term).
    std::uint64_t rows = 0, tokens = 0;
    {
      db::Statement first(connection, "SELECT term FROM temp.kurdi_bounds_vocab LIMIT 1");
      if (!first.step()) return;
      if (!index_totals_through(first.text(0), rows, tokens))
        throw ArchiveError(Kind::sqlite, "cannot read the full-text index's totals of " + path);
    }
    const double average_length = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 0;
    const auto min_documents =
        static_cast<std::uint64_t>(std::ceil(kBoundTermShare * static_cast<double>(documents)));
    const std::size_t blocks = static_cast<std::size_t>(max_doc >> bits) + 1;
    db::Statement insert_bounds(connection, "INSERT INTO term_bounds(term, blocks) VALUES(?1, ?2)");
    db::Statement insert_postings(connection,
                                  "INSERT INTO term_postings(term, documents, blocks, postings) VALUES(?1, ?2, ?3, ?4)");
    std::vector<double> bound;
    TermPostings postings;
    // The postings are stored little-endian and hold whole counts (the
    // column weights 3 and 1 make every count whole); otherwise there are
    // none and searches use FTS5 (and the bounds) alone.
    bool with_postings = std::endian::native == std::endian::little;
    std::uint64_t stored = 0;
    const auto store = [&](std::string_view term, bool whole) {
      with_postings = whole && with_postings;
      insert_bounds.bind(1, term).bind_blob(2, bound.data(), bound.size() * sizeof(double)).run();
      if (with_postings)
        insert_postings.bind(1, term)
            .bind(2, static_cast<std::int64_t>(postings.documents))
            .bind_blob(3, postings.starts.data(), postings.starts.size() * sizeof(std::uint32_t))
            .bind_blob(4, postings.bytes.data(), postings.bytes.size())
            .run();
      ++stored;
    };
    // An optimized index is one segment, read in one pass
    // (fts5_segment.hpp): the bounds and postings then take a third to a
    // quarter of the time of a MATCH per term, each scored with
    // kurdi_phrase_tf (1 GB: 3.4-4.3 s against 11.4-19.1 s;
    // docs/benchmarks.md, "Runs and one-pass bounds"). Any other index is
    // read term by term through FTS5.
    const bool read_whole = fts5::read_single_segment(
        connection, "documents_fts", kColumnWeights,
        [&](std::string_view term, const std::vector<fts5::Posting>& list) {
          if (list.size() < min_documents) return;
          TermBlocks term_blocks(path, bits, blocks, lengths, average_length, postings, bound);
          for (const fts5::Posting& p : list) term_blocks.add(p.rowid, p.tf);
          store(term, term_blocks.finish());
        });
    if (!read_whole) {
      connection.exec("DELETE FROM term_bounds; DELETE FROM term_postings;");
      with_postings = std::endian::native == std::endian::little;
      stored = 0;
      std::vector<std::string> terms;
      {
        db::Statement vocab(connection, "SELECT term FROM temp.kurdi_bounds_vocab WHERE doc >= ?1");
        vocab.bind(1, static_cast<std::int64_t>(min_documents));
        while (vocab.step()) terms.emplace_back(vocab.text(0));
      }
      for (const std::string& term : terms)
        store(term, read_term(term, bits, blocks, lengths, average_length, postings, bound));
    }
    if (stored == 0) return;
    set_meta("bounds", std::to_string(bits) + " " + std::to_string(max_doc) + " " + std::to_string(documents));
    if (with_postings) {
      db::Statement insert(connection, "INSERT INTO document_lengths(id, lengths) VALUES(0, ?1)");
      insert.bind_blob(1, lengths.data(), lengths.size() * sizeof(std::uint32_t)).run();
      set_meta("postings", std::to_string(rows) + " " + std::to_string(tokens));
    } else {
      connection.exec("DELETE FROM term_postings");
    }
  }

  // One term's postings (see "Postings of common terms" below): where each
  // block of 2^bits rowids starts in `bytes` (and where the last ends), and
  // per document holding the term, by rowid, the LEB128 gap from the
  // previous one (from the block's first rowid for a block's first) and
  // the LEB128 column-weighted count.
  struct TermPostings {
    std::vector<std::uint32_t> starts;
    std::string bytes;
    std::uint64_t documents = 0;
    std::vector<double> parts;  // a term read for a search: its bound parts per block (stored ones have theirs)
  };

  // Builds a term's postings into `out` and, per block, the largest BM25 tf
  // part bm25_tf(count, length, average length) of its documents into
  // `bound` (0 for a block without the term), kurdi_bm25's arithmetic, from
  // its documents given by rowid. `lengths` holds every document's length,
  // by rowid; a rowid beyond it is an error.
  class TermBlocks {
   public:
    TermBlocks(const std::string& path, int bits, std::size_t blocks, const std::vector<std::uint32_t>& lengths,
               double average_length, TermPostings& out, std::vector<double>& bound)
        : path_(path), bits_(bits), blocks_(blocks), lengths_(lengths), average_length_(average_length), out_(out),
          bound_(bound) {
      bound_.assign(blocks_, 0.0);
      out_.starts.resize(blocks_ + 1);
      out_.bytes.clear();
      out_.documents = 0;
    }

    void add(std::int64_t row, double tf) {
      const auto max_doc = static_cast<std::int64_t>(lengths_.size()) - 1;
      if (row < 0 || row > max_doc || row <= previous_ || static_cast<std::size_t>(row >> bits_) >= blocks_)
        throw ArchiveError(Kind::sqlite, "the full-text index of " + path_ + " lists rowid " + std::to_string(row) +
                                             " out of order or out of range for a term: run `kurdi check`");
      const std::size_t block = static_cast<std::size_t>(row >> bits_);
      double& b = bound_[block];
      b = std::max(b, search::bm25_tf(tf, lengths_[static_cast<std::size_t>(row)], average_length_,
                                      search::RankingOptions{}));
      const bool first_in_block = next_block_ <= block;
      while (next_block_ <= block) out_.starts[next_block_++] = static_cast<std::uint32_t>(out_.bytes.size());
      put_varint(out_.bytes, static_cast<std::uint64_t>(
                                 row - (first_in_block ? static_cast<std::int64_t>(block) << bits_ : previous_)));
      if (!(tf >= 0 && tf < 4294967296.0 && tf == std::floor(tf))) whole_ = false;
      put_varint(out_.bytes, static_cast<std::uint64_t>(std::max(tf, 0.0)));
      previous_ = row;
      ++out_.documents;
    }

    // False when a count is not whole or the postings outgrow their
    // offsets (`out` is then of no use; the bounds are).
    bool finish() {
      if (out_.bytes.size() > std::numeric_limits<std::uint32_t>::max()) whole_ = false;
      while (next_block_ <= blocks_) out_.starts[next_block_++] = static_cast<std::uint32_t>(out_.bytes.size());
      return whole_;
    }

   private:
    const std::string& path_;
    int bits_;
    std::size_t blocks_;
    const std::vector<std::uint32_t>& lengths_;
    double average_length_;
    TermPostings& out_;
    std::vector<double>& bound_;
    std::size_t next_block_ = 0;
    std::int64_t previous_ = -1;
    bool whole_ = true;
  };

  // One term's TermBlocks, its documents read from the index through FTS5.
  // False when a count is not whole or the postings outgrow their offsets.
  bool read_term(const std::string& term, int bits, std::size_t blocks, const std::vector<std::uint32_t>& lengths,
                 double average_length, TermPostings& out, std::vector<double>& bound) const {
    // FTS5 walks a term's doclist by rowid: ORDER BY rowid costs no sort.
    // Documents added after the bounds (rowids above `lengths`) are not
    // the blocks' (see "Documents added since"). The weights are
    // kColumnWeights.
    db::Statement& counts = cached(
        "SELECT rowid, kurdi_phrase_tf(documents_fts, 3.0, 1.0) FROM documents_fts "
        "WHERE documents_fts MATCH ?1 AND rowid <= ?2 ORDER BY rowid");
    TermBlocks term_blocks(path, bits, blocks, lengths, average_length, out, bound);
    counts.bind(1, term_match(term)).bind(2, static_cast<std::int64_t>(lengths.size()) - 1);
    while (counts.step()) term_blocks.add(counts.integer(0), counts.real(1));
    counts.reset();
    return term_blocks.finish();
  }

  // A MATCH expression for one stored index term (fts5vocab's spelling).
  static std::string term_match(std::string_view term) {
    std::string match = "\"";
    match.append(search::term_marker);
    for (const char c : term) {
      if (c == '"') match.push_back('"');
      match.push_back(c);
    }
    match.push_back('"');
    return match;
  }

  struct BlockBounds {
    int bits = 0;
    std::int64_t max_doc = 0;
    // Documents added since the bounds were built (rowids above max_doc).
    std::uint64_t added = 0;
    // FTS5's totals now, which kurdi_bm25 scores with (0 when the archive
    // has no postings and nothing was added).
    std::uint64_t rows = 0, tokens = 0;
    // What a stored bound part is multiplied by to bound a part of now.
    double scale = 1;
  };

  // The bounds, when they describe the documents as they are now, or as
  // they were before documents were added ("Documents added since").
  std::optional<BlockBounds> valid_bounds() const {
    const std::string value = meta("bounds");
    if (value.empty()) return std::nullopt;
    BlockBounds b;
    long long max_doc = 0, documents = -1;
    if (std::sscanf(value.c_str(), "%d %lld %lld", &b.bits, &max_doc, &documents) != 3) return std::nullopt;
    b.max_doc = max_doc;
    if (b.bits < 0 || b.bits > 30 || b.max_doc <= 0 || documents <= 0) return std::nullopt;
    db::Statement& added = cached("SELECT count(*) FROM documents WHERE doc > ?1");
    added.bind(1, b.max_doc);
    b.added = added.step() ? static_cast<std::uint64_t>(added.integer(0)) : 0;
    added.reset();
    statistics.refresh();  // a writer's own batches do not show in PRAGMA data_version
    if (static_cast<std::uint64_t>(documents) + b.added != statistics.documents()) return std::nullopt;
    // FTS5's totals when the postings were built ("ROWS TOKENS").
    unsigned long long then_rows = 0, then_tokens = 0;
    const bool totals_known = std::sscanf(meta("postings").c_str(), "%llu %llu", &then_rows, &then_tokens) == 2 &&
                              then_rows == static_cast<unsigned long long>(documents);
    if (b.added == 0) {
      if (totals_known) {
        b.rows = then_rows;
        b.tokens = then_tokens;
      }
      return b;
    }
    if (!totals_known || then_tokens == 0) return std::nullopt;  // no average of then to scale from
    if (!index_totals_now(b.rows, b.tokens) || b.rows != static_cast<std::uint64_t>(documents) + b.added)
      return std::nullopt;
    const double then_average = static_cast<double>(then_tokens) / static_cast<double>(then_rows);
    const double now_average = static_cast<double>(b.tokens) / static_cast<double>(b.rows);
    // A relative 1e-9 above the ratio covers the few ulps by which the
    // rounded parts of now may exceed the exact bound.
    if (now_average > then_average) b.scale = now_average / then_average * (1 + 1e-9);
    return b;
  }

  // FTS5's totals, as kurdi_bm25 reads them (kurdi_index_totals needs a
  // MATCH: any term with bounds has documents). False when they cannot be
  // read.
  bool index_totals_now(std::uint64_t& rows, std::uint64_t& tokens) const {
    db::Statement& any = cached("SELECT term FROM term_bounds LIMIT 1");
    if (!any.step()) return false;
    const std::string term(any.text(0));
    any.reset();
    return index_totals_through(term, rows, tokens);
  }

  // FTS5's totals through a MATCH of `term`, one of the index's terms.
  bool index_totals_through(std::string_view term, std::uint64_t& rows, std::uint64_t& tokens) const {
    db::Statement& totals = cached(
        "SELECT kurdi_index_totals(documents_fts) FROM documents_fts WHERE documents_fts MATCH ?1 LIMIT 1");
    totals.bind(1, term_match(term));
    unsigned long long r = 0, t = 0;
    const bool read = totals.step() && std::sscanf(std::string(totals.text(0)).c_str(), "%llu %llu", &r, &t) == 2;
    totals.reset();
    rows = r;
    tokens = t;
    return read;
  }

  // The blocks in the order to rank them, highest bound first (ties: lower
  // rowids first), with their bounds (see "Block bounds"), leaving out
  // those in which no document matches the AND; nullopt when an item is a
  // phrase or a prefix, or a term with documents has no bounds.
  // `computed` holds the parts of terms without stored bounds, when the
  // caller has read them (rank_by_postings).
  std::optional<std::vector<std::pair<double, std::size_t>>> block_order(
      const search::QueryPlan& plan, const BlockBounds& b,
      const std::unordered_map<std::string, std::vector<double>>* computed = nullptr) const {
    const std::size_t blocks = static_cast<std::size_t>(b.max_doc >> b.bits) + 1;
    const search::RankingOptions& ranking_options = plan.options;

    // Each item's bound per block, items numbered as kurdi_bm25's slots.
    std::vector<std::vector<double>> item_bounds;
    std::vector<std::size_t> group_of;
    for (std::size_t g = 0; g < plan.groups.size(); ++g)
      for (const search::PlannedItem& item : plan.groups[g]) {
        if (item.terms.empty()) return std::nullopt;  // a phrase or a prefix: no bounds
        std::vector<double>& bound = item_bounds.emplace_back(blocks, 0.0);
        group_of.push_back(g);
        for (const search::PlannedTerm& t : item.terms) {
          if (t.df == 0) continue;  // in no document: scores nothing
          const double top = t.weight * search::idf(t.df, plan.documents);
          const std::string stored = search::stored_term(t.term);
          const auto known = computed ? computed->find(stored) : decltype(computed->end()){};
          const std::vector<double> parts =
              computed && known != computed->end() ? known->second : term_bound(stored, blocks);
          // A term without bounds is in fewer than kBoundTermShare of the
          // documents. With k1 + 1 (BM25's ceiling) in the blocks that hold
          // it, the search seldom stops before the last block, and a
          // statement per block then costs more than one over them all
          // (measured on the 1 GB bench archive: 94 -> 416 ms for
          // `گران بەشی`): such a query is left to the deferral.
          if (parts.empty()) return std::nullopt;
          for (std::size_t i = 0; i < blocks; ++i) bound[i] = std::max(bound[i], top * (parts[i] * b.scale));
        }
      }
    const std::size_t items = item_bounds.size();
    std::vector<std::pair<double, std::size_t>> order;  // (bound, block)
    for (std::size_t i = 0; i < blocks; ++i) {
      std::vector<bool> group_hit(plan.groups.size(), false);
      double sum = 0;
      std::size_t possible = 0;
      for (std::size_t s = 0; s < items; ++s) {
        sum += item_bounds[s][i];
        if (item_bounds[s][i] > 0) {
          ++possible;
          group_hit[group_of[s]] = true;
        }
      }
      if (std::find(group_hit.begin(), group_hit.end(), false) != group_hit.end()) continue;  // no match here
      if (ranking_options.coordination) sum *= static_cast<double>(possible) / static_cast<double>(items);
      // kurdi_bm25's arithmetic in kurdi_bm25's order, each operand at
      // least as large (rounding is monotone), so no score of the block
      // exceeds it, and the block's best document of a one-term item
      // reaches it exactly: copies of it in other blocks tie, and the tie
      // rule of the rankers stops at them. The idf is kurdi_bm25's too: its
      // df comes from the plan, and FTS5's row count equals plan.documents
      // (the deferral relies on the same).
      order.emplace_back(sum, i);
    }
    std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
      return x.first > y.first || (x.first == y.first && x.second < y.second);
    });
    return order;
  }

  // Whether a page of `wanted` hits, `best`, is settled before a block that
  // starts at rowid `lo` with bound `bound`: the block's documents score at
  // most `bound`, and a tie goes to the lower rowid.
  static bool page_settled(const Ranked& best, std::uint64_t wanted, double bound, std::int64_t lo) {
    return best.size() == wanted &&
           (bound < best.back().second || (bound == best.back().second && lo > best.back().first));
  }

  // The best `wanted` hits of `full` (the full match, or a narrow one: a
  // subset of it, which the same bounds bound), ranked block by block (see
  // "Block bounds"); nullopt when the bounds do not apply (none, stale, an
  // item that is a phrase or a prefix, or a match that can reach fewer
  // than kBlockSearchBlocks blocks' worth of documents).
  std::optional<Ranked> rank_by_blocks(const search::QueryPlan& plan, const kurdi::sqlite::RankedMatch& full,
                                       double reach, std::uint64_t wanted, const SearchRequest& request) const {
    if (wanted == 0) return std::nullopt;
    const std::optional<BlockBounds> b = valid_bounds();
    if (!b) return std::nullopt;
    const std::int64_t block_size = std::int64_t{1} << b->bits;
    if (reach < kBlockSearchBlocks * static_cast<double>(block_size)) return std::nullopt;
    const std::optional<std::vector<std::pair<double, std::size_t>>> order = block_order(plan, *b);
    if (!order) return std::nullopt;

    const bool filtered = !request.from.empty() || !request.to.empty() || !request.source.empty();
    std::string sql = filtered ? "SELECT f.rowid, kurdi_bm25(documents_fts, ?7, 3.0, 1.0) AS score FROM documents_fts f "
                                 "CROSS JOIN documents d ON d.doc = f.rowid WHERE documents_fts MATCH ?1 "
                                 "AND f.rowid BETWEEN ?2 AND ?3 "
                               : "SELECT rowid, kurdi_bm25(documents_fts, ?7, 3.0, 1.0) AS score FROM documents_fts "
                                 "WHERE documents_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 ";
    if (filtered) sql.append(kFilterClauses);
    sql.append("ORDER BY score DESC, 1 LIMIT ?8");
    db::Statement s(connection, sql.c_str());
    Ranked best;
    std::string ranking;
    char floor[64];
    int ranked_statements = 0;
    // The documents added since the bounds were built have none: ranked
    // first, as if their bound were infinite; the blocks stop at max_doc.
    const bool tail = b->added > 0;
    for (std::size_t step = tail ? 0 : 1; step <= order->size(); ++step) {
      std::int64_t lo = 0, hi = 0;
      if (step == 0) {
        lo = b->max_doc + 1;
        hi = std::numeric_limits<std::int64_t>::max();
      } else {
        const auto& [bound, block] = (*order)[step - 1];
        lo = static_cast<std::int64_t>(block) << b->bits;
        hi = std::min(lo + block_size - 1, b->max_doc);
        if (page_settled(best, wanted, bound, lo)) break;
      }
      const bool full_page = best.size() == wanted;
      // The bounds are not stopping it (items whose best documents differ
      // make a sum of maxima that few documents reach): the rest in one
      // statement over every rowid, pruned by the page so far. Rows of the
      // blocks already ranked come back with the same scores and are
      // dropped as duplicates below.
      const bool last = step > 0 && ++ranked_statements > kMaxBlockStatements;
      if (last) {
        lo = 0;
        hi = b->max_doc;
      }
      // With a full page, rows below its last score are not wanted either
      // ("top K F"; the shortest decimal that reads back as the same double).
      ranking.assign("top ").append(std::to_string(wanted));
      if (full_page) {
        const auto r = std::to_chars(floor, floor + sizeof floor, best.back().second);
        ranking.push_back(' ');
        ranking.append(floor, r.ptr);
      }
      ranking.push_back(';');
      ranking.append(full.ranking);
      s.bind(1, full.match).bind(2, lo).bind(3, hi).bind(7, ranking);
      s.bind(8, static_cast<std::int64_t>(wanted));
      if (filtered) s.bind(4, request.from).bind(5, request.to).bind(6, request.source);
      while (s.step()) best.emplace_back(s.integer(0), s.real(1));
      s.reset();
      std::sort(best.begin(), best.end(), ranks_before);
      if (last)  // a row has one score: duplicates are neighbours
        best.erase(std::unique(best.begin(), best.end(), [](const auto& x, const auto& y) { return x.first == y.first; }),
                   best.end());
      if (best.size() > wanted) best.resize(wanted);
      if (last) break;
    }
    return best;
  }

  // The bounds, when the stored postings are valid with them.
  std::optional<BlockBounds> valid_postings() const {
    std::optional<BlockBounds> b = valid_bounds();
    if (b && meta("postings").empty()) b.reset();
    return b;
  }

  // Document frequencies for plan_query and reaches(): a term with stored
  // postings has its count in term_postings, one small lookup, plus its
  // documents added since (counted in FTS5 over their rowids); any other
  // comes from FTS5's vocabulary (Fts5Statistics), which counts a term by
  // walking its whole doclist: 13-24 ms for each of the commonest terms of
  // the 1 GB bench archive, once per connection, more than a search takes.
  class Frequencies final : public search::TermStatistics {
   public:
    explicit Frequencies(const Impl& impl) : impl_(impl), bounds_(impl.valid_postings()) {}
    std::uint64_t documents() override { return impl_.statistics.documents(); }
    std::uint64_t documents_with(std::string_view term) override {
      if (const std::optional<std::uint64_t> known = impl_.statistics.cached(term)) return *known;
      if (bounds_) {
        db::Statement& s = impl_.cached("SELECT documents FROM term_postings WHERE term = ?1");
        s.bind(1, term);
        const bool found = s.step();
        auto n = static_cast<std::uint64_t>(found ? s.integer(0) : 0);
        s.reset();
        if (found) {
          if (bounds_->added > 0) n += impl_.added_documents_with(term, *bounds_);
          impl_.statistics.remember(term, n);
          return n;
        }
      }
      return impl_.statistics.documents_with(term);
    }
    // Whether the archive's postings are valid (and their counts used).
    bool stored() const noexcept { return bounds_.has_value(); }

   private:
    const Impl& impl_;
    std::optional<BlockBounds> bounds_;
  };

  // How many of the documents added since the bounds were built hold `term`.
  std::uint64_t added_documents_with(std::string_view term, const BlockBounds& b) const {
    db::Statement& s = cached("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?1 AND rowid > ?2");
    s.bind(1, term_match(term)).bind(2, b.max_doc);
    const auto n = static_cast<std::uint64_t>(s.step() ? s.integer(0) : 0);
    s.reset();
    return n;
  }

  // --- Postings of common terms ------------------------------------------------
  //
  // The block bounds stop a query early only when a block's bound, a sum of
  // each item's best part in the block, is near what one document reaches.
  // For a pair of common words (`لە ئەوە`, most of the archive matches
  // both) different documents reach the two parts, few blocks are passed
  // over, and every block ranked through FTS5 costs a statement (about
  // 0.3-2 ms beyond its rows) while the rest in one statement walks every
  // match (0.7 us a row: 150-300 ms on the 1 GB bench archive).
  //
  // So the archive also keeps, for each term with bounds, its postings
  // (term_postings: each document's column-weighted count, as
  // kurdi_phrase_tf counts it, grouped by the bounds' blocks), every
  // document's length (document_lengths) and FTS5's totals (meta
  // 'postings': "ROWS TOKENS"). A query whose every term is such a term
  // (no phrase, prefix, exclusion or filter) is ranked here, block by
  // block in the bounds' order, each block decoded from memory and scored
  // with kurdi_bm25's own arithmetic (kurdi::sqlite::RankingScorer), with
  // no statement per block and no stop but the bounds'. Exact: the same
  // documents (a document matches a group when it holds one of its terms)
  // and the same scores, bit for bit (tests/archive/exact_ranking_test.cpp).
  // Built, kept and dropped with the bounds (build_bounds, drop_bounds).

  struct PostingsData {
    std::string key;  // what it was read for (postings_data())
    std::vector<std::uint32_t> lengths;
    std::uint64_t rows = 0, tokens = 0;
  };
  mutable std::optional<PostingsData> postings_data_;
  // Stored postings read by earlier searches, while postings_data_ holds
  // (a common term's are up to about 0.6 MB on the 1 GB bench archive, and
  // copying them out of SQLite's overflow pages for every search cost more
  // than ranking from them), at most kPostingsCacheBytes of them.
  mutable std::unordered_map<std::string, std::shared_ptr<const TermPostings>> postings_cache_;
  mutable std::size_t postings_cache_bytes_ = 0;

  // The documents' lengths and FTS5's totals, read once while the archive
  // is unchanged; null when the archive has no valid postings.
  const PostingsData* postings_data(const BlockBounds& b) const {
    if (std::endian::native != std::endian::little) return nullptr;  // stored little-endian
    const std::string totals = meta("postings");
    if (totals.empty()) return nullptr;
    const std::string key = std::to_string(pragma("PRAGMA data_version")) + " " + meta("bounds") + " " + totals;
    if (postings_data_ && postings_data_->key == key) return &*postings_data_;
    postings_data_.reset();
    postings_cache_.clear();
    postings_cache_bytes_ = 0;
    PostingsData d;
    d.key = key;
    unsigned long long rows = 0, tokens = 0;
    if (std::sscanf(totals.c_str(), "%llu %llu", &rows, &tokens) != 2) return nullptr;
    d.rows = rows;
    d.tokens = tokens;
    db::Statement s(connection, "SELECT lengths FROM document_lengths WHERE id = 0");
    if (!s.step()) return nullptr;
    const std::string_view blob = s.blob(0);
    if (blob.size() != (static_cast<std::size_t>(b.max_doc) + 1) * sizeof(std::uint32_t)) return nullptr;
    d.lengths.resize(static_cast<std::size_t>(b.max_doc) + 1);
    std::memcpy(d.lengths.data(), blob.data(), blob.size());
    postings_data_ = std::move(d);
    return &*postings_data_;
  }

  // A term's postings (false when it has none, or they do not fit `blocks`).
  bool term_postings(std::string_view term, std::size_t blocks, TermPostings& out) const {
    db::Statement& s = cached("SELECT blocks, postings FROM term_postings WHERE term = ?1");
    s.bind(1, term);
    bool ok = false;
    if (s.step()) {
      const std::string_view starts = s.blob(0);
      if (starts.size() == (blocks + 1) * sizeof(std::uint32_t)) {
        out.starts.resize(blocks + 1);
        std::memcpy(out.starts.data(), starts.data(), starts.size());
        out.bytes.assign(s.blob(1));
        ok = std::is_sorted(out.starts.begin(), out.starts.end()) && out.starts.back() == out.bytes.size();
      }
    }
    s.reset();
    return ok;
  }

  // term_postings() through postings_cache_; null when the term has none.
  std::shared_ptr<const TermPostings> cached_postings(const std::string& term, std::size_t blocks) const {
    if (const auto found = postings_cache_.find(term); found != postings_cache_.end()) return found->second;
    auto p = std::make_shared<TermPostings>();
    if (!term_postings(term, blocks, *p)) return nullptr;
    remember_postings(term, p);
    return p;
  }

  // read_term() through postings_cache_ (a rarer term read for a search is
  // often read again for the count that follows); null when the counts are
  // not whole.
  std::shared_ptr<const TermPostings> cached_read(const std::string& term, const BlockBounds& b, std::size_t blocks,
                                                  const PostingsData& data) const {
    if (const auto found = postings_cache_.find(term); found != postings_cache_.end()) return found->second;
    auto p = std::make_shared<TermPostings>();
    const double average_length =
        data.rows > 0 ? static_cast<double>(data.tokens) / static_cast<double>(data.rows) : 0;
    if (!read_term(term, b.bits, blocks, data.lengths, average_length, *p, p->parts)) return nullptr;
    remember_postings(term, p);
    return p;
  }

  static std::size_t cost(const std::string& term, const TermPostings& p) {
    return term.size() + p.bytes.size() + p.starts.size() * sizeof(std::uint32_t) + p.parts.size() * sizeof(double);
  }

  void remember_postings(const std::string& term, const std::shared_ptr<const TermPostings>& p) const {
    const std::size_t bytes = cost(term, *p);
    if (bytes > kPostingsCacheBytes) return;
    // Over the budget: make room by dropping entries (any: no recency is
    // kept; the commonest terms come back at once).
    while (!postings_cache_.empty() && postings_cache_bytes_ + bytes > kPostingsCacheBytes) {
      const auto victim = postings_cache_.begin();
      postings_cache_bytes_ -= cost(victim->first, *victim->second);
      postings_cache_.erase(victim);
    }
    postings_cache_.emplace(term, p);
    postings_cache_bytes_ += bytes;
  }

  // A query's full match, ready to be matched in memory: each phrase's
  // postings (stored, or read now for a rarer term), its group, and the
  // bound parts of the terms read now.
  struct MemoryMatch {
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    BlockBounds bounds;
    const PostingsData* data = nullptr;
    std::size_t blocks = 0, block_size = 0, phrases = 0;
    std::vector<std::shared_ptr<const TermPostings>> loaded;
    std::vector<std::size_t> source;       // per phrase: its postings in `loaded`, or kNone (in no document)
    std::vector<std::uint64_t> group_bit;  // per phrase: its group's bit
    std::vector<std::size_t> live;         // the phrases in some document
    std::uint64_t every_group = 0;
    std::unordered_map<std::string, std::vector<double>> computed;

    // Whether a document of `block` can match: every group has a phrase
    // with postings in it.
    bool may_match(std::size_t block) const {
      std::uint64_t groups = 0;
      for (const std::size_t i : live)
        if (loaded[source[i]]->starts[block] < loaded[source[i]]->starts[block + 1]) groups |= group_bit[i];
      return groups == every_group;
    }
  };

  // Per document of a block (by rowid - its first rowid): the block it was
  // last seen in, its groups, and each phrase's count.
  struct BlockScratch {
    std::vector<std::uint32_t> seen;
    std::vector<std::uint64_t> hit;
    std::vector<double> tf;
    std::vector<std::uint32_t> touched;  // the documents of the block, in the order found
    std::uint32_t visit = 0;
    explicit BlockScratch(const MemoryMatch& m)
        : seen(m.block_size, 0), hit(m.block_size, 0), tf(m.block_size * m.phrases, 0.0) {}
  };

  // The match in memory of the full match `full` of `plan`, with its
  // ranking read into `scorer`; nullopt when it does not apply (see
  // "Postings of common terms").
  std::optional<MemoryMatch> match_in_memory(const search::QueryPlan& plan, const kurdi::sqlite::RankedMatch& full,
                                             kurdi::sqlite::RankingScorer& scorer) const {
    if (plan.groups.empty() || plan.groups.size() > 64) return std::nullopt;
    const std::optional<BlockBounds> b = valid_bounds();
    if (!b) return std::nullopt;
    MemoryMatch m;
    m.bounds = *b;
    m.data = postings_data(*b);
    // Scored with FTS5's totals of now (kurdi_bm25's); m.data's are those
    // the stored bounds were computed with.
    if (m.data == nullptr || !scorer.parse(full.ranking, b->rows, b->tokens)) return std::nullopt;
    m.phrases = scorer.phrases();
    if (m.phrases != full.terms.size()) return std::nullopt;
    std::vector<std::size_t> group_of_slot;
    for (std::size_t g = 0; g < plan.groups.size(); ++g) group_of_slot.insert(group_of_slot.end(), plan.groups[g].size(), g);
    m.blocks = static_cast<std::size_t>(b->max_doc >> b->bits) + 1;
    m.block_size = std::size_t{1} << b->bits;

    // Each distinct term once: its stored postings, or none yet (kNone).
    std::unordered_map<std::string, std::size_t> loaded_of;
    std::vector<std::string> missing;  // terms with documents and no stored postings
    for (std::size_t i = 0; i < m.phrases; ++i) {
      const int slot = scorer.slot(i);
      // An exclusion (slot -1), or a phrase or prefix of the query's text.
      if (slot < 0 || full.terms[i].empty() || static_cast<std::size_t>(slot) >= group_of_slot.size())
        return std::nullopt;
      const std::string& term = full.terms[i];
      if (loaded_of.contains(term)) continue;
      std::shared_ptr<const TermPostings> p = cached_postings(term, m.blocks);
      if (p && p->parts.empty()) {
        loaded_of.emplace(term, m.loaded.size());
        m.loaded.push_back(std::move(p));
      } else {
        loaded_of.emplace(term, MemoryMatch::kNone);
        if (statistics.documents_with(term) > 0) missing.push_back(term);
      }
    }
    // The rarer terms are read from the index now, with their bounds, when
    // there are few of their documents and a common term is in the query
    // (a query of rarer terms only is FTS5's: the AND of its doclists is
    // small already).
    if (m.loaded.empty()) return std::nullopt;
    std::uint64_t rarer_documents = 0;
    for (const std::string& term : missing) rarer_documents += statistics.documents_with(term);
    if (static_cast<double>(rarer_documents) > kMaxReadShare * static_cast<double>(plan.documents)) return std::nullopt;
    for (const std::string& term : missing) {
      std::shared_ptr<const TermPostings> p = cached_read(term, *b, m.blocks, *m.data);
      if (!p) return std::nullopt;
      m.computed.emplace(term, p->parts);
      loaded_of[term] = m.loaded.size();
      m.loaded.push_back(std::move(p));
    }
    m.source.assign(m.phrases, MemoryMatch::kNone);
    m.group_bit.assign(m.phrases, 0);
    for (std::size_t i = 0; i < m.phrases; ++i) {
      m.source[i] = loaded_of.at(full.terms[i]);
      if (m.source[i] == MemoryMatch::kNone) continue;  // in no document: matches nothing
      m.live.push_back(i);
      m.group_bit[i] = std::uint64_t{1} << group_of_slot[static_cast<std::size_t>(scorer.slot(i))];
    }
    const std::size_t groups = plan.groups.size();
    m.every_group = groups == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << groups) - 1;
    return m;
  }

  // Decodes every live phrase's postings in `block` into `scratch`; false
  // when they are damaged (then FTS5 answers instead).
  static bool decode_block(const MemoryMatch& m, std::size_t block, BlockScratch& scratch) {
    ++scratch.visit;
    scratch.touched.clear();
    for (const std::size_t i : m.live) {
      const TermPostings& p = *m.loaded[m.source[i]];
      const auto* at = reinterpret_cast<const unsigned char*>(p.bytes.data()) + p.starts[block];
      const auto* end = reinterpret_cast<const unsigned char*>(p.bytes.data()) + p.starts[block + 1];
      std::uint64_t offset = 0, gap = 0, count = 0;
      for (bool first = true; at < end; first = false) {
        if (!read_varint(at, end, gap) || !read_varint(at, end, count)) return false;
        offset = first ? gap : offset + gap;
        if (offset >= m.block_size) return false;
        if (scratch.seen[offset] != scratch.visit) {
          scratch.seen[offset] = scratch.visit;
          scratch.hit[offset] = 0;
          std::fill_n(scratch.tf.begin() + static_cast<std::ptrdiff_t>(offset * m.phrases), m.phrases, 0.0);
          scratch.touched.push_back(static_cast<std::uint32_t>(offset));
        }
        scratch.hit[offset] |= m.group_bit[i];
        scratch.tf[offset * m.phrases + i] = static_cast<double>(count);
      }
    }
    return true;
  }

  // The best `wanted` hits of the full match `full` of `plan`, from the
  // postings (see above); nullopt when they do not apply.
  std::optional<Ranked> rank_by_postings(const search::QueryPlan& plan, const kurdi::sqlite::RankedMatch& full,
                                         std::uint64_t wanted) const {
    if (wanted == 0) return std::nullopt;
    kurdi::sqlite::RankingScorer scorer;
    const std::optional<MemoryMatch> m = match_in_memory(plan, full, scorer);
    if (!m) return std::nullopt;
    const BlockBounds* b = &m->bounds;
    const PostingsData* data = m->data;
    const std::optional<std::vector<std::pair<double, std::size_t>>> order = block_order(plan, *b, &m->computed);
    if (!order) return std::nullopt;

    BlockScratch scratch(*m);
    Ranked best;
    best.reserve(static_cast<std::size_t>(wanted) + 1);
    // The documents added since the bounds were built: through FTS5, first.
    if (b->added > 0) {
      db::Statement& tail = cached(
          "SELECT rowid, kurdi_bm25(documents_fts, ?2, 3.0, 1.0) AS score FROM documents_fts "
          "WHERE documents_fts MATCH ?1 AND rowid > ?3 ORDER BY score DESC, 1 LIMIT ?4");
      const std::string ranking = "top " + std::to_string(wanted) + ";" + full.ranking;
      tail.bind(1, full.match).bind(2, ranking).bind(3, b->max_doc).bind(4, static_cast<std::int64_t>(wanted));
      while (tail.step()) best.emplace_back(tail.integer(0), tail.real(1));
      tail.reset();
    }
    for (const auto& [bound, block] : *order) {
      const std::int64_t lo = static_cast<std::int64_t>(block) << b->bits;
      if (page_settled(best, wanted, bound, lo)) break;
      if (!decode_block(*m, block, scratch)) return std::nullopt;
      for (const std::uint32_t offset : scratch.touched) {
        if (scratch.hit[offset] != m->every_group) continue;  // not in the AND
        const std::int64_t row = lo + offset;
        if (row > b->max_doc) return std::nullopt;
        const std::pair<std::int64_t, double> candidate{
            row, scorer.score(&scratch.tf[offset * m->phrases],
                              static_cast<int>(data->lengths[static_cast<std::size_t>(row)]))};
        if (best.size() == wanted && !ranks_before(candidate, best.back())) continue;
        best.insert(std::upper_bound(best.begin(), best.end(), candidate, ranks_before), candidate);
        if (best.size() > wanted) best.pop_back();
      }
    }
    return best;
  }

  // How many documents `query` (no exclusions, no filters) matches, up to
  // `at_most` (0: all), from the postings; nullopt when they do not apply.
  std::optional<std::uint64_t> count_by_postings(const search::Query& query, std::uint64_t at_most) const {
    if (!ranked) ranked = meta("tokenizer") == "kurdi";
    if (!*ranked || !query.excluded.empty()) return std::nullopt;
    statistics.refresh();
    Frequencies frequencies(*this);
    if (!frequencies.stored()) return std::nullopt;  // no postings: not worth planning for
    const search::QueryPlan plan = search::plan_query(query, frequencies);
    const kurdi::sqlite::RankedMatch full =
        kurdi::sqlite::fts5_ranked_match(query, plan, kurdi::sqlite::MatchPass::full);
    kurdi::sqlite::RankingScorer scorer;
    const std::optional<MemoryMatch> m = match_in_memory(plan, full, scorer);
    if (!m) return std::nullopt;
    BlockScratch scratch(*m);
    std::uint64_t matched = 0;
    for (std::size_t block = 0; block < m->blocks; ++block) {
      if (!m->may_match(block)) continue;
      if (!decode_block(*m, block, scratch)) return std::nullopt;
      for (const std::uint32_t offset : scratch.touched)
        if (scratch.hit[offset] == m->every_group && ++matched == at_most) return matched;
    }
    // And the documents added since the bounds were built, in FTS5.
    if (m->bounds.added > 0) {
      db::Statement& tail = cached(
          "SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ?1 AND rowid > ?2 LIMIT ?3)");
      const std::uint64_t rest = at_most > 0 ? at_most - matched : 0;
      tail.bind(1, full.match)
          .bind(2, m->bounds.max_doc)
          .bind(3, rest > 0 ? static_cast<std::int64_t>(std::min<std::uint64_t>(rest, INT64_MAX)) : -1);
      if (tail.step()) matched += static_cast<std::uint64_t>(tail.integer(0));
      tail.reset();
    }
    return matched;
  }

  // A term's bound parts per block, or empty when it has none.
  std::vector<double> term_bound(std::string_view term, std::size_t blocks) const {
    db::Statement& s = cached("SELECT blocks FROM term_bounds WHERE term = ?1");
    s.bind(1, term);
    std::vector<double> out;
    // Stored in this machine's byte order (build_bounds); every platform
    // kurdi builds for is little-endian, and another would ignore them.
    if (std::endian::native == std::endian::little && s.step()) {
      const std::string_view blob = s.blob(0);
      if (blob.size() == blocks * sizeof(double)) {
        out.resize(blocks);
        std::memcpy(out.data(), blob.data(), blob.size());
      }
    }
    s.reset();
    return out;
  }

  struct Stored {
    std::int64_t doc;
    Document fields;
    std::string hash;
  };

  std::optional<Stored> find(std::string_view id) const {
    db::Statement& s = cached(
        "SELECT doc, title, body, source, url, published, language, content_hash "
                    "FROM documents WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    Stored r;
    r.doc = s.integer(0);
    r.fields.id = id;
    r.fields.title = s.text(1);
    r.fields.body = s.text(2);
    r.fields.source = s.text(3);
    r.fields.url = s.text(4);
    r.fields.date = s.text(5);
    r.fields.language = s.text(6);
    r.hash = s.blob(7);
    return r;
  }

  // Removes a document's index entries and bands (not its row).
  void unindex(std::int64_t doc, std::string_view title, std::string_view body) {
    drop_bounds();  // its terms leave the bounds' blocks: they no longer hold
    db::Statement& fts = cached(
                      "INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES('delete', ?1, ?2, ?3)");
    fts.bind(1, doc).bind(2, title).bind(3, body).run();
    forget_signature(doc);
  }

  void index(std::int64_t doc, const Document& d, const std::optional<MinHash>& signature) const {
    db::Statement& fts = cached("INSERT INTO documents_fts(rowid, title, body) VALUES(?1, ?2, ?3)");
    fts.bind(1, doc).bind(2, d.title).bind(3, d.body).run();
    if (signature) keep_signature(doc, *signature);
  }

  void keep_signature(std::int64_t doc, const MinHash& signature) const {
    const std::string blob = to_blob(signature);
    db::Statement& row = cached("INSERT OR REPLACE INTO near_signatures(doc, minhash) VALUES(?1, ?2)");
    row.bind(1, doc).bind_blob(2, blob.data(), blob.size()).run();
    // One statement for the eight rows: SQLite's cost is mostly per statement.
    static_assert(kBands == 8);
    db::Statement& bands = cached(
        "INSERT OR IGNORE INTO minhash_bands(band, doc) VALUES(?1, ?9), (?2, ?9), (?3, ?9), (?4, ?9), (?5, ?9), "
        "(?6, ?9), (?7, ?9), (?8, ?9)");
    const auto keys = minhash_bands(signature);
    for (int i = 0; i < kBands; ++i) bands.bind(i + 1, keys[i]);
    bands.bind(9, doc).run();
  }

  void forget_signature(std::int64_t doc) const {
    db::Statement& bands = cached("DELETE FROM minhash_bands WHERE doc = ?1");
    bands.bind(1, doc).run();
    db::Statement& row = cached("DELETE FROM near_signatures WHERE doc = ?1");
    row.bind(1, doc).run();
  }

  void forget_signatures() const { connection.exec("DELETE FROM minhash_bands; DELETE FROM near_signatures;"); }

  // Every document's signature, after a migration from a schema without
  // them (Archive::reindex makes them as it goes). Inside the caller's
  // transaction.
  void make_signatures() const {
    forget_signatures();
    const auto& progress = options.upgrade_progress;
    const std::uint64_t total = progress ? static_cast<std::uint64_t>(pragma("SELECT count(*) FROM documents")) : 0;
    if (progress) progress(0, total);
    std::uint64_t done = 0;
    db::Statement read(connection, "SELECT doc, body FROM documents ORDER BY doc");
    while (read.step()) {
      if (const std::optional<MinHash> signature = minhash(read.text(1))) keep_signature(read.integer(0), *signature);
      if (progress && ++done % 1000 == 0) progress(done, total);
    }
    if (progress) progress(total, total);
  }

  void report_duplicates(StoreReport& report, std::int64_t doc, const ContentHash& hash,
                         const std::optional<MinHash>& signature) const {
    db::Statement& exact = cached("SELECT id FROM documents WHERE content_hash = ?1 AND doc <> ?2 LIMIT 1");
    exact.bind_blob(1, hash.bytes().data(), hash.bytes().size()).bind(2, doc);
    if (exact.step()) {
      report.duplicate_of = exact.text(0);
      return;  // an exact copy is near too; say the stronger thing
    }
    if (!signature) return;
    db::Statement& near = cached(
                       "SELECT d.id, s.minhash FROM minhash_bands b JOIN near_signatures s ON s.doc = b.doc "
                       "JOIN documents d ON d.doc = b.doc WHERE b.band = ?1 AND b.doc <> ?2 LIMIT ?3");
    int best = kNearAgreement - 1;
    for (const std::int64_t key : minhash_bands(*signature)) {
      near.bind(1, key).bind(2, doc).bind(3, std::int64_t{kMaxBandCandidates});
      while (near.step()) {
        const std::optional<MinHash> other = from_blob(near.blob(1));
        const int same = other ? agreement(*signature, *other) : 0;
        if (same > best) {
          best = same;
          report.near_duplicate_of = near.text(0);
          report.near_distance = kMinHashes - same;
        }
      }
      near.reset();
    }
  }

  StoreReport store(const Document& d) {
    begin_batch();
    StoreReport report;
    const ContentHash hash = hash_body(d.body);
    const std::string language = d.language.empty() ? "ckb" : d.language;
    const std::optional<Stored> old = find(d.id);
    if (old && old->hash == hash.bytes() && old->fields.title == d.title && old->fields.body == d.body &&
        old->fields.source == d.source && old->fields.url == d.url && old->fields.date == d.date &&
        old->fields.language == language) {
      report.outcome = StoreOutcome::unchanged;
      return report;
    }
    // With the kurdi tokenizer the body's tokens are made once, here, and
    // FTS5's call to the tokenizer for the same body in index() takes them
    // (Pretokenized); a baseline tokenizer gets no hand-off.
    const std::optional<MinHash> signature = handoff ? minhash(handoff->tokenize(d.body)) : minhash(d.body);
    report_duplicates(report, old ? old->doc : 0, hash, signature);

    std::int64_t doc;
    if (old) {
      unindex(old->doc, old->fields.title, old->fields.body);
      db::Statement& update = cached(
                           "UPDATE documents SET title = ?2, body = ?3, source = ?4, url = ?5, published = ?6, "
                           "language = ?7, content_hash = ?8, ingested_at = ?9 WHERE doc = ?1");
      update.bind(1, old->doc).bind(2, d.title).bind(3, d.body).bind(4, d.source).bind(5, d.url).bind(6, d.date);
      update.bind(7, language).bind_blob(8, hash.bytes().data(), hash.bytes().size());
      update.bind(9, utc_now()).run();
      doc = old->doc;
      report.outcome = StoreOutcome::updated;
    } else {
      db::Statement& insert = cached(
                           "INSERT INTO documents(id, title, body, source, url, published, language, content_hash, "
                           "ingested_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
      insert.bind(1, d.id).bind(2, d.title).bind(3, d.body).bind(4, d.source).bind(5, d.url).bind(6, d.date);
      insert.bind(7, language).bind_blob(8, hash.bytes().data(), hash.bytes().size());
      insert.bind(9, utc_now()).run();
      doc = sqlite3_last_insert_rowid(connection.get());
      report.outcome = StoreOutcome::added;
    }
    index(doc, d, signature);
    if (handoff) handoff->clear();
    return report;
  }
};

Archive::Archive(const std::string& path, const OpenOptions& options)
    : impl_(std::make_unique<Impl>(path, options)) {
  impl_->open();
}

Archive::~Archive() {
  if (impl_ && impl_->in_batch) {
    try {
      impl_->connection.exec("ROLLBACK");
    } catch (const ArchiveError&) {
      // Closing the connection rolls back anyway.
    }
  }
}

Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;

int Archive::schema_version() noexcept { return schema::current_version(); }

StoreReport Archive::store(const Document& document) {
  impl_->require_current();
  return impl_->store(document);
}

void PendingDocuments::add(Document document) {
  const auto [at, first] = latest_.try_emplace(document.id, documents_.size());
  if (!first) {
    std::optional<Document>& earlier = documents_[at->second];
    text_bytes_ -= earlier->title.size() + earlier->body.size();
    earlier.reset();
    at->second = documents_.size();
  }
  text_bytes_ += document.title.size() + document.body.size();
  documents_.emplace_back(std::move(document));
}

std::vector<StoreReport> Archive::store(PendingDocuments& documents) {
  PendingDocuments taken = std::exchange(documents, PendingDocuments{});
  if (taken.empty()) return {};
  impl_->require_current();
  std::vector<StoreReport> reports(taken.documents_.size());
  for (std::size_t i = 0; i < taken.documents_.size(); ++i) {
    if (taken.documents_[i])
      reports[i] = impl_->store(*taken.documents_[i]);
    else
      reports[i].outcome = StoreOutcome::superseded;
  }
  return reports;
}

void Archive::commit() {
  if (!impl_->in_batch) return;
  impl_->release_statements();
  impl_->connection.exec("COMMIT");
  impl_->in_batch = false;
}

void Archive::rollback() {
  if (!impl_->in_batch) return;
  impl_->in_batch = false;
  impl_->statistics.invalidate();
  impl_->release_statements();
  impl_->connection.exec("ROLLBACK");
}

std::vector<std::string> Archive::remove(const std::vector<std::string>& ids) {
  impl_->require_current();
  const bool own = !impl_->in_batch;
  impl_->begin_batch();
  std::vector<std::string> missing;
  db::Statement erase(impl_->connection, "DELETE FROM documents WHERE doc = ?1");
  for (const std::string& id : ids) {
    const auto old = impl_->find(id);
    if (!old) {
      missing.push_back(id);
      continue;
    }
    impl_->unindex(old->doc, old->fields.title, old->fields.body);
    erase.bind(1, old->doc).run();
  }
  if (own) commit();
  return missing;
}

namespace {

// One read transaction for the statements of a search or a count (outside a
// batch): SQLite then takes its shared lock and WAL snapshot once, not once
// per statement, and a search of common words runs a dozen small ones.
class ReadScope {
 public:
  explicit ReadScope(const db::Connection& connection, bool in_batch) : connection_(connection), own_(!in_batch) {
    if (!own_) return;
    // Outside a batch only a read scope whose end failed (a time limit can
    // interrupt its COMMIT) leaves a transaction open: end it, or every
    // later search would read that old snapshot.
    if (sqlite3_get_autocommit(connection_.get()) == 0)
      sqlite3_exec(connection_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    connection_.exec("BEGIN");
  }
  ~ReadScope() {
    if (!own_) return;
    try {
      connection_.exec("COMMIT");
    } catch (const ArchiveError&) {
      sqlite3_exec(connection_.get(), "ROLLBACK", nullptr, nullptr, nullptr);  // a read: nothing to lose
    }
  }
  ReadScope(const ReadScope&) = delete;
  ReadScope& operator=(const ReadScope&) = delete;

 private:
  const db::Connection& connection_;
  bool own_;
};

}  // namespace

SearchResult Archive::search(const SearchRequest& request) const {
  impl_->require_current();
  const ReadScope read(impl_->connection, impl_->in_batch);
  SearchResult result;
  const search::Query query = search::parse_query(request.query, impl_->expander);
  if (query.empty()) {
    result.message = "the query has no words to search for";
    return result;
  }
  if (query.exclusions_only()) {
    result.message = "a query of exclusions only matches nothing: add a word to search for";
    return result;
  }
  if (!impl_->ranked) impl_->ranked = impl_->meta("tokenizer") == "kurdi";
  const bool filtered = !request.from.empty() || !request.to.empty() || !request.source.empty();

  // One ranked match. With filters each match is looked up in documents;
  // the CROSS JOIN keeps the index as the outer loop. Undated documents
  // never pass a date filter. Ties go to the older document.
  auto rank = [&](std::string_view match, std::string_view ranking, std::uint32_t limit, std::uint32_t offset) {
    std::string sql;
    if (*impl_->ranked) {
      // kurdi_bm25 with the title weighted as the table's own rank (schema.cpp).
      sql = filtered ? "SELECT f.rowid, kurdi_bm25(documents_fts, ?7, 3.0, 1.0) AS score FROM documents_fts f "
                       "CROSS JOIN documents d ON d.doc = f.rowid WHERE documents_fts MATCH ?1 "
                     : "SELECT rowid, kurdi_bm25(documents_fts, ?7, 3.0, 1.0) AS score FROM documents_fts "
                       "WHERE documents_fts MATCH ?1 ";
      if (filtered) sql.append(kFilterClauses);
      sql.append("ORDER BY score DESC, 1 LIMIT ?2 OFFSET ?3");
    } else {
      // A baseline tokenizer (benchmarks): FTS5's own bm25, the table's rank.
      sql = filtered ? "SELECT f.rowid, -f.rank FROM documents_fts f CROSS JOIN documents d ON d.doc = f.rowid "
                       "WHERE documents_fts MATCH ?1 "
                     : "SELECT rowid, -rank FROM documents_fts WHERE documents_fts MATCH ?1 ";
      if (filtered) sql.append(kFilterClauses);
      sql.append(filtered ? "ORDER BY f.rank LIMIT ?2 OFFSET ?3" : "ORDER BY rank LIMIT ?2 OFFSET ?3");
    }
    db::Statement s(impl_->connection, sql.c_str());
    s.bind(1, match).bind(2, std::int64_t{limit}).bind(3, std::int64_t{offset});
    if (filtered) s.bind(4, request.from).bind(5, request.to).bind(6, request.source);
    // "top K": only the page's rows are kept, and every row kurdi_bm25
    // scores here passes the WHERE (the filters are checked before the
    // result columns are computed), so it may skip rows that cannot make
    // the page (ext/sqlite/rank.cpp, "Pruning").
    std::string ranked;
    if (*impl_->ranked) {
      ranked.append("top ").append(std::to_string(std::uint64_t{limit} + offset)).append(";").append(ranking);
      s.bind(7, ranked);
    }
    Ranked out;
    while (s.step()) out.emplace_back(s.integer(0), s.real(1));
    return out;
  };

  std::string match;
  Ranked top;
  if (!*impl_->ranked) {
    match = kurdi::sqlite::fts5_match(query);
    top = rank(match, {}, request.limit, request.offset);
  } else {
    impl_->statistics.refresh();
    Impl::Frequencies frequencies(*impl_);
    search::QueryPlan plan = search::plan_query(query, frequencies);
    bool done = false;
    const std::uint64_t wanted = std::uint64_t{request.offset} + request.limit;
    // The full match: every term a way in. The narrow passes below change
    // which terms are deferred, which only the narrow match shows.
    kurdi::sqlite::RankedMatch full = kurdi::sqlite::fts5_ranked_match(query, plan, kurdi::sqlite::MatchPass::full);
    // A query of common terms (with few documents of rarer ones): ranked
    // from their postings, in memory ("Postings of common terms").
    if (!filtered && query.excluded.empty() && wanted <= kMaxNarrowPage) {
      if (std::optional<Ranked> ranked = impl_->rank_by_postings(plan, full, wanted)) {
        if (ranked->size() > request.offset) top.assign(ranked->begin() + request.offset, ranked->end());
        done = true;
      }
    }
    // The rarer terms first: when the page fills with hits that score at
    // least what a document of deferred terms alone could, it is exact.
    // Otherwise narrow less and try again (at most kNarrowPasses in all):
    // after a full page, just enough terms more for its last score to pass
    // the new bound; after a short one, the terms in up to
    // RankingOptions::wide_defer_share of the documents. Then every term.
    for (int pass = 0; !done && pass < kNarrowPasses && plan.deferred && wanted <= kMaxNarrowPage; ++pass) {
      kurdi::sqlite::RankedMatch narrow = kurdi::sqlite::fts5_ranked_match(query, plan, kurdi::sqlite::MatchPass::narrow);
      std::optional<Ranked> blocked = impl_->rank_by_blocks(plan, narrow, plan.narrow_reach, wanted, request);
      Ranked page = blocked ? std::move(*blocked) : rank(narrow.match, narrow.ranking, static_cast<std::uint32_t>(wanted), 0);
      const bool full_page = page.size() == wanted;
      if (full_page && (wanted == 0 || page.back().second >= plan.deferred_bound)) {
        top.assign(page.begin() + request.offset, page.end());
        done = true;
        break;
      }
      if (full_page ? !search::defer_to_bound(plan, page.back().second)
                    : !search::defer_to_share(plan, plan.options.wide_defer_share))
        break;
    }
    if (!done) {
      std::optional<Ranked> blocked;
      if (wanted <= kMaxNarrowPage) blocked = impl_->rank_by_blocks(plan, full, plan.full_reach, wanted, request);
      if (blocked) {
        if (blocked->size() > request.offset) top.assign(blocked->begin() + request.offset, blocked->end());
      } else {
        top = rank(full.match, full.ranking, request.limit, request.offset);
      }
    }
    // Snippets from the full match, whichever way the page was found: the
    // same documents, and the same phrases once each (a narrow match repeats
    // the terms left in, and snippet() would weigh them twice).
    match = std::move(full.match);
  }

  // Snippets only for the hits shown: snippet() costs a re-tokenization of
  // the body, too much to pay for every match before the sort.
  static_assert(kSnippetTokens == 24, "the snippet SQL below spells the token count");
  static_assert(kMarkOpen == "\xFF" && kMarkClose == "\xFE", "the snippet SQL below spells the markers");
  std::unordered_map<std::int64_t, std::string> snippets;
  if (!top.empty() && has_prefix(query)) {
    // FTS5 runs a prefix by merging the postings of every term that starts
    // with it, for the whole index, each time the MATCH runs, whichever rowid
    // is asked for: for a one-letter prefix about a second on the 1 GB bench
    // archive, per hit. So the page's snippets come from one statement over
    // its rowid range (one merge), snippet() computed for its rows only.
    std::int64_t first = top.front().first, last = first;
    std::string page = "[";
    for (const auto& [doc, score] : top) {
      first = std::min(first, doc);
      last = std::max(last, doc);
      if (page.size() > 1) page.push_back(',');
      page.append(std::to_string(doc));
    }
    page.push_back(']');
    db::Statement& range = impl_->cached(
        "SELECT rowid, CASE WHEN rowid IN (SELECT value FROM json_each(?4)) THEN "
        "snippet(documents_fts, 1, CAST(x'FF' AS TEXT), CAST(x'FE' AS TEXT), '…', 24) END "
        "FROM documents_fts WHERE documents_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3");
    range.bind(1, match).bind(2, first).bind(3, last).bind(4, page);
    while (range.step())
      if (!range.is_null(1)) snippets.emplace(range.integer(0), snippet_to_html(range.text(1)));
    range.reset();
  } else {
    // Any other match seeks each hit's rowid in the postings of its terms.
    db::Statement& one = impl_->cached(
        "SELECT snippet(documents_fts, 1, CAST(x'FF' AS TEXT), CAST(x'FE' AS TEXT), '…', 24) "
        "FROM documents_fts WHERE documents_fts MATCH ?1 AND rowid = ?2");
    for (const auto& [doc, score] : top) {
      one.bind(1, match).bind(2, doc);
      if (one.step()) snippets.emplace(doc, snippet_to_html(one.text(0)));
      one.reset();
    }
  }
  db::Statement& fields = impl_->cached("SELECT id, title, source, url, published FROM documents WHERE doc = ?1");
  for (const auto& [doc, score] : top) {
    Hit hit;
    hit.score = score;
    fields.bind(1, doc);
    if (fields.step()) {
      hit.id = fields.text(0);
      hit.title = fields.text(1);
      hit.source = fields.text(2);
      hit.url = fields.text(3);
      hit.date = fields.text(4);
    }
    fields.reset();
    if (auto found = snippets.find(doc); found != snippets.end()) hit.snippet = std::move(found->second);
    result.hits.push_back(std::move(hit));
  }
  return result;
}

void Archive::for_each(const std::function<void(const Document&)>& visit) const {
  db::Statement s(impl_->connection,
                  "SELECT id, title, body, source, url, published, language FROM documents ORDER BY id");
  Document d;
  while (s.step()) {
    d.id = s.text(0);
    d.title = s.text(1);
    d.body = s.text(2);
    d.source = s.text(3);
    d.url = s.text(4);
    d.date = s.text(5);
    d.language = s.text(6);
    visit(d);
  }
}

std::uint64_t Archive::document_count() const {
  return static_cast<std::uint64_t>(impl_->pragma("SELECT count(*) FROM documents"));
}

std::optional<std::uint64_t> Archive::documents_since_optimize() const {
  if (impl_->options.tokenizer != "kurdi") return std::nullopt;
  const ReadScope read(impl_->connection, impl_->in_batch);
  const std::optional<Impl::BlockBounds> b = impl_->valid_bounds();
  if (!b) return std::nullopt;
  return b->added;
}

Stats Archive::stats() const {
  const bool cacheable = impl_->options.read_only;
  const std::int64_t data_version = cacheable ? impl_->pragma("PRAGMA data_version") : 0;
  Stats st;
  if (cacheable && impl_->stats_cache && impl_->stats_cache->first == data_version) {
    st = impl_->stats_cache->second;
  } else {
    {
      db::Statement s(impl_->connection,
                      "SELECT count(*), coalesce(sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))), 0), "
                      "count(DISTINCT nullif(source, '')), "
                      "min(nullif(published, '')), max(nullif(published, '')) FROM documents");
      if (s.step()) {
        st.documents = static_cast<std::uint64_t>(s.integer(0));
        st.body_bytes = static_cast<std::uint64_t>(s.integer(1));
        st.sources = static_cast<std::uint64_t>(s.integer(2));
        st.first_date = s.text(3);
        st.last_date = s.text(4);
      }
    }
    st.schema_version = static_cast<int>(impl_->pragma("PRAGMA user_version"));
    st.current_schema_version = schema::current_version();
    st.analyzer_version = impl_->meta("analyzer_version");
    st.current_analyzer_version = expected_analyzer(impl_->options.tokenizer);
    // Both refuse a search until `kurdi reindex`, which a reader of the
    // stats needs to know whichever it is.
    st.reindex_required =
        st.analyzer_version != st.current_analyzer_version || st.schema_version < st.current_schema_version;
    st.created_by = impl_->meta("created_by");
    st.index_segments = impl_->index_segments();
    // (An older schema kept as it is cannot be searched: its bounds are not in use.)
    const std::optional<Impl::BlockBounds> bounds =
        impl_->options.tokenizer == "kurdi" && st.documents > 0 && impl_->older_schema.empty()
            ? impl_->valid_bounds()
            : std::nullopt;
    st.block_bounds = bounds.has_value();
    st.documents_since_optimize = bounds ? bounds->added : 0;
    st.optimized = st.index_segments <= 1 && (bounds ? bounds->added == 0
                                                     : impl_->options.tokenizer != "kurdi" || st.documents == 0);
    if (cacheable) impl_->stats_cache.emplace(data_version, st);
  }
  // The files' sizes change without a commit (a checkpoint): read each time.
  std::error_code ec;
  for (const char* suffix : {"", "-wal"}) {
    const auto size = std::filesystem::file_size(impl_->path + suffix, ec);
    if (!ec) st.file_bytes += size;
  }
  return st;
}

namespace {

// FTS5 runs its integrity check as an INSERT, which SQLite refuses on a
// connection that cannot write (an archive opened read-only, a file made
// immutable, read-only media), though the check writes nothing. Such an
// archive's index is checked in a copy: SQLite's backup of it, from one
// read snapshot, into a temporary file (TMPDIR), removed afterwards.
std::string check_index_in_a_copy(const db::Connection& source, const char* integrity_check) {
  std::string name = (std::filesystem::temp_directory_path() / "kurdi-check-XXXXXX").string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0)
    return std::string("cannot check the full-text index of an archive that cannot be written: no temporary copy in ") +
           std::filesystem::temp_directory_path().string() + ": " + std::strerror(errno);
  ::close(fd);
  struct Remove {
    const std::string& name;
    ~Remove() {
      std::error_code ignored;
      std::filesystem::remove(name, ignored);
      std::filesystem::remove(name + "-journal", ignored);
    }
  } remove{name};
  try {
    db::Connection copy(name, SQLITE_OPEN_READWRITE);
    std::string error;
    if (kurdi::sqlite::register_all(copy.get(), &error) != SQLITE_OK)
      return "cannot register the kurdi tokenizer: " + error;
    copy.exec("PRAGMA synchronous = OFF");  // thrown away afterwards
    sqlite3_backup* backup = sqlite3_backup_init(copy.get(), "main", source.get(), "main");
    if (!backup) copy.fail(sqlite3_errcode(copy.get()), "cannot copy the archive to " + name);
    sqlite3_backup_step(backup, -1);
    if (const int rc = sqlite3_backup_finish(backup); rc != SQLITE_OK)
      copy.fail(rc, "cannot copy the archive to " + name);
    copy.exec(integrity_check);
  } catch (const ArchiveError& e) {
    return e.what();
  }
  return {};
}

}  // namespace

std::vector<std::string> Archive::check() const {
  std::vector<std::string> problems;
  // Kept as it is (keep_older_schema): checked, and not upgraded, which a
  // check has no business doing; what upgrades it is said.
  if (!impl_->older_schema.empty())
    problems.push_back("the older schema version " + std::to_string(impl_->older_version) + " (this kurdi has " +
                       std::to_string(schema::current_version()) + "), checked as it is: run `kurdi reindex " +
                       impl_->path + "` to upgrade it");
  const std::string analyzer = impl_->meta("analyzer_version");
  const bool other_analyzer = analyzer != expected_analyzer(impl_->options.tokenizer);
  if (other_analyzer)
    problems.push_back("indexed with analyzer " + analyzer + ", not this kurdi's " +
                       expected_analyzer(impl_->options.tokenizer) + ": reindex required");
  {
    db::Statement s(impl_->connection, "PRAGMA integrity_check");
    while (s.step())
      if (s.text(0) != "ok") problems.push_back("SQLite: " + std::string(s.text(0)));
  }
  // rank 1: also compare the index with the documents table (external
  // content), which FTS5 does by tokenizing the documents again with this
  // kurdi's analyzer. An index made by another analyzer holds other tokens,
  // so that comparison would call a sound index "malformed" (it did, after
  // a real analyzer change); only its own structure is checked then, and
  // the reindex reported above makes it comparable again.
  const char* integrity_check = other_analyzer
                                    ? "INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 0)"
                                    : "INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1)";
  if (sqlite3_db_readonly(impl_->connection.get(), "main") == 1) {
    if (std::string problem = check_index_in_a_copy(impl_->connection, integrity_check); !problem.empty())
      problems.push_back("full-text index: " + problem);
  } else {
    try {
      impl_->connection.exec(integrity_check);
    } catch (const ArchiveError& e) {
      problems.push_back(std::string("full-text index: ") + e.what());
    }
  }
  for (const char* key : {"tokenizer", "analyzer_version", "created_by"})
    if (impl_->meta(key).empty()) problems.push_back(std::string("metadata: '") + key + "' is missing");
  const auto count = [&](const char* sql) { return impl_->pragma(sql); };
  if (const auto bad = count("SELECT count(*) FROM documents WHERE body = ''"))
    problems.push_back(std::to_string(bad) + " documents have an empty body");
  if (const auto bad = count("SELECT count(*) FROM documents WHERE published <> '' AND "
                             "published NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"))
    problems.push_back(std::to_string(bad) + " documents have a malformed date");
  if (!impl_->older_schema.empty() && impl_->older_version < 4) {
    // Schema 1 to 3, checked as it is: its SimHash bands, four a hashed document.
    const auto bands = count("SELECT count(*) FROM simhash_bands");
    const auto hashed = count("SELECT count(*) FROM documents WHERE simhash IS NOT NULL");
    if (bands != 4 * hashed)
      problems.push_back("near-duplicate bands: " + std::to_string(bands) + " rows for " + std::to_string(hashed) +
                         " hashed documents (expected 4 each)");
    if (const auto orphans =
            count("SELECT count(*) FROM simhash_bands WHERE doc NOT IN (SELECT doc FROM documents)"))
      problems.push_back(std::to_string(orphans) + " near-duplicate bands point at no document");
    return problems;
  }
  const auto bands = count("SELECT count(*) FROM minhash_bands");
  const auto signed_documents = count("SELECT count(*) FROM near_signatures");
  if (bands != kBands * signed_documents)
    problems.push_back("near-duplicate bands: " + std::to_string(bands) + " rows for " +
                       std::to_string(signed_documents) + " signatures (expected " + std::to_string(kBands) +
                       " each)");
  if (const auto orphans = count("SELECT count(*) FROM minhash_bands WHERE doc NOT IN (SELECT doc FROM near_signatures)"))
    problems.push_back(std::to_string(orphans) + " near-duplicate bands point at no signature");
  if (const auto orphans = count("SELECT count(*) FROM near_signatures WHERE doc NOT IN (SELECT doc FROM documents)"))
    problems.push_back(std::to_string(orphans) + " near-duplicate signatures point at no document");
  if (const auto bad = count("SELECT count(*) FROM near_signatures WHERE length(minhash) <> 128"))
    problems.push_back(std::to_string(bad) + " near-duplicate signatures are malformed");
  return problems;
}

void Archive::build_bounds(int block_bits) {
  // Only kurdi_bm25 rankings use them (a baseline tokenizer ranks with FTS5's bm25).
  if (impl_->options.tokenizer != "kurdi") return;
  if (block_bits < 0 || block_bits > 30) block_bits = kBoundBlockBits;
  impl_->require_current();
  const bool own = !impl_->in_batch;
  impl_->begin_batch();
  try {
    impl_->build_bounds(block_bits);
  } catch (...) {
    if (own) rollback();
    throw;
  }
  if (own) commit();
}

bool optimize_is_due(std::uint64_t documents, std::uint64_t changed, std::uint64_t added_since_optimize) noexcept {
  return documents >= kOptimizeMinDocuments &&
         (changed >= documents / 10 ||
          static_cast<double>(added_since_optimize) >= kOptimizeAddedShare * static_cast<double>(documents));
}

void Archive::optimize() { rework_index(false, true); }

void Archive::begin_run() {
  impl_->require_current();
  impl_->begin_batch();
  impl_->set_automerge(kRunAutomerge);
}

void Archive::finish_run(bool optimize) { rework_index(true, optimize); }

void Archive::rework_index(bool end_run, bool optimize) {
  impl_->require_current();
  if (impl_->in_batch) commit();
  impl_->begin_batch();
  try {
    if (end_run) impl_->set_automerge(kUsualAutomerge);
    if (optimize)
      impl_->optimize_index();
    else
      impl_->level_segments();
  } catch (...) {
    rollback();
    throw;
  }
  commit();
}

void Archive::reindex(const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
  impl_->require_current(true);
  if (impl_->in_batch) commit();
  const auto total = static_cast<std::uint64_t>(impl_->pragma("SELECT count(*) FROM documents"));
  // One transaction: an interrupted reindex leaves the archive as it was.
  impl_->statistics.invalidate();
  impl_->connection.exec("BEGIN IMMEDIATE");
  try {
    impl_->connection.exec("INSERT INTO documents_fts(documents_fts) VALUES('delete-all')");
    // Every document again, then one merge: merging less along the way
    // saves rewrites (Archive::begin_run).
    impl_->set_automerge(kRunAutomerge);
    // The near-duplicate signatures are made again too, from the same
    // tokens as the index where the tokenizer hands them over.
    impl_->forget_signatures();
    db::Statement read(impl_->connection, "SELECT doc, title, body FROM documents ORDER BY doc");
    db::Statement write(impl_->connection, "INSERT INTO documents_fts(rowid, title, body) VALUES(?1, ?2, ?3)");
    std::uint64_t done = 0;
    while (read.step()) {
      const std::int64_t doc = read.integer(0);
      const std::string_view body = read.text(2);
      const std::optional<MinHash> signature =
          impl_->handoff ? minhash(impl_->handoff->tokenize(body)) : minhash(body);
      write.bind(1, doc).bind(2, read.text(1)).bind(3, body).run();
      if (impl_->handoff) impl_->handoff->clear();
      if (signature) impl_->keep_signature(doc, *signature);
      if (++done % 1000 == 0 && progress) progress(done, total);
    }
    impl_->set_meta("analyzer_version", expected_analyzer(impl_->options.tokenizer));
    impl_->set_meta("reindexed_by", std::string("kurdi ") + std::string(kurdi::version()));
    impl_->set_automerge(kUsualAutomerge);
    impl_->optimize_index();
    impl_->connection.exec("COMMIT");
    impl_->other_analyzer.clear();
    if (progress) progress(done, total);
  } catch (...) {
    impl_->connection.exec("ROLLBACK");
    throw;
  }
}

// Read by id and count, for the server (kurdi serve). count() renders the
// query as search() does and counts with the same filters.
std::optional<Document> Archive::get(const std::string& id) const {
  db::Statement s(impl_->connection,
                  "SELECT id, title, body, source, url, published, language FROM documents WHERE id = ?1");
  s.bind(1, std::string_view(id));
  if (!s.step()) return std::nullopt;
  return Document{std::string(s.text(0)), std::string(s.text(1)), std::string(s.text(2)), std::string(s.text(3)),
                  std::string(s.text(4)), std::string(s.text(5)), std::string(s.text(6))};
}

std::uint64_t Archive::count(const SearchRequest& request, std::uint64_t at_most) const {
  impl_->require_current();
  const ReadScope read(impl_->connection, impl_->in_batch);
  const search::Query query = search::parse_query(request.query, impl_->expander);
  if (query.empty() || query.exclusions_only()) return 0;
  const bool filtered = !request.from.empty() || !request.to.empty() || !request.source.empty();
  if (at_most > 0 && !filtered && impl_->reaches(query, at_most)) return at_most;
  if (!filtered)
    if (const std::optional<std::uint64_t> counted = impl_->count_by_postings(query, at_most)) return *counted;
  // Unfiltered, the index alone answers (no lookup in documents per match).
  std::string matches = filtered ? "FROM documents_fts f CROSS JOIN documents d ON d.doc = f.rowid "
                                   "WHERE documents_fts MATCH ?1 "
                                   "AND (?2 = '' OR (d.published <> '' AND d.published >= ?2)) "
                                   "AND (?3 = '' OR (d.published <> '' AND d.published <= ?3)) "
                                   "AND (?4 = '' OR d.source = ?4)"
                                 : "FROM documents_fts WHERE documents_fts MATCH ?1";
  // Capped, the LIMIT inside stops FTS5's walk through the doclists after
  // at_most rows (count(*) over the whole match would visit every one).
  const std::string sql = at_most > 0 ? "SELECT count(*) FROM (SELECT 1 " + matches + " LIMIT ?5)"
                                      : "SELECT count(*) " + matches;
  db::Statement s(impl_->connection, sql.c_str());
  s.bind(1, kurdi::sqlite::fts5_match(query));
  if (filtered) s.bind(2, request.from).bind(3, request.to).bind(4, request.source);
  if (at_most > 0)
    s.bind(5, static_cast<std::int64_t>(std::min<std::uint64_t>(at_most, std::numeric_limits<std::int64_t>::max())));
  return s.step() ? static_cast<std::uint64_t>(s.integer(0)) : 0;
}

namespace {

// How many SQLite virtual-machine instructions run between two looks at the
// clock: about a microsecond or two of work, so the clock (a vDSO call of
// some 20 ns) costs little and a deadline is noticed soon after it passes.
constexpr int kProgressInstructions = 1000;

}  // namespace

void Archive::set_time_limit(std::uint32_t milliseconds) {
  Impl& impl = *impl_;
  impl.deadline_passed = false;
  if (milliseconds == 0) {
    sqlite3_progress_handler(impl.connection.get(), 0, nullptr, nullptr);
    return;
  }
  impl.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
  // A progress handler rather than sqlite3_interrupt() from a timer: it runs
  // on the thread that owns the connection, so a late timer can never stop
  // the next request on a connection already back in a pool. It is
  // installed only while a limit is set, so unlimited work pays nothing.
  // A non-zero return stops the statement with SQLITE_INTERRUPT.
  sqlite3_progress_handler(
      impl.connection.get(), kProgressInstructions,
      [](void* data) -> int {
        Impl& self = *static_cast<Impl*>(data);
        if (std::chrono::steady_clock::now() < self.deadline) return 0;
        self.deadline_passed = true;
        return 1;
      },
      &impl);
}

bool Archive::timed_out() const noexcept { return impl_->deadline_passed; }

}  // namespace kurdi::archive
