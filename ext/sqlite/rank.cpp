// The FTS5 ranking function kurdi_bm25 (docs/sqlite.md, "Ranking").
//
//   kurdi_bm25(fts_table, ranking [, column weight, ...])
//
// `ranking` comes with the MATCH expression from fts5_ranked_match(): for
// each phrase of the expression, in order, "slot weight df" (df -1: count
// it here), entries separated by ';'. A phrase with slot -1 does not score
// (an exclusion, or the second copy of a phrase in a narrowed match). A
// document's score is the sum over slots (query items) of the best
// weight * idf * bm25_tf among the slot's phrases, with tf counted per
// column times the column's weight, as FTS5's bm25() counts it, times the
// share of the slots matched (coordination). The formulas
// are the core's (kurdi::search::idf, kurdi::search::bm25_tf): every host
// ranks alike. Higher is better.
#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/search.hpp"
#include "sqlite_api.hpp"
#include "tokenizer.hpp"

namespace kurdi::sqlite {
namespace {

// Rows kurdi_bm25 has scored in this process: the work a ranked search does
// (kurdi_bm25_rows_scored(); benchmarks and tests read it). Relaxed: a count,
// not a synchronisation; one increment is nothing next to a row's scoring.
std::atomic<std::uint64_t> rows_scored{0};

struct Phrase {
  int slot = -1;
  double weight = 0;
  double idf = 0;
};

struct Ranking {
  std::vector<Phrase> phrases;
  std::vector<double> column_weights;
  int slots = 0;
  double average_length = 0;
  search::RankingOptions options;
  // Per-document scratch, reused row after row.
  std::vector<double> tf;
  std::vector<double> best;
};

bool parse_number(std::string_view text, double& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Parses "slot weight df;..." into `out` (df left in idf until counted).
bool parse_ranking(std::string_view text, std::vector<Phrase>& out, std::vector<double>& dfs) {
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
  const auto phrase_is_a_slot = [&] {
    for (const Phrase& p : r->phrases)
      if (p.slot >= static_cast<int>(r->phrases.size())) return false;
    return true;
  };
  if (!parse_ranking(text ? text : "", r->phrases, dfs) ||
      static_cast<int>(r->phrases.size()) != api->xPhraseCount(fts) || !phrase_is_a_slot()) {
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
    Phrase& p = r->phrases[i];
    if (p.slot < 0) continue;
    r->slots = std::max(r->slots, p.slot + 1);
    sqlite3_int64 df = static_cast<sqlite3_int64>(dfs[i]);
    if (df < 0) {  // a phrase or prefix: count the documents that hold it
      df = 0;
      rc = api->xQueryPhrase(fts, static_cast<int>(i), &df, count_row);
    }
    p.idf = search::idf(static_cast<std::uint64_t>(df), static_cast<std::uint64_t>(rows));
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return nullptr;
  }
  r->average_length = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 0;
  r->tf.resize(r->phrases.size());
  r->best.resize(static_cast<std::size_t>(r->slots));
  Ranking* raw = r.release();
  rc = api->xSetAuxdata(fts, raw, delete_ranking);  // frees raw on failure
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return nullptr;
  }
  return raw;
}

void kurdi_bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                sqlite3_value** argv) {
  try {
    Ranking* r = ranking_of(api, fts, ctx, argc, argv);
    if (r == nullptr) return;
    rows_scored.fetch_add(1, std::memory_order_relaxed);
    std::fill(r->tf.begin(), r->tf.end(), 0.0);
    int instances = 0;
    int rc = api->xInstCount(fts, &instances);
    for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
      int phrase = 0, column = 0, offset = 0;
      rc = api->xInst(fts, i, &phrase, &column, &offset);
      if (rc == SQLITE_OK) r->tf[static_cast<std::size_t>(phrase)] += r->column_weights[static_cast<std::size_t>(column)];
    }
    int length = 0;
    if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &length);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    std::fill(r->best.begin(), r->best.end(), 0.0);
    for (std::size_t i = 0; i < r->phrases.size(); ++i) {
      const Phrase& p = r->phrases[i];
      if (p.slot < 0 || r->tf[i] <= 0) continue;
      const double s = p.weight * p.idf * search::bm25_tf(r->tf[i], length, r->average_length, r->options);
      double& best = r->best[static_cast<std::size_t>(p.slot)];
      best = std::max(best, s);
    }
    double score = 0;
    int matched = 0;
    for (const double b : r->best) {
      score += b;
      matched += b > 0 ? 1 : 0;
    }
    if (r->options.coordination && r->slots > 0) score *= static_cast<double>(matched) / r->slots;
    sqlite3_result_double(ctx, score);
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(ctx);
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

}  // namespace

std::uint64_t kurdi_bm25_rows_scored() noexcept { return rows_scored.load(std::memory_order_relaxed); }

int register_ranking(sqlite3* db, std::string* error) {
  fts5_api* api = fts5_api_of(db, error);
  if (api == nullptr) return SQLITE_ERROR;
  const int rc = api->xCreateFunction(api, "kurdi_bm25", nullptr, kurdi_bm25, nullptr);
  if (rc != SQLITE_OK && error) *error = "kurdi: could not register the FTS5 function 'kurdi_bm25'";
  return rc;
}

}  // namespace kurdi::sqlite
