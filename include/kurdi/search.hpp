// kurdi: what every search host shares (docs/sqlite.md, "How matching works").
//
//   * Index terms. A token is indexed as its search-profile form (its exact
//     term) plus every stem and lemma the analyzer gives it that differs
//     from that form (its stem terms), deduplicated. Hosts store a stem term
//     with `stem_marker` in front, so the two kinds never collide and a host
//     can rank exact matches first. A query word matches a document word when
//     they share the form, share a stem term, or when the document word is
//     written exactly as a stem or lemma of the query word (so a stem equal to
//     its own form never needs storing: unknown and uninflected words cost
//     one term).
//   * Query parsing. parse_query() reads what a person types into a search
//     box: words, "phrases", prefix*, -excluded and upper-case OR. It never
//     fails: unbalanced quotes, stray operators, a lone '-' or '*' and empty
//     input all give a (possibly empty) Query. Hosts render the Query in their
//     own syntax (FTS5 MATCH, tsquery).
//   * Cross-script queries. A Latin-script query word (Hawar, with or without
//     its diacritics: hêz, hez) is also looked up in Arabic script: its
//     readings, found with kurdi::transliterate and kept when the lexicon
//     knows them, add their own terms.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/export.hpp"
#include "kurdi/tokenize.hpp"

KURDI_PUBLIC_BEGIN
namespace kurdi {

class UserLexicon;

namespace search {

/// Put in front of a stem or lemma term where it is stored (U+0001). Search
/// normalization never leaves a control character in a token, so no exact
/// term can start with it.
inline constexpr std::string_view stem_marker = "\x01";

/// Put in front of query text by a host to ask its tokenizer for exact
/// (search-profile) forms only, with no stems (U+0002). Never stored.
inline constexpr std::string_view exact_marker = "\x02";

/// Put in front of query text by a host to ask its tokenizer for one stored
/// term, used as it is (U+0003): an exact term, or a stem term with
/// stem_marker in front. With it a host matches and ranks each query term on
/// its own (see plan_query). Never stored.
inline constexpr std::string_view term_marker = "\x03";

/// One index term of a token.
struct Term {
  std::string text;      ///< the term, without any marker
  bool exact;            ///< true: stored as it is (a form); false: a stem term (stored with stem_marker)
  /// Query terms only: an exact term that is not the query word's own form
  /// but one of its stems or lemmas, looked up as a written form. Exact-only
  /// queries (ranking the query's own forms first) leave these out.
  bool derived = false;
};

/// The stored spelling of a term: `text`, with stem_marker in front of stem terms.
std::string stored_term(const Term& term);

/// Whether tokens of this type are indexed at all (words, Latin words,
/// numbers, dates, times, URLs, e-mail addresses, hashtags, mentions, emoji
/// and suffixes are; punctuation, symbols and `other` are not).
bool is_indexed(TokenType type) noexcept;

/// Tokenizer options every search host uses: the search profile.
TokenizeOptions search_tokenize_options();

/// Tokenizes the text of a prefix (X in the query X*) as tokenize() does,
/// except that its last word does not end there: a final ه stays ه, as
/// inside a word (جیه* is the start of جیهان; tokenize() would read the
/// word جیە, rule H2 of docs/normalization.md). Offsets stay within `text`.
void tokenize_prefix(std::string_view text, Tokens& out, const TokenizeOptions& options);

/// Whether tokenize_prefix() may read `text` otherwise than tokenize(): it
/// ends in ه or ھ. (A query then takes either reading: ڕێگه* in the older
/// spelling of ڕێگە still finds it.)
bool prefix_reads_otherwise(std::string_view text) noexcept;

/// Term expansion with a cache, for one thread (it owns an Analyzer). A host
/// keeps one per tokenizer instance or connection.
class Expander {
 public:
  /// `user` (may be null) must outlive the Expander. `capacity` bounds the
  /// number of cached words; `stem_capacity` the search-normalized stems and
  /// lemmas it remembers (0: 8 per cached word, at most 65,536). A host that
  /// keeps words' terms itself gives a small `capacity` and, when memory
  /// allows, a large `stem_capacity`: its words are new, their stems are not.
  explicit Expander(const UserLexicon* user = nullptr, std::size_t capacity = 1u << 17,
                    std::size_t stem_capacity = 0);
  ~Expander();
  Expander(const Expander&) = delete;
  Expander& operator=(const Expander&) = delete;

