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

// --- Deferral -----------------------------------------------------------------
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
// only change tf, so they cannot lift a term to k1 + 1.
//
// The plan splits the terms of the query's words in two: the deferred ones,
// D (the most common), and the rest, R; a phrase or prefix item is matched
// whole and is always in R. The full match is the AND over the groups of
// "any term of the group"; the narrow match is the full match AND "any
// phrase of R", every group still scored with all of its terms. A document
// d in the full match but not in the narrow one holds no phrase of R, so
// each item s gives it at most
//
//   deferred(s) = max over the deferred terms p of s of w_p * idf_p * (k1 + 1)
//
// (0 when s has none: then d does not hold s at all), and it holds at most
// m of the S items, m = the items with a deferred term. Both factors are
// >= 0, so
//
//   score(d) < deferred_bound = m / S * sum over all items s of deferred(s)
//
// (without coordination, the sum alone). When the narrow page (offset +
// limit hits) is full and its last hit scores at least deferred_bound, no
// document outside the narrow match can take a place on it, ties included,
// and the documents on it have the same scores as in the full match (same
// phrases, same slots; the R phrases of the gate do not score). For a query
// of one group whose common terms are its stems this is the single-group
// deferral that came before.
//
// Why not the narrow match "each group by its own non-deferred terms",
// which is smaller? A document outside it misses them in one group g only,
// and may hold any term of the other groups, their rarest stems included:
// its bound adds those groups' best idf * (k1 + 1) and is seldom reached
// (a query word such as وە has lemmas rarer than itself). With the gate the
// bound counts deferred, common terms only, whose idf is small.
//
// The bound takes the plan's df and N. kurdi_bm25 takes the plan's df too,
// and N from FTS5's row count, which the host's statistics must equal (the
// archive counts its documents table, kept in step with the index in each
// transaction); a write between planning and matching can change either,
// as it can change the hits themselves.

// Documents a phrase item can match, at most: each of its words in one of
// its terms.
double phrase_reach(const QueryItem& item, TermStatistics& statistics, double documents) {
  double reach = documents;
  for (const QueryWord& w : item.words) {
    double word = 0;
    for (const Term& t : w.terms) word += static_cast<double>(statistics.documents_with(stored_term(t)));
    reach = std::min(reach, word);
  }
  return reach;
}

// The plan's word terms, rarest first (the order in which they are left in).
std::vector<PlannedTerm*> rarest_first(QueryPlan& plan) {
  std::vector<PlannedTerm*> terms;
  for (std::vector<PlannedItem>& group : plan.groups)
    for (PlannedItem& item : group)
      for (PlannedTerm& t : item.terms) terms.push_back(&t);
  std::stable_sort(terms.begin(), terms.end(), [](const PlannedTerm* a, const PlannedTerm* b) { return a->df < b->df; });
  return terms;
}

void defer_nothing(QueryPlan& plan) {
  for (std::vector<PlannedItem>& group : plan.groups)
    for (PlannedItem& item : group)
      for (PlannedTerm& t : item.terms) t.deferred = false;
  plan.deferred = false;
  plan.deferred_bound = 0;
  plan.narrow_reach = plan.whole_reach;
}

// Leaves the `kept` rarest terms in and defers the others, with their bound
// (see above). Defers nothing and returns false when that cannot help: a
// group without a deferred term (each document of the full match then holds
// a term that is left in), or nothing left in that any document holds.
bool keep_rarest(QueryPlan& plan, const std::vector<PlannedTerm*>& terms, std::size_t kept) {
  defer_nothing(plan);
  if (kept >= terms.size()) return false;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    terms[i]->deferred = i >= kept;
    if (i < kept) plan.narrow_reach += static_cast<double>(terms[i]->df);
  }
  if (plan.narrow_reach == 0) {  // the terms left in are in no document
    defer_nothing(plan);
    return false;
  }
  const RankingOptions& options = plan.options;
  std::size_t items = 0, with_deferred = 0;
  double bound = 0;
  for (const std::vector<PlannedItem>& group : plan.groups) {
    bool any = false;
    for (const PlannedItem& item : group) {
      ++items;
      double best = 0;
      bool has = false;
      for (const PlannedTerm& t : item.terms) {
        if (!t.deferred) continue;
        has = true;
        best = std::max(best, t.weight * idf(t.df, plan.documents) * (options.k1 + 1));
      }
      bound += best;
      with_deferred += has ? 1 : 0;
      any = any || has;
    }
    if (!any) {
      defer_nothing(plan);
      return false;
    }
  }
  if (options.coordination) bound *= static_cast<double>(with_deferred) / static_cast<double>(items);
  plan.deferred = true;
  plan.deferred_bound = bound;
  return true;
}

