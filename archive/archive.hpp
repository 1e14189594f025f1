// The kurdi archive (docs/archive.md): one SQLite file in WAL mode holding
// documents, their FTS5 index (tokenizer `kurdi`) and metadata (schema and
// analyzer versions). `kurdi index`, `kurdi search` and the other archive
// commands, and later the server, are thin layers over this class. It adds no
// linguistics: every word goes through the core via the FTS5 tokenizer and
// kurdi::search (query parsing, Latin readings).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kurdi::archive {

/// Why an archive could not be opened or used.
class ArchiveError : public std::runtime_error {
 public:
  enum class Kind {
    not_found,          ///< no such file (and not opened for indexing)
    not_an_archive,     ///< the file is not a kurdi archive
    newer_schema,       ///< made by a newer kurdi; this one cannot read it
    older_schema,       ///< made by an older kurdi and not upgraded (opened read-only, or
                        ///< kept as it is): run `kurdi reindex` before searching or writing
    reindex_required,   ///< indexed with another analyzer version: run `kurdi reindex`
    sqlite,             ///< SQLite reported an error (disk full, locked, corrupt...)
  };
  ArchiveError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const noexcept { return kind_; }

 private:
  Kind kind_;
};

/// A document as stored: the external id and the fields of docs/archive.md.
struct Document {
  std::string id;
  std::string title;
  std::string body;
  std::string source;
  std::string url;
  std::string date;      ///< "YYYY-MM-DD" or empty
  std::string language;  ///< "ckb" unless the input said otherwise
};

enum class StoreOutcome {
  added,       ///< a new id
  updated,     ///< an existing id with new content
  unchanged,   ///< an existing id with the same content: nothing written
  superseded,  ///< not stored: a later document stored with it has its id (PendingDocuments)
};

/// What store() did, and what it noticed.
struct StoreReport {
  StoreOutcome outcome = StoreOutcome::added;
  /// The id of a stored document with the same body (an exact duplicate
  /// under another id), or empty.
  std::string duplicate_of;
  /// The id of a stored document whose body is nearly the same (MinHash
  /// over three-word shingles: archive/near_duplicates.hpp), or empty;
  /// near_distance is how many of the 32 values of the two signatures
  /// differ (0 to 9: 32 - kNearAgreement).
  std::string near_duplicate_of;
  int near_distance = 0;
};

/// Documents to be stored together, in order, by Archive::store(PendingDocuments&):
/// `kurdi index` holds a batch's documents so, and Python's add_many() its
/// documents. When an id comes again among them the later document takes
/// the earlier one's place, and the earlier is never written (its report:
/// StoreOutcome::superseded). Stored in turn, the earlier would replace what
/// the last run of the same input left (the later document) only to be
/// replaced by it again: every rerun rewrote both, reported both as updated
/// and dropped the block bounds.
class PendingDocuments {
 public:
  /// Adds `document` after those added so far.
  void add(Document document);
  /// The documents added, superseded ones included: store() reports each.
  std::size_t size() const noexcept { return documents_.size(); }
  bool empty() const noexcept { return documents_.empty(); }
  /// The bytes of the titles and bodies that are to be written (the
  /// superseded ones are let go).
  std::uint64_t text_bytes() const noexcept { return text_bytes_; }

 private:
  friend class Archive;
  // In the order added; an empty slot was superseded.
  std::vector<std::optional<Document>> documents_;
  // Where each id's latest document is.
  std::unordered_map<std::string, std::size_t> latest_;
  std::uint64_t text_bytes_ = 0;
};

struct SearchRequest {
  std::string query;        ///< user text: words, "phrases", prefix*, -excluded, OR
  std::uint32_t limit = 10;
  std::uint32_t offset = 0;
  std::string from;         ///< "YYYY-MM-DD" or empty: only documents dated on or after
  std::string to;           ///< "YYYY-MM-DD" or empty: only documents dated on or before
  std::string source;       ///< only documents with this source, or empty for all
};

struct Hit {
  std::string id;
  std::string title;
  double score = 0;      ///< BM25, title weighted above body; higher is better
  std::string snippet;   ///< HTML-escaped body text, matches in <mark>...</mark>
  std::string source;
  std::string url;
  std::string date;
};

struct SearchResult {
  std::vector<Hit> hits;   ///< best first
  /// Set when the query cannot match anything by its form (empty, or
  /// exclusions only), to tell the user why there are no hits.
  std::string message;
};

