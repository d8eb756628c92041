// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// No dead ends: minimal conflicts (QuickXplain), minimal relaxations with
// verified counts, round money, constraints that are never relaxed.

#include "recommend/relax.h"

#include <string>
#include <vector>

#include "chatcart/recommend.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend/test_shop.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Eur;
using ::chatcart::testing::ShopRecommender;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct RoundCase {
  int64_t minor;
  int exponent;
  bool up;
  int64_t want;
};

TEST(RoundMoney, RoundsToAmountsPeopleSay) {
  const RoundCase kCases[] = {
      {34900, 2, true, 35000},   {12900, 2, true, 13000}, {790, 2, true, 800},
      {129999, 2, true, 130000}, {45150, 2, true, 46000}, {5999, 0, true, 6000},
      {34900, 2, false, 34000},  {35000, 2, true, 35000}, {2410000, 2, true, 2500000},
      {1, 2, true, 100},         {99, 2, false, 0},
  };
  for (const RoundCase& c : kCases) {
    EXPECT_EQ(recommend::RoundMoney(c.minor, c.exponent, c.up), c.want)
        << c.minor << " exp " << c.exponent << (c.up ? " up" : " down");
  }
}

std::vector<std::string> ConflictTexts(const Recommendation& rec) {
  std::vector<std::string> out;
  for (size_t k : rec.conflict) out.push_back(rec.constraints[k].text);
  return out;
}

// Re-runs the request with a proposal applied and checks its count.
void ExpectProposalsHold(const Recommender& r, const RecommendRequest& original,
                         const Recommendation& rec) {
  for (const Relaxation& relax : rec.relaxations) {
    RecommendRequest q;
    q.top = 100;
    q.in_stock_only = original.in_stock_only;
    q.age = original.age;
    for (size_t k = 0; k < rec.constraints.size(); ++k) {
      if (rec.constraints[k].origin == AppliedConstraint::kAge) continue;
      std::string text = rec.constraints[k].text;
      for (const RelaxationChange& ch : relax.changes) {
        if (ch.constraint == k) text = ch.to;
      }
      if (!text.empty()) q.where.push_back(text);
    }
    absl::StatusOr<Recommendation> check = r.Recommend(q);
    ASSERT_OK(check);
    EXPECT_EQ(check->matches, relax.matches) << relax.text;
    EXPECT_GT(relax.matches, 0u) << relax.text;
  }
}

TEST(Relaxation, NamesTheMinimalConflictAndOneChangeProposals) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Laptops", "ram>=32", "color=black|silver"};
  q.budget.max = Eur("800");
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_TRUE(rec->picks.empty());
  // color is not part of it: the Titan is black.
  EXPECT_THAT(ConflictTexts(*rec), ElementsAre("ram>=32", "price<=800.00 EUR"));
  ASSERT_EQ(rec->relaxations.size(), 2u);
  EXPECT_EQ(rec->relaxations[0].text, "with up to €1,300.00 there is 1");
  EXPECT_EQ(rec->relaxations[1].text, "with Memory at least 16 GB there are 2");
  EXPECT_EQ(rec->explanation,
            "Nothing matches Memory at least 32 GB and up to €800.00; with up to €1,300.00 there "
            "is 1, or with Memory at least 16 GB there are 2.");
  ExpectProposalsHold(*r, q, *rec);
}

TEST(Relaxation, ProposesTwoChangesWhenOneIsNotEnough) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Laptops", "ram>=32", "color=silver"};
  q.budget.max = Eur("800");
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  bool two = false;
  for (const Relaxation& relax : rec->relaxations) {
    if (relax.changes.size() == 2) {
      two = true;
      EXPECT_THAT(relax.text, HasSubstr("with Color black"));
      EXPECT_THAT(relax.text, HasSubstr("with up to €1,300.00"));
    }
  }
  EXPECT_TRUE(two) << rec->explanation;
  // One change first: Memory 16 GB is enough alone.
  EXPECT_EQ(rec->relaxations[0].changes.size(), 1u);
  ExpectProposalsHold(*r, q, *rec);
}

TEST(Relaxation, NeverChangesAnAgeOrTheCategory) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Toys", "brand=Brickville"};
  q.age = 15;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_TRUE(rec->picks.empty());
  for (const Relaxation& relax : rec->relaxations) {
    for (const RelaxationChange& ch : relax.changes) {
      EXPECT_NE(rec->constraints[ch.constraint].origin, AppliedConstraint::kAge);
      EXPECT_NE(rec->constraints[ch.constraint].text, "category=Toys");
    }
  }
  // The brand moves to one that has toys for 15-year-olds.
  ASSERT_FALSE(rec->relaxations.empty());
  EXPECT_EQ(rec->relaxations[0].changes[0].to, "brand=Botsy");
  ExpectProposalsHold(*r, q, *rec);
}

TEST(Relaxation, ExplainsInItalianAndFrench) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Laptops", "ram>=32"};
  q.budget.max = Eur("800");
  q.locale = "it";
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_EQ(rec->explanation,
            "Nessun prodotto corrisponde a: Memory almeno 32 GB e fino a 800,00\u00a0€; con fino "
            "a 1.300,00\u00a0€ ce n'è 1, oppure con Memory almeno 16 GB ce ne sono 2.");
  q.locale = "fr-FR";
  rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_EQ(rec->locale, "fr");
  EXPECT_THAT(rec->explanation, HasSubstr("Aucun produit ne correspond à : Memory au moins 32 GB"));
  EXPECT_THAT(rec->explanation, HasSubstr("avec Memory au moins 16 GB, il y en a 2."));
}

TEST(Relaxation, NothingAvailableAtAllIsSaid) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"id=pr-cp300"};  // no price: not for sale
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_EQ(rec->explanation, "No product in the catalog matches product pr-cp300.");
}

}  // namespace
}  // namespace chatcart