std::size_t kept_terms(const std::vector<PlannedTerm*>& terms) {
  std::size_t kept = 0;
  while (kept < terms.size() && !terms[kept]->deferred) ++kept;
  return kept;
}

// Which terms to defer: the most common terms of the query's words, so that
// the other terms (with any phrase items) are together in at most `share`
// of the documents, taken rarest first; so the narrow match is no larger.
// Worth a second pass only when the full match can be larger than that:
// every group can (an AND is no larger than its smallest group).
// A prefix item is not looked up and may be anywhere: nothing is deferred.
void defer_common_terms(QueryPlan& plan, TermStatistics& statistics, double share) {
  const double n = static_cast<double>(plan.documents);
  const double budget = share * n;
  plan.full_reach = n;
  plan.whole_reach = 0;
  plan.has_whole_items = false;
  for (const std::vector<PlannedItem>& group : plan.groups)
    for (const PlannedItem& item : group)
      if (item.item->prefix) return;
  for (const std::vector<PlannedItem>& group : plan.groups) {
    double reach = 0;  // documents the group can match, at most
    for (const PlannedItem& item : group) {
      if (item.terms.empty()) {
        const double r = phrase_reach(*item.item, statistics, n);
        plan.whole_reach += r;
        plan.has_whole_items = true;
        reach += r;
      }
      for (const PlannedTerm& t : item.terms) reach += static_cast<double>(t.df);
    }
    plan.full_reach = std::min(plan.full_reach, reach);
  }
  plan.narrow_reach = plan.whole_reach;
  if (plan.full_reach <= budget) return;  // the AND is small already
  const std::vector<PlannedTerm*> terms = rarest_first(plan);
  std::size_t kept = 0;
  double narrow = plan.whole_reach;
  while (kept < terms.size() && narrow + static_cast<double>(terms[kept]->df) <= budget)
    narrow += static_cast<double>(terms[kept++]->df);
  if (narrow > budget) return;
  keep_rarest(plan, terms, kept);
}

}  // namespace

bool defer_to_bound(QueryPlan& plan, double score) {
  if (!plan.deferred) return false;
  const std::vector<PlannedTerm*> terms = rarest_first(plan);
  for (std::size_t kept = kept_terms(terms) + 1; kept < terms.size(); ++kept) {
    double reach = plan.whole_reach;
    for (std::size_t i = 0; i < kept; ++i) reach += static_cast<double>(terms[i]->df);
    if (reach >= plan.full_reach) break;  // no narrower than the full match
    if (!keep_rarest(plan, terms, kept)) break;
    if (plan.deferred_bound <= score) return true;
  }
  defer_nothing(plan);
  return false;
}

bool defer_to_share(QueryPlan& plan, double share) {
  if (!plan.deferred) return false;
  const std::vector<PlannedTerm*> terms = rarest_first(plan);
  const std::size_t now = kept_terms(terms);
  const double budget = std::min(share * static_cast<double>(plan.documents), plan.full_reach);
  std::size_t kept = 0;
  double reach = plan.whole_reach;
  while (kept < terms.size() && reach + static_cast<double>(terms[kept]->df) < budget)
    reach += static_cast<double>(terms[kept++]->df);
  if (kept > now && keep_rarest(plan, terms, kept)) return true;
  defer_nothing(plan);
  return false;
}

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

  plan.documents = documents;
  if (documents == 0) return plan;
  defer_common_terms(plan, statistics, options.defer_share);
  // When the rarest terms alone are in more than defer_share of the
  // documents (a word such as بوونی, in a tenth of them, whose stems are in
  // all), a wider first match still scores a fraction of the full one.
  if (!plan.deferred && options.wide_defer_share > options.defer_share)
    defer_common_terms(plan, statistics, options.wide_defer_share);
  return plan;
}

}  // namespace kurdi::search