struct Stats {
  std::uint64_t documents = 0;
  std::uint64_t body_bytes = 0;      ///< total size of titles and bodies
  std::uint64_t file_bytes = 0;      ///< the archive file (and its WAL)
  std::uint64_t sources = 0;
  std::string first_date, last_date;  ///< empty when no document has a date
  int schema_version = 0;
  /// The schema this kurdi makes and upgrades to (Archive::schema_version()).
  int current_schema_version = 0;
  std::string analyzer_version;
  /// This kurdi's analyzer version.
  std::string current_analyzer_version;
  /// Whether searching needs `kurdi reindex` first: the archive's analyzer
  /// differs from this kurdi's, or its schema is older (kept as it is,
  /// OpenOptions::keep_older_schema).
  bool reindex_required = false;
  std::string created_by;             ///< the kurdi version that created it
  /// The full-text index's segments (FTS5 b-trees; a search reads each), 0
  /// when unknown. optimize() merges them into one.
  std::uint64_t index_segments = 0;
  /// Whether the block bounds and postings are in use (build_bounds);
  /// without them common words rank far slower. An update or a delete
  /// drops them; added documents do not.
  bool block_bounds = false;
  /// Documents added since the bounds were built, which searches rank
  /// through FTS5 beside them (0 without bounds).
  std::uint64_t documents_since_optimize = 0;
  /// Whether optimize() has nothing to do: one segment, and bounds that
  /// cover every document (an archive of a baseline tokenizer: one segment).
  bool optimized = false;
};

/// Whether `kurdi index` optimizes the archive at the end of a run
/// (`--optimize auto`): when the archive holds at least
/// kOptimizeMinDocuments and either the run added or updated at least a
/// tenth of them, or the documents added since the last optimize
/// (`added_since_optimize`, Archive::documents_since_optimize) reach
/// kOptimizeAddedShare of them: searches rank those through FTS5, at a cost
/// that grows with them. Below that size a search is fast without it; an
/// update or a delete leaves the bounds unused until the next optimize
/// (each costs about 25 s on the 1 GB bench archive, docs/benchmarks.md
/// "Optimize").
inline constexpr std::uint64_t kOptimizeMinDocuments = 10000;
inline constexpr double kOptimizeAddedShare = 1.0 / 32;
bool optimize_is_due(std::uint64_t documents, std::uint64_t changed, std::uint64_t added_since_optimize = 0) noexcept;

struct OpenOptions {
  /// Create the file when it does not exist (kurdi index).
  bool create = false;
  /// Open read-only (kurdi search, export, stats).
  bool read_only = false;
  /// Open for writing when the file can be written, else read-only (kurdi
  /// check); without it a file that cannot be written is refused for
  /// writing ("cannot write to the archive (read-only)").
  bool may_be_read_only = false;
  /// Open even when the analyzer version differs: kurdi reindex, and what
  /// reads no index (kurdi export, stats, check; Stats::reindex_required).
  /// A search of such an archive could silently miss documents and a store
  /// or a delete would mix two analyzers' terms in one index, so search(),
  /// count() and every write but reindex() throw the "reindex required"
  /// error (Kind::reindex_required) until reindex() has run.
  bool allow_analyzer_mismatch = false;
  /// Open an archive of an older schema as it is instead of upgrading it
  /// (without it: upgraded when opened for writing, refused when read-only):
  /// what must not change the file (kurdi check, export, stats). for_each(),
  /// get(), stats() and check() read it (check() reports the older schema);
  /// search(), count() and every write throw the "older schema" error
  /// (Kind::older_schema), which names `kurdi reindex`.
  bool keep_older_schema = false;
  /// Called while an archive of an older schema is upgraded on opening for
  /// writing, with documents done and total: from schema 3 the upgrade reads
  /// every body (its near-duplicate signature): about 3 s of CPU for 100 MB
  /// (docs/archive.md).
  std::function<void(std::uint64_t, std::uint64_t)> upgrade_progress;
  /// The FTS5 tokenizer of a new archive. Only benchmarks set it (to
  /// "unicode61" for a baseline in the same run); an archive made with any
  /// other tokenizer than kurdi is refused by the commands.
  std::string tokenizer = "kurdi";
};

/// Whether `text` is a calendar date written YYYY-MM-DD (the form dates are
/// stored and filtered in).
bool is_iso_date(std::string_view text) noexcept;

class Archive {
 public:
  /// Opens (or creates) the archive at `path`, applying schema migrations
  /// when it is older than this kurdi (unless OpenOptions::keep_older_schema
  /// or read_only). Throws ArchiveError.
  Archive(const std::string& path, const OpenOptions& options);
  ~Archive();
  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;

  /// Stores one document in the current batch (a transaction begun on the
  /// first store after a commit). Nothing is durable until commit().
  StoreReport store(const Document& document);
  /// Stores `documents` in the current batch, in the order added, except
  /// those superseded by a later one with their id, and empties it (also
  /// when it throws). Returns a report for each document added, in order.
  std::vector<StoreReport> store(PendingDocuments& documents);
  /// Commits the current batch; afterwards every document stored so far
  /// survives a crash. Does nothing when no batch is open.
  void commit();
  /// Rolls the current batch back.
  void rollback();

  /// Deletes the documents with these external ids (one transaction).
  /// Returns the ids that were not in the archive.
  std::vector<std::string> remove(const std::vector<std::string>& ids);

  SearchResult search(const SearchRequest& request) const;

