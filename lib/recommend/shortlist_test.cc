// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The shortlist: diversity, no variant twice, and the real-alternative
// guarantee (or why there is none).

#include <set>
#include <string>

#include "chatcart/recommend.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend/test_shop.h"

namespace chatcart {
namespace {

using ::chatcart::testing::PickIds;
using ::chatcart::testing::ShopCatalog;
using ::chatcart::testing::ShopRecommender;
using ::testing::HasSubstr;

TEST(Shortlist, NeverShowsTwoVariantsOfOneProduct) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Laptops"};
  q.top = 6;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  // Six laptops fit, but the two Aero 14 are one product in two capacities.
  EXPECT_EQ(rec->matches, 6u);
  EXPECT_EQ(rec->picks.size(), 5u);
  std::set<std::string> names;
  for (const Pick& p : rec->picks) EXPECT_TRUE(names.insert(p.name).second) << p.name;
}

TEST(Shortlist, DiversityTradesALittleScoreForAnotherBrand) {
  RecommenderOptions none;
  none.diversity = 0;
  RecommenderOptions strong;
  strong.diversity = 1;
  RecommendRequest q;
  q.where = {"category=Laptops"};
  q.prefer = {*Preference::Parse("brand=Aero")};
  q.top = 2;
  absl::StatusOr<Recommendation> plain = ShopRecommender(none)->Recommend(q);
  absl::StatusOr<Recommendation> diverse = ShopRecommender(strong)->Recommend(q);
  ASSERT_OK(plain);
  ASSERT_OK(diverse);
  EXPECT_EQ(plain->picks[0].brand, "Aero");
  EXPECT_EQ(plain->picks[1].brand, "Aero");
  EXPECT_EQ(diverse->picks[0].brand, "Aero");
  EXPECT_NE(diverse->picks[1].brand, "Aero");
}

TEST(Shortlist, HoldsARealAlternativeEvenWhenTheScoresWouldNot) {
  RecommenderOptions o;
  o.diversity = 0;
  auto r = ShopRecommender(o);
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Photo Printers"};
  // Strongly for Canora and for the dearest: Canora's 699 and 349 € printers
  // lead, neither cheaper than the first nor another brand.
  q.prefer = {*Preference::Parse("brand=Canora*20"), *Preference::Parse("more:price*20")};
  q.top = 2;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  ASSERT_EQ(rec->picks.size(), 2u);
  EXPECT_EQ(rec->picks[0].id, "pr-zen10");
  ASSERT_EQ(rec->alternative, 1);
  const Pick& alt = rec->picks[1];
  EXPECT_TRUE((alt.alternative & kAlternativeCheaper) != 0);
  EXPECT_LT(alt.price->minor_units(), rec->picks[0].price->minor_units());
  const Reason* why = ::chatcart::testing::FindReason(alt, ReasonKind::kAlternative);
  ASSERT_NE(why, nullptr);
  EXPECT_THAT(why->text, HasSubstr("less than Canora PhotoZen 10"));
  EXPECT_EQ(why->versus, 0);
}

TEST(Shortlist, SaysWhenTheCatalogHasNoAlternative) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Photo Printers", "brand=Canora"};
  q.prefer = {*Preference::Parse("cheap*20")};
  q.top = 3;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_EQ(rec->picks[0].id, "pr-duo");  // the cheapest Canora
  EXPECT_EQ(rec->alternative, -1);
  EXPECT_EQ(rec->explanation,
            "No real alternative to Canora Pixma Duo: every product that fits is from Canora and "
            "none costs less.");

  q.where = {"id=pr-tank3"};
  rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_EQ(rec->explanation, "Inkwell Tank 3 is the only product that fits.");
}

TEST(Shortlist, IsDeterministic) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Toys"};
  q.top = 5;
  absl::StatusOr<Recommendation> a = r->Recommend(q);
  absl::StatusOr<Recommendation> b = r->Recommend(q);
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_EQ(PickIds(*a), PickIds(*b));
}

}  // namespace
}  // namespace chatcart
