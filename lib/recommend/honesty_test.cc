// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The printer scenario from the issue: a shopper with an iPhone and a Windows
// phone asks how to print photos. A commission-driven associate said only
// Apple works and pushed a 699 € ten-ink printer. The recommender serves the
// shopper: printers that work with both phones, the cheapest to run first, a
// real alternative, and it never claims a kind of product does not exist
// unless the catalog proves it under the shopper's constraints.

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
using ::chatcart::testing::ShopCatalog;
using ::chatcart::testing::ShopRecommender;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

RecommendRequest PrinterRequest() {
  RecommendRequest q;
  q.where = {"category=Photo Printers"};
  q.contains_all = {{"compatible_with", {"iphone", "windows_phone"}}};
  q.budget.max = Eur("300");
  q.prefer = {*Preference::Parse("cheap_to_run")};
  q.top = 3;
  return q;
}

bool WorksWith(const Catalog& c, ProductIndex i, std::string_view phone) {
  const AttributeId a = *c.FindAttribute("compatible_with");
  for (uint32_t code : c.list_codes(a, i)) {
    if (c.dictionary(a)[code] == phone) return true;
  }
  return false;
}

TEST(Honesty, PrintersForBothPhonesAreTheOnesThatWorkWithBothCheapestToRunFirst) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  absl::StatusOr<Recommendation> rec = r->Recommend(PrinterRequest());
  ASSERT_OK(rec);
  ASSERT_FALSE(rec->picks.empty());
  const Catalog& c = *ShopCatalog();
  for (const Pick& p : rec->picks) {
    EXPECT_TRUE(WorksWith(c, p.product, "iphone")) << p.id;
    EXPECT_TRUE(WorksWith(c, p.product, "windows_phone")) << p.id;
    EXPECT_LE(p.price->minor_units(), 30000) << p.id;
  }
  // The cheapest to run of those that fit (8 cents a print), not the ten-ink one.
  EXPECT_EQ(rec->picks[0].id, "pr-tank3");
  EXPECT_THAT(PickIds(*rec), Not(Contains("pr-zen10")));
  // Out of stock (Tank 5) and unpriced (CP-300) products are never offered.
  EXPECT_THAT(PickIds(*rec), Not(Contains("pr-tank5")));
  EXPECT_THAT(PickIds(*rec), Not(Contains("pr-cp300")));
  EXPECT_EQ(rec->matches, 3u);  // Tank 3, CP-400, Pixma Duo
  EXPECT_THAT(::chatcart::testing::ReasonText(rec->picks[0]),
              HasSubstr("Cost per print: 8 cents, the lowest of the 3 that fit"));
  EXPECT_THAT(::chatcart::testing::ReasonText(rec->picks[0]),
              HasSubstr("Works with: iphone, windows_phone"));
  // A real alternative: cheaper, another brand.
  ASSERT_GE(rec->alternative, 1);
  const Pick& alt = rec->picks[static_cast<size_t>(rec->alternative)];
  EXPECT_NE(alt.brand, rec->picks[0].brand);
  EXPECT_TRUE(alt.alternative & kAlternativeOtherBrand);
  EXPECT_TRUE(rec->explanation.empty()) << rec->explanation;
}

TEST(Honesty, TheTenInkPrinterOnlyAppearsForAnIphoneOnlyShopperWithTheBudgetForIt) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q = PrinterRequest();
  q.contains_all = {{"compatible_with", {"iphone"}}};
  q.budget = {};
  q.top = 10;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  // Even for an iPhone the ten-ink printer is not first: it is the dearest to run.
  EXPECT_NE(rec->picks[0].id, "pr-zen10");
  EXPECT_EQ(rec->picks[0].id, "pr-tank3");
}

