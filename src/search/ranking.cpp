// kurdi's ranking plan (include/kurdi/search.hpp, docs/sqlite.md "Ranking"):
// weights and document frequencies for each query term, and which common
// related terms a host may leave out of its first match.
//
// Not part of the analyzer version: nothing here changes what is indexed
// (src/CMakeLists.txt leaves this file out of the version hash).
#include <algorithm>
#include <cmath>

#include "kurdi/search.hpp"

namespace kurdi::search {

double idf(std::uint64_t df, std::uint64_t documents) noexcept {
  const double n = static_cast<double>(documents);
  const double d = std::min(static_cast<double>(df), n);
  return std::log1p((n - d + 0.5) / (d + 0.5));
}

double bm25_tf(double tf, double length, double average_length, const RankingOptions& options) noexcept {
  if (tf <= 0) return 0;
  const double ratio = average_length > 0 ? length / average_length : 1.0;
  return tf * (options.k1 + 1) / (tf + options.k1 * (1 - options.b + options.b * ratio));
}

namespace {

bool is_word(const QueryItem& item) noexcept { return item.words.size() == 1 && !item.prefix; }

}  // namespace

QueryPlan plan_query(const Query& query, TermStatistics& statistics, const RankingOptions& options) {
  QueryPlan plan;
  plan.options = options;
  const std::uint64_t documents = statistics.documents();
  plan.groups.reserve(query.all.size());
  for (const QueryGroup& group : query.all) {
    std::vector<PlannedItem>& items = plan.groups.emplace_back();
    items.reserve(group.any.size());
    for (const QueryItem& item : group.any) {
      PlannedItem& planned = items.emplace_back();
      planned.item = &item;
      if (!is_word(item)) continue;
      for (const Term& term : item.words.front().terms) {
        const bool own_form = term.exact && !term.derived;
        planned.terms.push_back(PlannedTerm{term, own_form ? 1.0 : options.related_weight,
                                            statistics.documents_with(stored_term(term)), false});
      }
    }
  }

  // Deferral narrows the match only where the whole query is one group: with
  // several groups every one is required, and the index's AND already skips
  // through a common term's documents instead of scoring them all.
  if (plan.groups.size() != 1 || documents == 0) return plan;
  const double common = options.defer_share * static_cast<double>(documents);
  double narrow = 0;  // documents the first match can reach, at most
  bool any = false;
  for (PlannedItem& item : plan.groups.front()) {
    for (PlannedTerm& t : item.terms) {
      t.deferred = t.weight < 1.0 && static_cast<double>(t.df) > common;
      if (t.deferred) {
        any = true;
      } else {
        narrow += static_cast<double>(t.df);
      }
    }
  }
  // Nothing gained when the rest is about as common: match everything at once.
  if (!any || narrow > common) {
    for (PlannedItem& item : plan.groups.front())
      for (PlannedTerm& t : item.terms) t.deferred = false;
    return plan;
  }
  // A document outside the narrow match scores only through deferred terms:
  // at most each item's best deferred weight * idf * (k1 + 1) (the limit of
  // bm25_tf), summed over the items that have deferred terms; and with
  // coordination it matches at most those items of all the query's.
  plan.deferred = true;
  std::size_t with_deferred = 0;
  for (const PlannedItem& item : plan.groups.front()) {
    double best = 0;
    for (const PlannedTerm& t : item.terms)
      if (t.deferred) best = std::max(best, t.weight * idf(t.df, documents) * (options.k1 + 1));
    plan.deferred_bound += best;
    with_deferred += best > 0 ? 1 : 0;
  }
  if (options.coordination)
    plan.deferred_bound *= static_cast<double>(with_deferred) / static_cast<double>(plan.groups.front().size());
  return plan;
}

}  // namespace kurdi::search
