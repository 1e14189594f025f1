// kurdi's SQLite host (docs/sqlite.md): the FTS5 tokenizer `kurdi` and the SQL
// functions kurdi_query, kurdi_normalize, kurdi_stem, kurdi_lemma,
// kurdi_tokens, kurdi_translit and kurdi_version.
//
// Programs that link SQLite themselves (kurdi index, kurdi search) link the
// static library kurdi_sqlite and call register_all() on each connection;
// the sqlite3 shell and other programs load the extension kurdi.so instead
// (`.load ./kurdi`, entry point sqlite3_kurdi_init).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kurdi/search.hpp"
#include "kurdi/tokenize.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kurdi::sqlite {

/// Registers the tokenizer and the functions on `db`. Returns an SQLite
/// result code; on failure `*error` (when not null) says why.
int register_all(sqlite3* db, std::string* error = nullptr);

/// A search-profile tokenization that a host made of a text it is about to
/// insert, handed to the FTS5 tokenizer `kurdi` of the same connection so
/// that the text is not tokenized twice (the archive computes a body's
/// MinHash signature from the same tokens). The tokenizer uses it only for text whose
/// bytes equal those given here; any other text it tokenizes itself, so a
/// stale or unused hand-off changes nothing but speed. One per connection
/// (pretokenized()); for one thread at a time, like the connection.
class Pretokenized {
 public:
  /// Tokenizes `text` exactly as the tokenizer would (search_tokenize_options())
  /// and keeps a copy of it; the result stays valid until the next call.
  const Tokens& tokenize(std::string_view text);
  /// Forgets the text (keeps the buffers).
  void clear() noexcept { valid_ = false; }
  /// The tokens of `text`, when they are the ones held; null otherwise.
  const Tokens* tokens_of(std::string_view text) const noexcept {
    return valid_ && text == text_ ? &tokens_ : nullptr;
  }

 private:
  std::string text_;
  Tokens tokens_;
  TokenizeOptions options_ = kurdi::search::search_tokenize_options();
  bool valid_ = false;
};

/// The hand-off slot of the tokenizer `kurdi` that register_all() put on
/// `db`; null when `db` has no such tokenizer from this library (a `kurdi`
/// tokenizer registered by the loadable extension is another copy of the
/// code and gets none).
Pretokenized* pretokenized(sqlite3* db);

/// Renders a parsed query as an FTS5 MATCH expression for a table whose
/// tokenizer is `kurdi` (docs/sqlite.md, "kurdi_query"). Every word and
/// phrase is quoted, so the result always parses. An empty query, or one of
/// exclusions only, gives `""` (an empty phrase: matches nothing).
std::string fts5_match(const kurdi::search::Query& query);

/// A ranked query for FTS5: the MATCH expression, and the ranking argument
/// that kurdi_bm25(table, ranking, column weights...) needs with it
/// (docs/sqlite.md, "Ranking").
struct RankedMatch {
  std::string match;
  std::string ranking;
  /// For each phrase of `match`, in order: the index term (as stored) that
  /// the phrase is, when it is one of the plan's terms; empty for a phrase
  /// or prefix of the query's own text, which the tokenizer expands.
  std::vector<std::string> terms;
};

/// Which match of a QueryPlan to render.
enum class MatchPass {
  narrow,  ///< without the deferred terms as a way in: they only add to the score
  full,    ///< every term
};

/// Renders a plan (of `query`) with each word's terms as phrases of their
/// own. In the narrow pass of a plan with deferred terms, each group with
/// deferred terms D is `(P) AND (D OR P)`: the documents of its rarer terms
/// P, scored with D too; the other groups are matched whole, as in the full
/// pass, where every term is a way in. Both passes score a document alike.
RankedMatch fts5_ranked_match(const kurdi::search::Query& query, const kurdi::search::QueryPlan& plan,
                              MatchPass pass);

/// How many rows kurdi_bm25 has scored in this process, over every
/// connection (a test and benchmark hook: the work of a ranked search, which
/// scores every document its MATCH lets in).
std::uint64_t kurdi_bm25_rows_scored() noexcept;

/// Of the rows counted by kurdi_bm25_rows_scored(), those a ranking with
/// "top K" set aside without computing their score, because they could not
/// be among the K best (docs/sqlite.md, "Ranking").
std::uint64_t kurdi_bm25_rows_pruned() noexcept;