  /// Document-time terms of one token. `form` is the token's search-profile
  /// form (Tokens::norm of a tokenization with search_tokenize_options()).
  /// The first term is the exact form; the stem terms follow, best first,
  /// deduplicated, without those equal to the form (an uninflected word has
  /// none, and so has an unknown one unless the analyzer guesses its lemma);
  /// non-word tokens have none.
  /// The reference stays valid until the next call.
  const std::vector<Term>& document_terms(std::string_view form, TokenType type);

  /// Query-time terms of one query word, in this order: its form (and for a
  /// Latin-script word the forms of its Arabic-script readings, see the
  /// header comment), then every stem and lemma of those as derived exact
  /// terms, then the stem terms (the document terms' stem terms, and those
  /// equal to a form too). Deduplicated.
  const std::vector<Term>& query_terms(std::string_view form, TokenType type);

  /// The Arabic-script readings of a Latin-script word (search-profile
  /// forms): its transliteration, and the transliterations of the spellings
  /// that restore the diacritics ê î û ş ç it may have been typed without,
  /// kept when the lexicon knows them. At most 64 spellings are tried.
  std::vector<std::string> arabic_readings(std::string_view latin_form);

  /// The analyzer version of the terms this Expander gives (with the user
  /// lexicon's hash when it has one): record it with the index.
  std::string analyzer_version() const;

 private:
  struct Impl;
  Impl* impl_;
};

/// The tokens of `text` that a search host indexes, as the JSON array that
/// every host's kurdi_tokens() returns: one object per token, `form` (its
/// search-profile form), `type`, `begin`, `end` (byte offsets into `text`)
/// and `stems` (its stem terms, without stem_marker).
std::string tokens_json(std::string_view text, Expander& expander);

/// One word of a query, with the terms it may match.
struct QueryWord {
  std::string form;         ///< search-profile form, as typed
  TokenType type;
  std::vector<Term> terms;  ///< Expander::query_terms(form, type)
};

/// A word, a multi-word phrase, or a prefix.
struct QueryItem {
  std::vector<QueryWord> words;  ///< never empty; several: a phrase
  bool quoted = false;           ///< written between double quotes
  bool prefix = false;           ///< ended with '*': the last word is a prefix
};

/// Items joined by upper-case OR: any of them may match.
struct QueryGroup {
  std::vector<QueryItem> any;
};

/// A parsed query: every group must match and no excluded item may. OR binds
/// tighter than the implicit AND (`a b OR c` is a AND (b OR c)), as in web
/// search engines.
struct Query {
  std::vector<QueryGroup> all;
  std::vector<QueryItem> excluded;

