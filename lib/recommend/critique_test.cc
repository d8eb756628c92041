// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Critiques re-rank from a reference: "cheaper", "bigger screen", "another
// brand", "more like this", and compound ones.

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
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

RecommendRequest CritiqueOf(const char* reference, std::vector<const char*> critiques) {
  RecommendRequest q;
  q.where = {"category=Laptops"};
  q.reference = reference;
  for (const char* c : critiques) q.critiques.push_back(*Critique::Parse(c));
  q.top = 5;
  return q;
}

double Screen(ProductIndex i) {
  const Catalog& c = *ShopCatalog();
  return *c.number_column(*c.FindAttribute("screen_size")).Get(i);
}

TEST(Critique, CheaperKeepsOnlyCheaperOnesAndLeavesTheReferenceOut) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  absl::StatusOr<Recommendation> rec = r->Recommend(CritiqueOf("lap-aero15", {"cheaper"}));
  ASSERT_OK(rec);
  ASSERT_FALSE(rec->picks.empty());
  for (const Pick& p : rec->picks) EXPECT_LT(p.price->minor_units(), 89900) << p.id;
  EXPECT_THAT(PickIds(*rec), Not(Contains("lap-aero15")));
  const Reason* why = ::chatcart::testing::FindReason(rec->picks[0], ReasonKind::kCritique);
  ASSERT_NE(why, nullptr);
  EXPECT_THAT(why->text, HasSubstr("cheaper than Aero 15 Pro"));
  // Otherwise like the reference: an Aero 14 (same brand, memory, closest price).
  EXPECT_EQ(rec->picks[0].name, "Aero 14");
}

TEST(Critique, BiggerScreenAsANameOrAnAttribute) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  for (const char* c : {"bigger_screen", "more:screen_size"}) {
    absl::StatusOr<Recommendation> rec = r->Recommend(CritiqueOf("lap-aero14", {c}));
    ASSERT_OK(rec) << c;
    ASSERT_FALSE(rec->picks.empty()) << c;
    for (const Pick& p : rec->picks) EXPECT_GT(Screen(p.product), 14) << c << " " << p.id;
    EXPECT_THAT(::chatcart::testing::ReasonText(rec->picks[0]), HasSubstr("instead of 14 in"));
  }
}

TEST(Critique, AnotherBrand) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  absl::StatusOr<Recommendation> rec = r->Recommend(CritiqueOf("lap-aero14", {"other_brand"}));
  ASSERT_OK(rec);
  for (const Pick& p : rec->picks) EXPECT_NE(p.brand, "Aero");
  EXPECT_THAT(::chatcart::testing::ReasonText(rec->picks[0]), HasSubstr("instead of Aero"));
}

TEST(Critique, MoreLikeThisRanksTheMostSimilarFirst) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q = CritiqueOf("pr-tank3", {"more_like"});
  q.where = {"category=Photo Printers"};
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_THAT(PickIds(*rec), Not(Contains("pr-tank3")));
  // The Pixma Duo: all three phones, A4, 5 inks, close in price.
  EXPECT_EQ(rec->picks[0].id, "pr-duo");
  EXPECT_THAT(::chatcart::testing::ReasonText(rec->picks[0]),
              HasSubstr("similar to Inkwell Tank 3"));
}

TEST(Critique, ACompoundCritiqueNothingMeetsIsRelaxedNotDropped) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  // Cheaper than the Aero 15 Pro and a bigger screen: only the Titan has a
  // bigger screen, and it costs more.
  absl::StatusOr<Recommendation> rec =
      r->Recommend(CritiqueOf("lap-aero15", {"cheaper", "bigger_screen"}));
  ASSERT_OK(rec);
  EXPECT_TRUE(rec->picks.empty());
  ASSERT_EQ(rec->conflict.size(), 2u);
  for (size_t k : rec->conflict)
    EXPECT_EQ(rec->constraints[k].origin, AppliedConstraint::kCritique);
  EXPECT_THAT(rec->explanation, HasSubstr("Nothing matches under €899.00 and Screen over 15.6 in"));
  ASSERT_FALSE(rec->relaxations.empty());
}

TEST(Critique, ACompoundCritiqueThatFits) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  absl::StatusOr<Recommendation> rec =
      r->Recommend(CritiqueOf("lap-titan", {"cheaper", "more:storage"}));
  ASSERT_OK(rec);
  EXPECT_TRUE(rec->picks.empty());  // 1 TB is already the most
  rec = r->Recommend(CritiqueOf("lap-aero14", {"cheaper", "less:storage"}));
  ASSERT_OK(rec);
  ASSERT_FALSE(rec->picks.empty());
  for (const Pick& p : rec->picks) EXPECT_LT(p.price->minor_units(), 54900);
}

TEST(Critique, SuggestsCompoundCritiquesTheCatalogSupports) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Laptops"};
  q.reference = "lap-aero14";
  absl::StatusOr<std::vector<CritiqueSuggestion>> s = r->SuggestCritiques(q, 3);
  ASSERT_OK(s);
  ASSERT_FALSE(s->empty());
  for (const CritiqueSuggestion& suggestion : *s) {
    EXPECT_EQ(suggestion.critiques.size(), 2u);
    // Following it gives exactly the products it counted.
    RecommendRequest follow = q;
    follow.critiques = suggestion.critiques;
    follow.top = 100;
    absl::StatusOr<Recommendation> rec = r->Recommend(follow);
    ASSERT_OK(rec) << suggestion.text;
    EXPECT_EQ(rec->matches, suggestion.matches) << suggestion.text;
  }
  // The other five laptops: the most shared pair of differences comes first.
  EXPECT_GE((*s)[0].matches, (*s).back().matches);
  q.locale = "it";
  s = r->SuggestCritiques(q, 5);
  ASSERT_OK(s);
  bool italian = false;
  for (const CritiqueSuggestion& suggestion : *s) {
    italian |= suggestion.text.find("più") != std::string::npos ||
               suggestion.text.find("meno") != std::string::npos ||
               suggestion.text.find("marca") != std::string::npos;
  }
  EXPECT_TRUE(italian);
  q.reference.clear();
  EXPECT_THAT(r->SuggestCritiques(q),
              ::chatcart::testing::StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace chatcart
