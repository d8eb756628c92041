// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Scoring: ratings shrunk by review count, the fit to the budget, preference
// directions and weights, the hard constraints (age, contains_all, stock).

#include <algorithm>
#include <set>
#include <string>

#include "chatcart/recommend.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend/test_shop.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Eur;
using ::chatcart::testing::PickIds;
using ::chatcart::testing::ShopRecommender;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

const ScoreTerm& Term(const Pick& p, std::string_view name) {
  static const ScoreTerm kNone;
  for (const ScoreTerm& t : p.breakdown) {
    if (t.name == name) return t;
  }
  ADD_FAILURE() << p.id << " has no term " << name;
  return kNone;
}

const Pick& PickOf(const Recommendation& r, std::string_view id) {
  for (const Pick& p : r.picks) {
    if (p.id == id) return p;
  }
  ADD_FAILURE() << "no pick " << id;
  return r.picks.front();
}

TEST(Scoring, AFiveStarRatingFromTwoReviewsDoesNotBeatFourPointSixFromFifteenHundred) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Photo Printers"};
  q.prefer = {*Preference::Parse("rating*4")};
  q.top = 10;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  const Pick& fresh = PickOf(*rec, "pr-fresh");  // 5.0 from 2 reviews
  const Pick& tank3 = PickOf(*rec, "pr-tank3");  // 4.6 from 1,540
  EXPECT_LT(Term(fresh, "rating").utility, Term(tank3, "rating").utility);
  EXPECT_EQ(rec->picks[0].id, "pr-tank3");
  EXPECT_EQ(Term(fresh, "rating").value, "5");  // shown as rated, shrunk only in the score
}

TEST(Scoring, WithoutReviewCountsRatingsAreUsedAsTheyAre) {
  RecommenderOptions o;
  o.review_count_attribute = "";
  auto r = ShopRecommender(o);
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Photo Printers"};
  q.prefer = {*Preference::Parse("rating*4")};
  q.top = 10;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_FLOAT_EQ(Term(PickOf(*rec, "pr-fresh"), "rating").utility, 1.0);
}

TEST(Scoring, WellInsideTheBudgetFitsBetterThanTheBudgetsEdge) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Laptops"};
  q.budget.max = Eur("900");
  q.top = 10;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  std::vector<std::pair<int64_t, double>> fit;
  for (const Pick& p : rec->picks)
    fit.push_back({p.price->minor_units(), Term(p, "price_fit").utility});
  std::sort(fit.begin(), fit.end());
  for (size_t k = 1; k < fit.size(); ++k) EXPECT_GT(fit[k - 1].second, fit[k].second);
  // The Aero 15 Pro costs 899 of a 900 budget: almost no fit left.
  EXPECT_LT(Term(PickOf(*rec, "lap-aero15"), "price_fit").utility, 0.01);
  EXPECT_FLOAT_EQ(Term(PickOf(*rec, "lap-nimbus"), "price_fit").utility, 1.0);
}

TEST(Scoring, AnAroundBudgetPrefersPricesNearItAndExcludesNone) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Laptops"};
  q.budget.around = Eur("550");
  q.top = 10;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_EQ(rec->matches, 6u);
  EXPECT_GT(Term(PickOf(*rec, "lap-aero14"), "price_fit").utility, 0.99);
  EXPECT_FLOAT_EQ(Term(PickOf(*rec, "lap-titan"), "price_fit").utility, 0.0);
  EXPECT_THAT(::chatcart::testing::ReasonText(PickOf(*rec, "lap-aero14")),
              ::testing::HasSubstr("close to the €550.00 you had in mind"));
}