  bool empty() const noexcept { return all.empty() && excluded.empty(); }
  /// Only exclusions: nothing to search for. Hosts return no results and
  /// say why.
  bool exclusions_only() const noexcept { return all.empty() && !excluded.empty(); }
};

/// Parses user query text (any bytes; malformed UTF-8 is repaired as
/// normalize() does). Syntax:
///   word            a word; each chunk between spaces is tokenized with the
///                   search profile, and a chunk of several tokens (١٩٩٩دا,
///                   e-mail) is a phrase
///   "a b"           a phrase; a missing closing quote ends it at the end
///   word* "a b"*    prefix: the last word is a prefix (exact forms only)
///   -word -"a b"    excluded (a '-' inside a word is part of the word)
///   a OR b          either; only upper-case OR, and only between two items
/// Everything else (stray quotes, '*' or '-' alone, brackets, punctuation) is
/// ignored. Chunks with no indexed token are dropped.
Query parse_query(std::string_view text, Expander& expander);

// --- Ranking ----------------------------------------------------------------
// Every host ranks alike (docs/sqlite.md, "Ranking"): BM25 in which each
// query item (a word or phrase) scores by its best-matching term, the form
// as written at full weight and a stem or lemma at `related_weight`, each with
// its own document frequency, times the share of the items matched. A word's common stems (کردن, بوون) therefore
// neither count twice with its form nor flood the ranking; and a term found in
// a large share of the documents is deferred: the host first matches the
// rarer terms and falls back to every term only when that cannot give the
// right top hits.

struct RankingOptions {
  double k1 = 1.2;   ///< BM25 term-frequency saturation (as FTS5's bm25())
  double b = 0.75;   ///< BM25 length normalization (as FTS5's bm25())
  /// The weight of a match through a stem or lemma (a derived exact term or
  /// a stem term) against 1 for the query word's own form.
  double related_weight = 0.8;
  /// Deferral: the query's rarest terms that are together in at most this
  /// share of the documents are left in the first, narrow match; the more
  /// common ones are deferred (when every group can match more than this
  /// share, and each keeps a deferred term).
  double defer_share = 0.05;
  /// When no term can be left in at defer_share (the rarest alone are in
  /// more documents), plan_query tries this share instead; and a host
  /// widens to it after a narrow page that was not full (defer_to_share).
  double wide_defer_share = 0.25;
  /// Coordination: a document's score is multiplied by the share of the
  /// query's items it matches, so `a OR b` ranks documents with both above
  /// those with either one many times (Lucene's classic coord factor).
  bool coordination = true;
};

/// BM25 inverse document frequency, as Lucene's BM25Similarity computes it:
/// ln(1 + (N - df + 0.5) / (df + 0.5)). Unlike FTS5's bm25(), which puts
/// 1e-6 for a term in more than half the documents, it stays positive, so
/// a common word still counts a little and still orders the hits.
double idf(std::uint64_t df, std::uint64_t documents) noexcept;

/// BM25's term-frequency part: tf (k1 + 1) / (tf + k1 (1 - b + b length /
/// average_length)). Below k1 + 1 for any tf.
double bm25_tf(double tf, double length, double average_length, const RankingOptions& options) noexcept;

/// Document frequencies, as the host's index knows them.
class TermStatistics {
 public:
  virtual ~TermStatistics() = default;
  /// Documents in the index (N).
  virtual std::uint64_t documents() = 0;
  /// Documents holding `stored_term` (stored_term(), with stem_marker for a
  /// stem term).
  virtual std::uint64_t documents_with(std::string_view stored_term) = 0;
};

/// One query term of a single-word item, as matched and ranked on its own.
struct PlannedTerm {
  Term term;
  double weight;          ///< 1 for the word's own forms, RankingOptions::related_weight otherwise
  std::uint64_t df;       ///< documents holding it
  bool deferred = false;  ///< left out of the first, narrower match
};

/// How one query item is matched and ranked.
struct PlannedItem {
  const QueryItem* item;  ///< points into the Query given to plan_query
  /// A word (not a prefix): its query terms, each matched and ranked on its
  /// own; the item scores by the best of them. Empty for a phrase or a
  /// prefix: the host matches it whole, its exact form (weight 1) or any of
  /// its terms (related_weight), with document frequencies of its own.
  std::vector<PlannedTerm> terms;
};

/// A query ready for a host to render: the items of Query::all, group by
/// group, with their terms' weights and document frequencies.
struct QueryPlan {
  std::vector<std::vector<PlannedItem>> groups;  ///< parallel to Query::all
  RankingOptions options;                        ///< what the plan was made with
  /// True when some term is deferred: the host may match the narrow pass
  /// first (ext/sqlite's MatchPass::narrow: the full match AND any term that
  /// is not deferred, every document scored with all of its terms).
  bool deferred = false;
  /// No document outside the narrow match can score this much: it holds
  /// deferred terms only, so each item gives it at most its best deferred
  /// weight * idf * (k1 + 1), times coordination (src/search/ranking.cpp
  /// derives it). When the narrow match fills the page (offset + limit)
  /// with hits scoring at least this much, the page is the exact answer;
  /// otherwise the host narrows less (defer_to_bound, defer_to_share) or
  /// matches again with every term.
  double deferred_bound = 0;
  /// N, as the plan was made with.
  std::uint64_t documents = 0;
  /// Documents the narrow match can reach, at most (the terms left in, and
  /// phrase items).
  double narrow_reach = 0;
  /// Documents the full match can reach, at most (its smallest group).
  double full_reach = 0;
  /// Documents of the phrase items, at most; whether there are any.
  double whole_reach = 0;
  bool has_whole_items = false;
};

/// Plans a parsed query (which must outlive the plan) against an index's
/// statistics: weights every term and defers the common related terms.
QueryPlan plan_query(const Query& query, TermStatistics& statistics, const RankingOptions& options = {});

/// After a narrow page that was full but ended below deferred_bound at
/// `score`: leaves in the fewest more terms (rarest first) whose bound is at
/// most `score`, so the next narrow page, a superset of this one whose last
/// hit scores at least `score`, is exact. False, with nothing deferred, when
/// no such narrower match is smaller than the full match.
bool defer_to_bound(QueryPlan& plan, double score);

/// After a narrow page that was not full: leaves in more terms, rarest
/// first, as many as are together in less than `share` of the documents.
/// False, with nothing deferred, when that leaves in no more terms.
bool defer_to_share(QueryPlan& plan, double share);

}  // namespace search
}  // namespace kurdi
KURDI_PUBLIC_END