  /// Calls `visit` for every document in id order.
  void for_each(const std::function<void(const Document&)>& visit) const;

  Stats stats() const;
  /// How many documents the archive holds (without the rest of stats(),
  /// which reads every text).
  std::uint64_t document_count() const;
  /// Documents added since the block bounds were built, which searches
  /// rank through FTS5 beside them; nullopt when no bounds are in use
  /// (never built, or dropped by an update or a delete). Cheap, unlike
  /// stats().
  std::optional<std::uint64_t> documents_since_optimize() const;

  /// The document with external id `id` as stored, or nullopt when there is
  /// none (the server's document view, GET /api/documents/{id}).
  std::optional<Document> get(const std::string& id) const;
  /// How many documents match `request`'s query and filters (limit and
  /// offset are ignored): the total behind a page of search() results. 0 when
  /// the query cannot match by its form (search() then sets a message).
  /// With `at_most` > 0 counting stops there and the result is
  /// min(matches, at_most): a common word costs at most `at_most` rows of
  /// the index instead of all of them (kurdi serve's --count-limit).
  std::uint64_t count(const SearchRequest& request, std::uint64_t at_most = 0) const;

  /// Stops this connection's SQLite work that is still running
  /// `milliseconds` from now (0, the default: no limit): the call in progress
  /// throws (ArchiveError, or std::runtime_error from the ranking's
  /// statistics) and timed_out() becomes true. The connection stays usable;
  /// the next set_time_limit() starts a new budget and clears timed_out().
  /// kurdi serve gives every request a budget this way (--time-limit).
  void set_time_limit(std::uint32_t milliseconds);
  /// Whether the limit of the last set_time_limit() has stopped a call.
  bool timed_out() const noexcept;

  /// Checks the SQLite file, the FTS index against the documents and the
  /// metadata, and that it was indexed with this kurdi's analyzer and has its
  /// schema (an older schema kept as it is, OpenOptions::keep_older_schema,
  /// is checked and reported). Returns the problems found (empty: the
  /// archive is sound). Writes nothing. An index made by another analyzer
  /// cannot be compared with the documents (FTS5 tokenizes them again with
  /// this kurdi's): only its structure is checked, next to "reindex required".
  /// FTS5's integrity check is an INSERT (that writes nothing): an archive
  /// that cannot be written (opened read-only, a write-protected file) has
  /// its index checked in a temporary copy (TMPDIR; as large as the file).
  std::vector<std::string> check() const;

  /// Rebuilds the FTS index with this kurdi's analyzer and records its
  /// version. `progress` is called with documents done and total.
  void reindex(const std::function<void(std::uint64_t, std::uint64_t)>& progress = {});
  /// Makes the archive as fast to search as it can be, with the same
  /// results: merges the full-text index into one segment (FTS5's
  /// 'optimize': a term's postings are then read from one b-tree instead of
  /// one per segment) and builds the block bounds and postings
  /// (build_bounds), in one transaction of its own (a batch in progress is
  /// committed first). Its cost grows with the archive,
  /// not with what changed. `kurdi optimize`, and `kurdi index` after a
  /// large run (optimize_is_due); reindex() does the same.
  void optimize();
  /// Begins a run of many stores (kurdi index): until finish_run(), FTS5
  /// merges the segments of the full-text index once a level holds 16 of
  /// them instead of 4, so a run that ends in an optimize rewrites its
  /// postings fewer times (docs/archive.md, "Runs"). Set in the current
  /// batch; a run that is interrupted leaves it set until the next run
  /// finishes, which changes speed only.
  void begin_run();
  /// Ends a run: FTS5's usual merging is set again, and then either
  /// optimize() (`optimize`) or FTS5's merge of every level that holds 4
  /// segments or more, the shape the usual merging keeps the index in;
  /// in one transaction of its own (a batch in progress is committed
  /// first).
  void finish_run(bool optimize);
  /// (Re)builds the block bounds that let search() skip most documents of
  /// queries of common words (archive.cpp, "Block bounds"), and the same
  /// terms' postings and every document's length, from which search() and
  /// count() answer queries with common terms without FTS5 (archive.cpp,
  /// "Postings of common terms"): blocks of
  /// 2^block_bits rowids (default 8; the bits are recorded, so bounds of
  /// any size built before are used as they are). optimize() and reindex()
  /// build them (on the 1 GB bench archive 3-4 s from the one segment an
  /// optimize leaves, 11-19 s from several); an update or a delete
  /// drops them, and documents added since are searched beside them
  /// through FTS5 until the next build. Results are the same with or
  /// without them. Nothing is built for
  /// an archive of a baseline tokenizer.
  void build_bounds(int block_bits = 8);

  /// The current schema version (what a new archive gets).
  static int schema_version() noexcept;

 private:
  // optimize() and finish_run(): the usual merging set again (end_run),
  // then optimize or level the index, in a transaction of its own.
  void rework_index(bool end_run, bool optimize);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kurdi::archive