TEST(Honesty, ATooSmallBudgetIsExplainedNotTurnedIntoNoPrinterWorksWithWindows) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q = PrinterRequest();
  q.budget.max = Eur("100");
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_TRUE(rec->picks.empty());
  // The conflict names the budget: printers for both phones exist, just not
  // at that price.
  std::set<std::string> conflict;
  for (size_t k : rec->conflict) conflict.insert(rec->constraints[k].text);
  EXPECT_THAT(conflict, Contains("price<=100.00 EUR"));
  EXPECT_THAT(conflict, Contains("compatible_with=windows_phone"));
  EXPECT_THAT(rec->explanation, Not(HasSubstr("No product in the catalog")));
  // First proposal: the smallest round budget that lets one in (CP-400, 129 €).
  ASSERT_FALSE(rec->relaxations.empty());
  EXPECT_EQ(rec->relaxations[0].changes[0].to, "price<=130.00 EUR");
  EXPECT_EQ(rec->relaxations[0].matches, 1u);
  EXPECT_THAT(rec->explanation, HasSubstr("with up to €130.00 there is 1"));

  // Every proposal's count is what the catalog gives with that change.
  for (const Relaxation& relax : rec->relaxations) {
    RecommendRequest changed;
    changed.top = 100;
    std::vector<std::string> where;
    for (size_t k = 0; k < rec->constraints.size(); ++k) {
      std::string text = rec->constraints[k].text;
      for (const RelaxationChange& ch : relax.changes) {
        if (ch.constraint == k) text = ch.to;
      }
      if (!text.empty()) where.push_back(text);
    }
    changed.where = where;
    absl::StatusOr<Recommendation> check = r->Recommend(changed);
    ASSERT_OK(check);
    EXPECT_EQ(check->matches, relax.matches) << relax.text;
  }
}

TEST(Honesty, AProductThatExistsNowhereIsReportedAsSuch) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q = PrinterRequest();
  q.contains_all = {{"compatible_with", {"iphone", "blackberry"}}};
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  ASSERT_EQ(rec->conflict.size(), 1u);
  EXPECT_EQ(rec->constraints[rec->conflict[0]].text, "compatible_with=blackberry");
  EXPECT_THAT(rec->explanation,
              HasSubstr("No product in the catalog matches Works with blackberry"));
}

TEST(Honesty, AnotherApproachIsOfferedBesideThePrinters) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q = PrinterRequest();
  q.other_approaches = {{"category=Photo Prints"}};
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  ASSERT_TRUE(rec->other_approach.has_value());
  EXPECT_EQ(rec->other_approach->id, "svc-kiosk");
  EXPECT_EQ(rec->other_approach->alternative, kAlternativeOtherApproach);
  EXPECT_THAT(::chatcart::testing::ReasonText(*rec->other_approach),
              HasSubstr("another way to do it: Photo Prints"));

  // Also when no printer fits the budget at all.
  q.budget.max = Eur("50");
  rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_TRUE(rec->picks.empty());
  ASSERT_TRUE(rec->other_approach.has_value());
  EXPECT_EQ(rec->other_approach->id, "svc-kiosk");
}

TEST(Honesty, TheMerchantWeightIsOffByDefault) {
  // Canora's printers carry the largest margins; by default margins play no part.
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  absl::StatusOr<Recommendation> rec = r->Recommend(PrinterRequest());
  ASSERT_OK(rec);
  for (const Pick& p : rec->picks) {
    EXPECT_EQ(::chatcart::testing::FindReason(p, ReasonKind::kMerchant), nullptr);
    for (const ScoreTerm& t : p.breakdown) EXPECT_NE(t.name, "merchant");
  }
}

TEST(Honesty, AMerchantWeightIsCappedAndDisclosed) {
  RecommenderOptions o;
  o.merchant_attribute = "margin";
  o.merchant_weight = 100;  // a host asking for far too much
  o.merchant_cap = 0.1;
  auto r = ShopRecommender(o);
  ASSERT_NE(r, nullptr);
  absl::StatusOr<Recommendation> rec = r->Recommend(PrinterRequest());
  ASSERT_OK(rec);
  // Capped: it cannot outweigh what the shopper asked for.
  EXPECT_EQ(rec->picks[0].id, "pr-tank3");
  bool disclosed = false;
  for (const Pick& p : rec->picks) {
    for (const ScoreTerm& t : p.breakdown) {
      if (t.name == "merchant") {
        EXPECT_LE(t.weight, 0.1 + 1e-9);
        if (t.utility > 0) {
          const Reason* reason = ::chatcart::testing::FindReason(p, ReasonKind::kMerchant);
          ASSERT_NE(reason, nullptr) << p.id;
          EXPECT_THAT(reason->text, HasSubstr("promoted by the store: at most 10% of this score"));
          disclosed = true;
        }
      }
    }
  }
  EXPECT_TRUE(disclosed);
}

}  // namespace
}  // namespace chatcart
