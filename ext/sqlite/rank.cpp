// The FTS5 ranking function kurdi_bm25 (docs/sqlite.md, "Ranking"), its
// arithmetic outside FTS5 (RankingScorer), and the functions kurdi_phrase_tf
// and kurdi_index_totals from which the archive builds its bounds and postings.
//
//   kurdi_bm25(fts_table, ranking [, column weight, ...])
//
// `ranking` comes with the MATCH expression from fts5_ranked_match(): for
// each phrase of the expression, in order, "slot weight df" (df -1: count
// it here), entries separated by ';', optionally after a first entry
// "top K" (see "Pruning" below). A phrase with slot -1 does not score
// (an exclusion, or the second copy of a phrase in a narrowed match). A
// document's score is the sum over slots (query items) of the best
// weight * idf * bm25_tf among the slot's phrases, with tf counted per
// column times the column's weight, as FTS5's bm25() counts it, times the
// share of the slots matched (coordination). The formulas
// are the core's (kurdi::search::idf, kurdi::search::bm25_tf): every host
// ranks alike. Higher is better.
//
// Pruning. FTS5's ORDER BY score LIMIT K calls kurdi_bm25 for every row the
// MATCH lets in, and the costly part of a row's score is its length
// (xColumnSize: a lookup in the %_docsize table), not its term counts. With
// "top K" the caller says that only the K best rows (score descending) of
// this statement are kept, and that every row scored here is a candidate (no
// later filter drops it). Then the function keeps the K best scores seen so
// far; a row whose score cannot reach the K-th of them, even at length 0,
// gets 0 instead of its score, with no length looked up. Exact: its true
// score is below K scores of other rows already seen, so it is not among the
// K best, and 0 is below every real score (each row of the match holds a
// scoring phrase: idf > 0, tf > 0), so it does not displace them either.
// Why length 0 bounds the score: bm25_tf falls as the length grows, and the
// bound is computed with the same operations as the score, rounding included.
// "top K F" also sets aside rows scoring below F: the caller holds K rows of
// other statements scoring at least F (the archive's block-by-block search).
#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <exception>
#include <functional>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kurdi/search.hpp"
#include "kurdi_sqlite.hpp"
#include "sqlite_api.hpp"
#include "tokenizer.hpp"

