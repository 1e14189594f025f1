// kurdi's ranking plan (include/kurdi/search.hpp, docs/sqlite.md "Ranking"):
// weights and document frequencies for each query term, and which common
// related terms a host may leave out of its first match.
//
// Not part of the analyzer version: nothing here changes what is indexed
// (src/CMakeLists.txt leaves this file out of the version hash).
#include <algorithm>
#include <cmath>
#include <vector>

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

// --- Deferral: the bound ------------------------------------------------------
//
// kurdi_bm25 (ext/sqlite/rank.cpp) scores a document d as
//
//   score(d) = c(d) * sum over the query's items s of best_s(d)
//   best_s(d) = max over the phrases p of item s that d holds of
//               w_p * idf_p * bm25_tf(tf_p(d), len(d))
//
// The items are those of every group, numbered across the groups (S in
// all); tf_p(d) adds, for each occurrence of p, the weight of its column (the
// archive weighs a title occurrence 3.0 and a body one 1.0); c(d) is the
// share of the S items with best_s(d) > 0 (1 without coordination). For any
// tf > 0,
//
//   bm25_tf(tf, len) = tf (k1 + 1) / (tf + k1 (1 - b + b len / avg)) < k1 + 1
//
// when k1 > 0 and b < 1 (the defaults are 1.2 and 0.75): the column weights
// only change tf, so they cannot lift a term above k1 + 1. So item s gives at
// most
//
//   full(s)     = max over its phrases p of w_p * idf_p * (k1 + 1)
//   deferred(s) = max over its deferred terms p of w_p * idf_p * (k1 + 1)
//                 through deferred terms alone (0 when it has none).
//
// A phrase or prefix item is matched whole and kurdi_bm25 counts its df at
// query time; a document that holds it makes that df at least 1, so its idf
// is at most idf(1, N), and its weight is 1 or related_weight.
//
// The full match is the AND over the groups g of "any term of g"; the narrow
// one the AND of "any non-deferred term of g" (a group without deferred terms
// keeps them all). A document d in the full match but not in the narrow one
// therefore holds, in some group g that has deferred terms, none of g's
// other terms: g's items give it at most D(g) = sum over s in g of
// deferred(s), each other group h at most F(h) = sum over s in h of full(s),
// and it holds at most m(g) + S - |g| items, m(g) being the items of g with
// a deferred term. Both factors are >= 0, so
//
//   score(d) <= B(g) = (m(g) + S - |g|) / S * (D(g) + sum over h != g of F(h))
//
// (without coordination the first factor is 1), and no such document scores
// more than deferred_bound = the largest B(g) over the groups with deferred
// terms, strictly less in fact, since bm25_tf < k1 + 1. For one group this
// is m / |g| * D(g), the bound of the single-group deferral before it. When
// the narrow page (offset + limit hits) is full and its last hit scores at
// least deferred_bound, no document outside the narrow match can take a place
// on it, ties included, and the documents on it have the same scores in both
// passes: the narrow match renders every term of theirs, the deferred ones
// too, in the same slots (ext/sqlite/render.cpp).
//
// The bound takes the plan's df and N. kurdi_bm25 takes the plan's df too,
// and N from FTS5's row count, which the host's statistics must equal (the
// archive counts its documents table, kept in step with the index in each
// transaction); a write between planning and matching can change either,
// as it can change the hits themselves.

double item_full_bound(const PlannedItem& item, const RankingOptions& options, std::uint64_t documents) {
  if (item.terms.empty()) return std::max(1.0, options.related_weight) * idf(1, documents) * (options.k1 + 1);
  double best = 0;
  for (const PlannedTerm& t : item.terms) best = std::max(best, t.weight * idf(t.df, documents) * (options.k1 + 1));
  return best;
}

// Through the terms that `defer` picks.
template <class Defer>
double item_deferred_bound(const PlannedItem& item, const RankingOptions& options, std::uint64_t documents,
                           Defer&& defer) {
  double best = 0;
  for (const PlannedTerm& t : item.terms)
    if (defer(t)) best = std::max(best, t.weight * idf(t.df, documents) * (options.k1 + 1));
  return best;
}

// Which terms to defer. A related term (a stem or lemma: weight below 1) in
// more than defer_share of the documents is common; a query word's own form
// never is deferred (the exact form is what ranks first). Deferral is worth a
// second pass only when the full match can be large, i.e. every group may
// match more than that share (an AND is no larger than its rarest group), and
// the group's other terms are rarer than that: then the narrow match is at
// most defer_share of the documents.
//
// Common terms are deferred in one group at most, the one with the lowest
// B(g). Deferring in a second group would narrow the match further but raise
// the bound: B(g) of the group with the most common words adds the full
// bounds F(h) of the rarer ones, which scores seldom reach (bm25_tf is near
// 1 for one occurrence, far from k1 + 1), so the narrow page would rarely be
// exact. One group already narrows the AND to its rarer terms.
void defer_common_terms(QueryPlan& plan, std::uint64_t documents) {
  const RankingOptions& options = plan.options;
  const double n = static_cast<double>(documents);
  const double common = options.defer_share * n;
  const auto is_common = [&](const PlannedTerm& t) { return t.weight < 1.0 && static_cast<double>(t.df) > common; };

  std::size_t items = 0;
  double full_sum = 0;
  std::vector<double> full(plan.groups.size(), 0.0);
  for (std::size_t g = 0; g < plan.groups.size(); ++g) {
    double reach = 0;  // documents the group can match, at most
    for (const PlannedItem& item : plan.groups[g]) {
      if (item.terms.empty()) reach = n;  // a phrase or prefix: not looked up
      for (const PlannedTerm& t : item.terms) reach += static_cast<double>(t.df);
      full[g] += item_full_bound(item, options, documents);
    }
    if (reach <= common) return;  // the AND is small already
    items += plan.groups[g].size();
    full_sum += full[g];
  }
  if (items == 0) return;

  std::size_t chosen = plan.groups.size();
  double chosen_bound = 0, chosen_narrow = 0;
  for (std::size_t g = 0; g < plan.groups.size(); ++g) {
    bool any = false;
    double narrow = 0;  // documents of the group's other terms, at most (phrases not counted)
    for (const PlannedItem& item : plan.groups[g])
      for (const PlannedTerm& t : item.terms) {
        if (is_common(t)) {
          any = true;
        } else {
          narrow += static_cast<double>(t.df);
        }
      }
    if (!any || narrow > common) continue;
    double deferred = 0;
    std::size_t with_deferred = 0;
    for (const PlannedItem& item : plan.groups[g]) {
      const double best = item_deferred_bound(item, options, documents, is_common);
      deferred += best;
      with_deferred += best > 0 ? 1 : 0;
    }
    double bound = deferred + (full_sum - full[g]);
    if (options.coordination)
      bound *= static_cast<double>(with_deferred + items - plan.groups[g].size()) / static_cast<double>(items);
    if (chosen == plan.groups.size() || bound < chosen_bound || (bound == chosen_bound && narrow < chosen_narrow)) {
      chosen = g;
      chosen_bound = bound;
      chosen_narrow = narrow;
    }
  }
  if (chosen == plan.groups.size()) return;
  for (PlannedItem& item : plan.groups[chosen])
    for (PlannedTerm& t : item.terms) t.deferred = is_common(t);
  plan.deferred = true;
  plan.deferred_bound = chosen_bound;
}

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

  if (documents == 0) return plan;
  defer_common_terms(plan, documents);
  return plan;
}

}  // namespace kurdi::search
