// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The demo bundle's catalog (examples/bundles/demo) through the recommender,
// as the dialogue engine will ask it: the gift finder (age, budget, an
// interest), the photo flow (phones, cheap to run, the kiosk as another way),
// the laptop finder (budget, best rated).

#include <memory>
#include <string>

#include "chatcart/recommend.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

std::shared_ptr<const Recommender> Demo() {
  const std::string dir = ::chatcart::testing::SourceDir() + "/examples/bundles/demo/";
  absl::StatusOr<v1::CatalogMapping> mapping =
      LoadCatalogMapping(dir + "products.mapping.textproto");
  EXPECT_TRUE(mapping.ok()) << mapping.status();
  if (!mapping.ok()) return nullptr;
  absl::StatusOr<std::shared_ptr<const Catalog>> c =
      Catalog::LoadJsonl(dir + "products.jsonl", *mapping);
  EXPECT_TRUE(c.ok()) << c.status();
  if (!c.ok()) return nullptr;
  absl::StatusOr<std::shared_ptr<const Recommender>> r = Recommender::Create(*c);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : nullptr;
}

std::vector<std::string> Ids(const Recommendation& r) {
  std::vector<std::string> ids;
  for (const Pick& p : r.picks) ids.push_back(p.id);
  return ids;
}

TEST(DemoCatalog, GiftFinder) {
  auto r = Demo();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Toys"};
  q.age = 8;
  q.budget.max = *Money::Parse("40", "EUR");
  q.contains_all = {{"interests", {"science"}}};
  q.top = 3;
  q.locale = "it";
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  ASSERT_FALSE(rec->picks.empty());
  // The water rocket (8-14, 19.90 €) and the crystal lab (8-12, 24.90 €)
  // fit; the microscope is out of stock, the shuttle over budget, the solar
  // robot from 10.
  EXPECT_THAT(Ids(*rec), ::testing::UnorderedElementsAre("toy-rocket", "toy-crystal"));
  for (const Pick& p : rec->picks) {
    const std::string want = p.id == "toy-rocket" ? "dagli 8 ai 14 anni" : "dagli 8 ai 12 anni";
    bool age_reason = false;
    for (const Reason& reason : p.reasons) age_reason |= reason.text == want;
    EXPECT_TRUE(age_reason) << p.id;
  }
}

TEST(DemoCatalog, ConstraintsAreWordedWithTheMappingsLabelsForTheLanguage) {
  auto r = Demo();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Toys"};
  q.contains_all = {{"interests", {"science"}}};
  for (const auto& [locale, phrase] :
       {std::pair<std::string, std::string>{"en", "Interests science"},
        {"it", "Interessi scienza"},
        {"fr", "Centres d'intérêt sciences"}}) {
    q.locale = locale;
    absl::StatusOr<Recommendation> rec = r->Recommend(q);
    ASSERT_OK(rec);
    std::vector<std::string> phrases;
    for (const AppliedConstraint& c : rec->constraints) phrases.push_back(c.phrase);
    EXPECT_THAT(phrases, Contains(phrase)) << locale;
  }
}

TEST(DemoCatalog, PhotoPrintingForAWindowsPhoneAndAnIphone) {
  auto r = Demo();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Photo Printers"};
  q.contains_all = {{"compatible_with", {"iphone", "windows_phone"}}};
  q.prefer = {*Preference::Parse("cheap_to_run")};
  q.other_approaches = {{"category=Photo Prints"}};
  q.top = 3;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  ASSERT_FALSE(rec->picks.empty());
  EXPECT_EQ(rec->picks[0].id, "pr-tank3");
  EXPECT_THAT(Ids(*rec), Not(Contains("pr-zen10")));
  ASSERT_TRUE(rec->other_approach.has_value());
  EXPECT_EQ(rec->other_approach->id, "svc-kiosk");
}

TEST(DemoCatalog, LaptopFinderBestRatedWithinBudget) {
  auto r = Demo();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Laptops"};
  q.budget.max = *Money::Parse("400", "EUR");
  q.prefer = {*Preference::Parse("rating")};
  q.top = 3;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  ASSERT_EQ(rec->picks.size(), 1u);
  EXPECT_EQ(rec->picks[0].id, "lap-nimbus13");
  EXPECT_EQ(rec->explanation, "Nimbus 13 Chromebook is the only product that fits.");
  // Under 300 € nothing: the proposal names the budget, with a count.
  q.budget.max = *Money::Parse("300", "EUR");
  rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_THAT(rec->explanation, HasSubstr("with up to €330.00 there is 1"));
}

TEST(DemoCatalog, StockInTheCatalogsOwnSyntax) {
  auto r = Demo();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Toys", "stock>0"};
  q.in_stock_only = false;
  q.top = 100;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_THAT(Ids(*rec), Not(Contains("toy-micro")));
  ASSERT_FALSE(rec->constraints.empty());
  EXPECT_EQ(rec->constraints[1].phrase, "in stock");
}

}  // namespace
}  // namespace chatcart