namespace kurdi::sqlite {
namespace {

// Rows kurdi_bm25 has scored in this process: the work a ranked search does
// (kurdi_bm25_rows_scored(); benchmarks and tests read it). Relaxed: a count,
// not a synchronisation; one increment is nothing next to a row's scoring.
std::atomic<std::uint64_t> rows_scored{0};
// Of those, the rows "top K" pruning answered without their length.
std::atomic<std::uint64_t> rows_pruned{0};

}  // namespace

struct Phrase {
  int slot = -1;
  double weight = 0;
  double idf = 0;
};

// kurdi_bm25's per-query data (RankingScorer holds one too: kurdi_sqlite.hpp).
struct Ranking {
  std::vector<Phrase> phrases;
  std::vector<double> column_weights;
  int slots = 0;
  double average_length = 0;
  search::RankingOptions options;
  // Per-document scratch, reused row after row.
  std::vector<double> tf;
  std::vector<double> best;
  // "top K": K (0: no pruning), the K best scores so far as a min-heap, and
  // the last row they took a score from (a row evaluated twice must not
  // fill two places).
  std::size_t top = 0;
  double floor = 0;  // "top K F": rows below F are not wanted either
  std::vector<double> kept;
  sqlite3_int64 last_kept_row = 0;
  bool any_kept = false;
};

namespace {

bool parse_number(std::string_view text, double& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Largest "top K" taken: beyond it the heap costs more than pruning saves
// (pages that deep are rare), so the function scores every row.
constexpr double kMaxTop = 100000;

// Parses "[top K [F];]slot weight df;..." into `out` (df left in idf until
// counted), `top` and `floor`.
bool parse_ranking(std::string_view text, std::vector<Phrase>& out, std::vector<double>& dfs, std::size_t& top,
                   double& floor) {
  top = 0;
  floor = 0;
  if (text.starts_with("top ")) {
    const std::size_t end = std::min(text.find(';'), text.size());
    std::string_view head = text.substr(4, end - 4);
    const std::size_t space = std::min(head.find(' '), head.size());
    double k = 0;
    if (!parse_number(head.substr(0, space), k) || !(k >= 0 && k == std::floor(k))) return false;
    if (space < head.size() && (!parse_number(head.substr(space + 1), floor) || !std::isfinite(floor))) return false;
    top = k <= kMaxTop ? static_cast<std::size_t>(k) : 0;
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  while (!text.empty()) {
    const std::size_t end = std::min(text.find(';'), text.size());
    std::string_view entry = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    double field[3];
    for (double& f : field) {
      const std::size_t space = std::min(entry.find(' '), entry.size());
      if (!parse_number(entry.substr(0, space), f)) return false;
      entry.remove_prefix(std::min(space + 1, entry.size()));
    }
    if (!entry.empty()) return false;
    // Any SQL user can call kurdi_bm25: a slot is -1 or names one of the
    // phrases (never more slots than phrases), a weight is finite and not
    // negative, a df is -1 or a count.
    const double slot = field[0], weight = field[1], df = field[2];
    if (!(slot >= -1 && slot < 1e6 && slot == std::floor(slot))) return false;
    if (!(weight >= 0 && std::isfinite(weight))) return false;
    if (!(df >= -1 && df < 9e18 && df == std::floor(df))) return false;
    out.push_back(Phrase{static_cast<int>(slot), weight, 0});
    dfs.push_back(df);
  }
  return true;
}

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<sqlite3_int64*>(count);
  return SQLITE_OK;
}

void delete_ranking(void* p) { delete static_cast<Ranking*>(p); }

// Parses a ranking argument into r (phrases, "top K F") and `dfs`; false
// when it does not parse or a phrase's slot is out of range.
bool parse_into(std::string_view text, Ranking& r, std::vector<double>& dfs) {
  if (!parse_ranking(text, r.phrases, dfs, r.top, r.floor)) return false;
  for (const Phrase& p : r.phrases)
    if (p.slot >= static_cast<int>(r.phrases.size())) return false;
  return true;
}

// Sets phrase i's idf from df `df` among `rows` documents (and the slot
// count), then, after the last phrase, finish(): the average length and the
// scratch. Shared by kurdi_bm25 and RankingScorer: one arithmetic.
void set_idf(Ranking& r, std::size_t i, std::uint64_t df, std::uint64_t rows) {
  Phrase& p = r.phrases[i];
  r.slots = std::max(r.slots, p.slot + 1);
  p.idf = search::idf(df, rows);
}

void finish(Ranking& r, std::uint64_t rows, std::uint64_t tokens) {
  r.average_length = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 0;
  r.tf.resize(r.phrases.size());
  r.best.resize(static_cast<std::size_t>(r.slots));
  r.kept.reserve(r.top);
}

// The query's ranking data, made on its first row. Null with an error set on ctx.
Ranking* ranking_of(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                    sqlite3_value** argv) {
  if (auto* r = static_cast<Ranking*>(api->xGetAuxdata(fts, 0))) return r;
  if (argc < 1) {
    sqlite3_result_error(ctx, "kurdi_bm25: a ranking argument is needed (kurdi's archive passes it)", -1);
    return nullptr;
  }
  auto r = std::make_unique<Ranking>();
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  std::vector<double> dfs;
  if (!parse_into(text ? text : "", *r, dfs) || static_cast<int>(r->phrases.size()) != api->xPhraseCount(fts)) {
    sqlite3_result_error(ctx, "kurdi_bm25: the ranking does not describe this MATCH expression", -1);
    return nullptr;
  }
  const int columns = api->xColumnCount(fts);
  for (int c = 0; c < columns; ++c)
    r->column_weights.push_back(c + 1 < argc ? sqlite3_value_double(argv[c + 1]) : 1.0);

  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  for (std::size_t i = 0; rc == SQLITE_OK && i < r->phrases.size(); ++i) {
    if (r->phrases[i].slot < 0) continue;
    sqlite3_int64 df = static_cast<sqlite3_int64>(dfs[i]);
    if (df < 0) {  // a phrase or prefix: count the documents that hold it
      df = 0;
      rc = api->xQueryPhrase(fts, static_cast<int>(i), &df, count_row);
    }
    set_idf(*r, i, static_cast<std::uint64_t>(df), static_cast<std::uint64_t>(rows));
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return nullptr;
  }
  finish(*r, static_cast<std::uint64_t>(rows), static_cast<std::uint64_t>(tokens));
  Ranking* raw = r.release();
  rc = api->xSetAuxdata(fts, raw, delete_ranking);  // frees raw on failure
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return nullptr;
  }
  return raw;
}

// The score of a row whose phrase i occurs tf[i] times (column-weighted),
// at document length `length`.
double score_of(Ranking& r, const double* tf, double length) {
  std::fill(r.best.begin(), r.best.end(), 0.0);
  for (std::size_t i = 0; i < r.phrases.size(); ++i) {
    const Phrase& p = r.phrases[i];
    if (p.slot < 0 || tf[i] <= 0) continue;
    const double s = p.weight * p.idf * search::bm25_tf(tf[i], length, r.average_length, r.options);
    double& best = r.best[static_cast<std::size_t>(p.slot)];
    best = std::max(best, s);
  }
  double score = 0;
  int matched = 0;
  for (const double b : r.best) {
    score += b;
    matched += b > 0 ? 1 : 0;
  }
  if (r.options.coordination && r.slots > 0) score *= static_cast<double>(matched) / r.slots;
  return score;
}

// Counts each scoring phrase's occurrences in the current row, weighted by
// column, into r.tf. Phrase by phrase (xPhraseFirst), not xInst: FTS5
// builds xInst's merged, position-ordered array of every phrase's hits,
// the narrow match's gate phrases (slot -1) included, and the score needs
// neither the order nor those phrases.
int count_terms(const Fts5ExtensionApi* api, Fts5Context* fts, Ranking& r) {
  for (std::size_t i = 0; i < r.phrases.size(); ++i) {
    double tf = 0;
    if (r.phrases[i].slot >= 0) {
      Fts5PhraseIter iter;
      int column = 0, offset = 0;
      const int rc = api->xPhraseFirst(fts, static_cast<int>(i), &iter, &column, &offset);
      if (rc != SQLITE_OK) return rc;
      for (; column >= 0; api->xPhraseNext(fts, &iter, &column, &offset))
        tf += static_cast<std::size_t>(column) < r.column_weights.size()
                  ? r.column_weights[static_cast<std::size_t>(column)]
                  : 1.0;
    }
    r.tf[i] = tf;
  }
  return SQLITE_OK;
}

// Records a row's score among the K best so far (a min-heap of K).
void keep(Ranking& r, sqlite3_int64 row, double score) {
  if (r.any_kept && row == r.last_kept_row) return;
  r.any_kept = true;
  r.last_kept_row = row;
  const auto greater = std::greater<double>();
  if (r.kept.size() < r.top) {
    r.kept.push_back(score);
    std::push_heap(r.kept.begin(), r.kept.end(), greater);
  } else if (score > r.kept.front()) {
    std::pop_heap(r.kept.begin(), r.kept.end(), greater);
    r.kept.back() = score;
    std::push_heap(r.kept.begin(), r.kept.end(), greater);
  }
}

void kurdi_bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                sqlite3_value** argv) {
  try {
    Ranking* r = ranking_of(api, fts, ctx, argc, argv);
    if (r == nullptr) return;
    rows_scored.fetch_add(1, std::memory_order_relaxed);
    int rc = count_terms(api, fts, *r);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    // Strictly below the K-th best so far, even at length 0: not among the
    // K best (see "Pruning" above).
    double threshold = r->top > 0 ? r->floor : 0;
    if (r->top > 0 && r->kept.size() == r->top) threshold = std::max(threshold, r->kept.front());
    if (threshold > 0 && score_of(*r, r->tf.data(), 0) < threshold) {
      rows_pruned.fetch_add(1, std::memory_order_relaxed);
      sqlite3_result_double(ctx, 0);
      return;
    }
    int length = 0;
    rc = api->xColumnSize(fts, -1, &length);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    const double score = score_of(*r, r->tf.data(), length);
    if (r->top > 0) keep(*r, api->xRowid(fts), score);
    sqlite3_result_double(ctx, score);
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(ctx);
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

// kurdi_phrase_tf(fts_table, column weight...): for a MATCH of one phrase,
// how often the row holds it, each occurrence counted with its column's
// weight, exactly as kurdi_bm25 counts it. The archive builds its block
// bounds and its postings of common terms from it (archive.cpp).
void kurdi_phrase_tf(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                     sqlite3_value** argv) {
  if (api->xPhraseCount(fts) != 1) {
    sqlite3_result_error(ctx, "kurdi_phrase_tf: a MATCH of one phrase is needed", -1);
    return;
  }
  double tf = 0;
  Fts5PhraseIter iter;
  int column = 0, offset = 0;
  const int rc = api->xPhraseFirst(fts, 0, &iter, &column, &offset);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  for (; column >= 0; api->xPhraseNext(fts, &iter, &column, &offset))
    tf += column < argc ? sqlite3_value_double(argv[column]) : 1.0;
  sqlite3_result_double(ctx, tf);
}

// kurdi_index_totals(fts_table): "ROWS TOKENS", the row count and the
// tokens of every column of every row, from which kurdi_bm25 takes its N
// and average length.
void kurdi_index_totals(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int,
                        sqlite3_value**) {
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  const std::string text = std::to_string(rows) + " " + std::to_string(tokens);
  sqlite3_result_text(ctx, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

}  // namespace

RankingScorer::RankingScorer() = default;
RankingScorer::~RankingScorer() = default;
RankingScorer::RankingScorer(RankingScorer&&) noexcept = default;
RankingScorer& RankingScorer::operator=(RankingScorer&&) noexcept = default;

bool RankingScorer::parse(std::string_view ranking, std::uint64_t rows, std::uint64_t tokens) {
  auto r = std::make_unique<Ranking>();
  std::vector<double> dfs;
  if (!parse_into(ranking, *r, dfs)) return false;
  r->top = 0;  // every row is scored here
  for (std::size_t i = 0; i < r->phrases.size(); ++i) {
    if (r->phrases[i].slot < 0) continue;
    if (dfs[i] < 0) return false;  // FTS5 would count it
    set_idf(*r, i, static_cast<std::uint64_t>(dfs[i]), rows);
  }
  finish(*r, rows, tokens);
  r_ = std::move(r);
  return true;
}

std::size_t RankingScorer::phrases() const noexcept { return r_ ? r_->phrases.size() : 0; }

int RankingScorer::slot(std::size_t phrase) const noexcept { return r_->phrases[phrase].slot; }

double RankingScorer::score(const double* tf, int length) { return score_of(*r_, tf, length); }

std::uint64_t kurdi_bm25_rows_scored() noexcept { return rows_scored.load(std::memory_order_relaxed); }
std::uint64_t kurdi_bm25_rows_pruned() noexcept { return rows_pruned.load(std::memory_order_relaxed); }

int register_ranking(sqlite3* db, std::string* error) {
  fts5_api* api = fts5_api_of(db, error);
  if (api == nullptr) return SQLITE_ERROR;
  int rc = api->xCreateFunction(api, "kurdi_bm25", nullptr, kurdi_bm25, nullptr);
  if (rc != SQLITE_OK && error) *error = "kurdi: could not register the FTS5 function 'kurdi_bm25'";
  for (const auto& [name, function] : {std::pair{"kurdi_phrase_tf", &kurdi_phrase_tf},
                                       std::pair{"kurdi_index_totals", &kurdi_index_totals}}) {
    if (rc != SQLITE_OK) break;
    rc = api->xCreateFunction(api, name, nullptr, function, nullptr);
    if (rc != SQLITE_OK && error) *error = std::string("kurdi: could not register the FTS5 function '") + name + "'";
  }
  return rc;
}

}  // namespace kurdi::sqlite
