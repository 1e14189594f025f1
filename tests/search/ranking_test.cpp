// kurdi's ranking plan (include/kurdi/search.hpp, "Ranking"): BM25 formulas,
// term weights, document frequencies and deferral, against a hand-made index.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "kurdi/search.hpp"

namespace {

using namespace kurdi::search;

// Statistics from a table of stored terms; counts the lookups.
struct FakeStatistics final : TermStatistics {
  std::uint64_t n = 1000;
  std::map<std::string, std::uint64_t, std::less<>> df;
  int lookups = 0;
  std::uint64_t documents() override { return n; }
  std::uint64_t documents_with(std::string_view term) override {
    ++lookups;
    const auto it = df.find(term);
    return it == df.end() ? 0 : it->second;
  }
};

std::string stem(std::string_view s) {
  std::string out(stem_marker);  // append, not operator+: GCC 12 -Wrestrict
  out.append(s);
  return out;
}

TEST(Bm25, IdfIsLucenesAndPositive) {
  EXPECT_NEAR(idf(10, 1000), std::log(1 + (1000 - 10 + 0.5) / 10.5), 1e-12);
  EXPECT_GT(idf(1000, 1000), 0.0);  // in every document: small, not zero or negative
  EXPECT_GT(idf(1, 1000), idf(100, 1000));
  EXPECT_GT(idf(0, 0), 0.0);  // an empty index does not divide by zero
}

TEST(Bm25, TermFrequencyPartSaturatesBelowKOnePlusOne) {
  const RankingOptions o;
  EXPECT_EQ(bm25_tf(0, 10, 10, o), 0.0);
  EXPECT_NEAR(bm25_tf(1, 10, 10, o), 1.0, 1e-12);  // tf 1 at average length
  EXPECT_LT(bm25_tf(1, 20, 10, o), bm25_tf(1, 10, 10, o));  // longer documents count less
  double last = 0;
  for (double tf = 1; tf < 1e6; tf *= 4) {
    const double v = bm25_tf(tf, 10, 10, o);
    EXPECT_GT(v, last);
    EXPECT_LT(v, o.k1 + 1);
    last = v;
  }
}

TEST(Plan, WeighsFormsAboveStemsAndLooksUpStoredTerms) {
  Expander e;
  FakeStatistics st;
  st.n = 10000;  // every term rare: nothing to defer
  st.df["بەرپرسەکانی"] = 3;
  st.df["بەرپرس"] = 20;
  st.df[stem("بەرپرس")] = 40;
  const Query q = parse_query("بەرپرسەکانی", e);
  const QueryPlan plan = plan_query(q, st);
  ASSERT_EQ(plan.groups.size(), 1u);
  ASSERT_EQ(plan.groups[0].size(), 1u);
  const PlannedItem& item = plan.groups[0][0];
  EXPECT_EQ(item.item, &q.all[0].any[0]);
  ASSERT_EQ(item.terms.size(), q.all[0].any[0].words[0].terms.size());
  bool saw_form = false, saw_derived = false, saw_stem = false;
  for (const PlannedTerm& t : item.terms) {
    if (t.term.exact && !t.term.derived && t.term.text == "بەرپرسەکانی") {
      saw_form = true;
      EXPECT_EQ(t.weight, 1.0);
      EXPECT_EQ(t.df, 3u);
    } else if (t.term.exact && t.term.text == "بەرپرس") {
      saw_derived = true;
      EXPECT_EQ(t.weight, RankingOptions{}.related_weight);
      EXPECT_EQ(t.df, 20u);
    } else if (!t.term.exact && t.term.text == "بەرپرس") {
      saw_stem = true;
      EXPECT_EQ(t.weight, RankingOptions{}.related_weight);
      EXPECT_EQ(t.df, 40u);  // looked up with the stem marker
    }
    EXPECT_FALSE(t.deferred);  // nothing common here
  }
  EXPECT_TRUE(saw_form && saw_derived && saw_stem);
  EXPECT_FALSE(plan.deferred);
}

TEST(Plan, DefersTheCommonTermsOfAWord) {
  Expander e;
  FakeStatistics st;
  st.n = 10000;
  st.df["دەکرێت"] = 30;  // rare form ...
  st.df["کردن"] = 800;
  st.df[stem("کردن")] = 9000;  // ... whose lemma is everywhere
  const Query one = parse_query("دەکرێت", e);  // one item: coordination takes nothing off the bound
  const QueryPlan plan = plan_query(one, st);
  ASSERT_TRUE(plan.deferred);
  // The rarest terms while they are in at most 5 % (500) of the documents: the form.
  double bound = 0;
  for (const PlannedTerm& t : plan.groups[0][0].terms) {
    EXPECT_EQ(t.deferred, t.df > 30) << t.term.text;
    if (t.deferred) bound = std::max(bound, t.weight * idf(t.df, st.n) * (RankingOptions{}.k1 + 1));
  }
  EXPECT_NEAR(plan.deferred_bound, bound, 1e-12);
  EXPECT_GT(plan.deferred_bound, 0.0);
  EXPECT_EQ(plan.narrow_reach, 30.0);

  // An AND with a rare group: at most 5 documents match, nothing to defer.
  st.df["بەغدا"] = 5;
  const QueryPlan and_plan = plan_query(parse_query("دەکرێت بەغدا", e), st);
  EXPECT_FALSE(and_plan.deferred);
  for (const auto& group : and_plan.groups)
    for (const PlannedItem& item : group)
      for (const PlannedTerm& t : item.terms) EXPECT_FALSE(t.deferred);
}

// Two groups that each match most documents: the common terms of both are
// deferred, forms included, and the bound adds up each item's best deferred
// term, all items holding one (coordination 2/2).
TEST(Plan, DefersAcrossGroups) {
  Expander e;
  FakeStatistics st;
  st.n = 10000;
  st.df["دەکرێت"] = 30;
  st.df["کردن"] = 800;
  st.df[stem("کردن")] = 9000;
  st.df["وە"] = 6000;  // a common form
  QueryPlan plan = plan_query(parse_query("دەکرێت وە", e), st);
  ASSERT_TRUE(plan.deferred);
  ASSERT_EQ(plan.groups.size(), 2u);
  const double k = RankingOptions{}.k1 + 1;
  const auto bound_of = [&](const QueryPlan& p) {
    double sum = 0;
    for (const auto& group : p.groups)
      for (const PlannedItem& item : group) {
        double best = 0;
        for (const PlannedTerm& t : item.terms)
          if (t.deferred) best = std::max(best, t.weight * idf(t.df, st.n) * k);
        sum += best;
      }
    return sum;
  };
  for (const auto& group : plan.groups)
    for (const PlannedItem& item : group)
      for (const PlannedTerm& t : item.terms) EXPECT_EQ(t.deferred, t.df > 30) << t.term.text;
  EXPECT_NEAR(plan.deferred_bound, bound_of(plan), 1e-12);
  EXPECT_NEAR(plan.deferred_bound, (0.8 * idf(800, st.n) + idf(6000, st.n)) * k, 1e-12);

  // A full page ending above the bound of one more term left in (کردن):
  // that one, and no more.
  const double with_lemma = (0.8 * idf(9000, st.n) + idf(6000, st.n)) * k;
  QueryPlan wider = plan;
  ASSERT_TRUE(defer_to_bound(wider, with_lemma));
  EXPECT_NEAR(wider.deferred_bound, with_lemma, 1e-12);
  EXPECT_NEAR(wider.deferred_bound, bound_of(wider), 1e-12);
  EXPECT_EQ(wider.narrow_reach, 830.0);
  // Below any bound short of the full match: nothing deferred any more.
  wider = plan;
  EXPECT_FALSE(defer_to_bound(wider, 0.0));
  EXPECT_FALSE(wider.deferred);
  // A short page: every term in less than 20 % (2,000) of the documents.
  wider = plan;
  ASSERT_TRUE(defer_to_share(wider, 0.2));
  EXPECT_EQ(wider.narrow_reach, 830.0);
  EXPECT_NEAR(wider.deferred_bound, with_lemma, 1e-12);
}

// A form in a tenth of the documents cannot be left in at 5 %; at
// wide_defer_share (25 %) it can, and its stem, in nine tenths, is deferred.
TEST(Plan, WidensWhenTheRarestTermIsTooCommonForTheFirstShare) {
  Expander e;
  FakeStatistics st;
  st.n = 10000;
  st.df["دەکرێت"] = 1000;
  st.df[stem("کردن")] = 9000;
  const QueryPlan plan = plan_query(parse_query("دەکرێت", e), st);
  ASSERT_TRUE(plan.deferred);
  EXPECT_EQ(plan.narrow_reach, 1000.0);
  EXPECT_NEAR(plan.deferred_bound, 0.8 * idf(9000, st.n) * (RankingOptions{}.k1 + 1), 1e-12);
  RankingOptions narrow_only;
  narrow_only.wide_defer_share = narrow_only.defer_share;
  EXPECT_FALSE(plan_query(parse_query("دەکرێت", e), st, narrow_only).deferred);
}

TEST(Plan, NoDeferralWhenTheRestIsAsCommon) {
  Expander e;
  FakeStatistics st;
  st.n = 10000;
  st.df["دەکرێت"] = 6000;  // the form itself is common: deferring gains nothing
  st.df[stem("کردن")] = 9000;
  const QueryPlan plan = plan_query(parse_query("دەکرێت", e), st);
  EXPECT_FALSE(plan.deferred);
  EXPECT_EQ(plan.deferred_bound, 0.0);
}

TEST(Plan, ACommonFormIsDeferredLikeAStem) {
  Expander e;
  FakeStatistics st;
  st.n = 100;
  st.df["کتێب"] = 99;
  st.df["وشە"] = 1;
  const QueryPlan plan = plan_query(parse_query("کتێب OR وشە", e), st);
  ASSERT_TRUE(plan.deferred);
  for (const PlannedItem& item : plan.groups[0])
    for (const PlannedTerm& t : item.terms)
      if (t.term.text == "کتێب" && t.weight == 1.0) {
        EXPECT_TRUE(t.deferred);
      } else if (t.term.text == "وشە" && t.weight == 1.0) {
        EXPECT_FALSE(t.deferred);
      }
  // Only the item کتێب holds a deferred term: coordination 1/2.
  EXPECT_NEAR(plan.deferred_bound, idf(99, 100) * (RankingOptions{}.k1 + 1) / 2, 1e-12);
}

TEST(Plan, PhrasesAndPrefixesAreMatchedWhole) {
  Expander e;
  FakeStatistics st;
  const Query q = parse_query("\"هێزی ئەمریکا\" کورد*", e);
  const QueryPlan plan = plan_query(q, st);
  ASSERT_EQ(plan.groups.size(), 2u);
  EXPECT_TRUE(plan.groups[0][0].terms.empty());
  EXPECT_TRUE(plan.groups[1][0].terms.empty());
  EXPECT_EQ(st.lookups, 0);  // nothing to look up for them
}

}  // namespace