TEST(Scoring, PreferenceDirectionsOrderThePicks) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Laptops"};
  q.top = 3;
  for (const char* pref :
       {"more:storage*10", "bigger_screen*10", "less:ram*10", "screen_size~13 in*10"}) {
    q.prefer = {*Preference::Parse(pref)};
    absl::StatusOr<Recommendation> rec = r->Recommend(q);
    ASSERT_OK(rec) << pref;
    const std::string first = rec->picks[0].id;
    if (std::string_view(pref).starts_with("more:storage")) {
      EXPECT_TRUE(first == "lap-aero14-1t" || first == "lap-aero15" || first == "lap-titan")
          << first;
    } else if (std::string_view(pref).starts_with("bigger")) {
      EXPECT_EQ(first, "lap-titan");
    } else if (std::string_view(pref).starts_with("less:ram")) {
      EXPECT_TRUE(first == "lap-nimbus" || first == "lap-air12") << first;
    } else {
      EXPECT_EQ(first, "lap-nimbus");  // 13.3 in is nearest 13
    }
  }
}

TEST(Scoring, LikedAndDislikedValuesMove) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Laptops"};
  q.top = 1;
  q.prefer = {*Preference::Parse("color=gold*10")};
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_EQ(rec->picks[0].id, "lap-air12");
  q.prefer = {*Preference::Parse("brand!=Aero*10")};
  rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_NE(rec->picks[0].brand, "Aero");
}

TEST(Scoring, MissingValuesEarnNoCredit) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Electronics"};  // printers have no storage, laptops do
  q.prefer = {*Preference::Parse("more_storage")};
  q.top = 20;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  const Pick& printer = PickOf(*rec, "pr-tank3");
  EXPECT_EQ(Term(printer, "storage").value, "unknown");
  EXPECT_EQ(Term(printer, "storage").utility, 0.0);
}

TEST(Scoring, WeightsSumToOneAndTheScoreIsTheSumOfContributions) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Photo Printers"};
  q.budget.max = Eur("400");
  q.prefer = {*Preference::Parse("cheap_to_run*2"), *Preference::Parse("rating")};
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  for (const Pick& p : rec->picks) {
    double weights = 0, sum = 0;
    for (const ScoreTerm& t : p.breakdown) {
      weights += t.weight;
      sum += t.contribution;
      EXPECT_GE(t.utility, 0);
      EXPECT_LE(t.utility, 1);
    }
    EXPECT_NEAR(weights, 1.0, 1e-9);
    EXPECT_NEAR(p.score, sum, 1e-9);
  }
  // price fit 0.5, cost per print 2, rating 0.5 + 1.
  EXPECT_NEAR(Term(rec->picks[0], "cost_per_print").weight, 2 / 4.0, 1e-9);
  EXPECT_NEAR(Term(rec->picks[0], "rating").weight, 1.5 / 4.0, 1e-9);
}

TEST(Constraints, AnAgeFitsTheProductsRangeAndProductsWithoutOneHaveNoLimit) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Toys"};
  q.age = 8;
  q.top = 10;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  // Fire station 5-10, shuttle 8-14, crystals 8-12, the plush fox has no
  // range; the microscope (8-14) is out of stock; farm 3-6 and solar 10-16
  // do not fit.
  EXPECT_THAT(PickIds(*rec),
              UnorderedElementsAre("toy-fire", "toy-shuttle", "toy-crystal", "toy-fox"));
  EXPECT_THAT(::chatcart::testing::ReasonText(PickOf(*rec, "toy-fire")),
              ::testing::HasSubstr("for ages 5 to 10"));
  q.in_stock_only = false;
  rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_EQ(rec->matches, 5u);
}

TEST(Constraints, ContainsAllNeedsEveryValue) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Toys"};
  q.contains_all = {{"interests", {"science", "building"}}};
  q.top = 10;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_THAT(PickIds(*rec), UnorderedElementsAre("toy-shuttle", "toy-solar"));
}

TEST(Constraints, ExcludedProductsAreNotPickedButStillCountAsMatches) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Laptops"};
  q.exclude = {"lap-titan", "lap-nimbus"};
  q.top = 10;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_EQ(rec->matches, 6u);
  for (const Pick& p : rec->picks) {
    EXPECT_NE(p.id, "lap-titan");
    EXPECT_NE(p.id, "lap-nimbus");
  }
  q.where = {"id=lap-titan"};
  q.exclude = {"lap-titan"};
  rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_TRUE(rec->picks.empty());
  EXPECT_EQ(rec->explanation, "Every product that fits has been shown already.");
}

}  // namespace
}  // namespace chatcart