struct Ranking;  // rank.cpp

/// kurdi_bm25's score outside FTS5, for a host that counts a document's
/// phrases itself (the archive's postings of common terms, archive.cpp):
/// the same parse of the ranking argument and the same arithmetic in the
/// same order, so the same score to the bit. The FTS5 functions
/// kurdi_phrase_tf (a row's column-weighted count of a one-phrase MATCH)
/// and kurdi_index_totals ("ROWS TOKENS") give the counts and totals that
/// kurdi_bm25 itself would see.
class RankingScorer {
 public:
  RankingScorer();
  ~RankingScorer();
  RankingScorer(RankingScorer&&) noexcept;
  RankingScorer& operator=(RankingScorer&&) noexcept;

  /// Reads a ranking argument (fts5_ranked_match's) for an index of `rows`
  /// documents holding `tokens` tokens in all. False when it does not parse,
  /// or when a phrase that scores has no document frequency in it (a phrase
  /// or prefix item, which FTS5 counts). A "top K" in it is ignored.
  bool parse(std::string_view ranking, std::uint64_t rows, std::uint64_t tokens);
  /// The phrases of the ranking, in MATCH order (0 before a parse).
  std::size_t phrases() const noexcept;
  /// The query item that phrase i scores for; -1 when it does not score.
  int slot(std::size_t phrase) const noexcept;
  /// The score of a document of `length` tokens that holds phrase i tf[i]
  /// times (column-weighted), for every phrase.
  double score(const double* tf, int length);

 private:
  std::unique_ptr<Ranking> r_;
};

/// Document frequencies of an FTS5 table with the kurdi tokenizer, for
/// kurdi::search::plan_query: read from an fts5vocab table that it creates in
/// the connection's temp schema, cached until the database changes. For one
/// connection and one thread; throws std::runtime_error on an SQLite error.
class Fts5Statistics final : public kurdi::search::TermStatistics {
 public:
  /// `count_sql` counts the table's documents (default: count(*) of the
  /// table; an external-content table is counted faster in its content table).
  Fts5Statistics(sqlite3* db, std::string_view table, std::string count_sql = {});
  ~Fts5Statistics() override;
  Fts5Statistics(const Fts5Statistics&) = delete;
  Fts5Statistics& operator=(const Fts5Statistics&) = delete;

  /// Call before planning a query: drops the cache when another connection
  /// has committed since (PRAGMA data_version) or after invalidate().
  void refresh();
  /// This connection has written to the table (data_version does not show it).
  void invalidate() noexcept { stale_ = true; }

  std::uint64_t documents() override;
  std::uint64_t documents_with(std::string_view stored_term) override;

  /// The count of `stored_term` when it is in the cache, without a lookup.
  std::optional<std::uint64_t> cached(std::string_view stored_term) const;
  /// Puts a count the caller has from elsewhere in the cache (the archive
  /// stores its common terms' counts: reading one here walks the term's
  /// whole doclist). Kept until the cache is dropped, like one read here.
  void remember(std::string_view stored_term, std::uint64_t documents);

 private:
  static constexpr std::size_t kMaxCached = std::size_t{1} << 20;
  sqlite3* db_;
  std::string table_, count_sql_;
  sqlite3_stmt* version_ = nullptr;
  sqlite3_stmt* count_ = nullptr;
  sqlite3_stmt* lookup_ = nullptr;
  std::int64_t data_version_ = -1;
  std::int64_t documents_ = -1;
  bool stale_ = true;
  std::unordered_map<std::string, std::uint64_t> df_;
};

/// The tokenizer's options, as parsed from `tokenize='kurdi ...'`.
struct TokenizerOptions {
  bool stems = true;         ///< index stem and lemma terms (option `stems 0|1`)
  std::string user_lexicon;  ///< path of a user lexicon file (option `user_lexicon PATH`)
};

/// Parses tokenizer arguments (name-value pairs). Returns false with a
/// message in `*error` on an unknown option or a bad value.
bool parse_tokenizer_options(const char* const* args, int count, TokenizerOptions& out,
                             std::string& error);

/// The analyzer version of a table created with these options (the user
/// lexicon's hash included). Reads the user lexicon file; throws
/// std::runtime_error or std::invalid_argument when it cannot.
std::string analyzer_version(const TokenizerOptions& options);

}  // namespace kurdi::sqlite
