// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Bad input: every malformed or impossible request gets a clear error naming
// what and where, or an explained empty result; none is silently dropped.

#include <functional>
#include <string>

#include "chatcart/recommend.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend/test_shop.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Eur;
using ::chatcart::testing::ShopCatalog;
using ::chatcart::testing::ShopRecommender;
using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;

struct BadRequest {
  const char* name;
  std::function<void(RecommendRequest*)> edit;
  const char* message;
};

class BadRequests : public ::testing::TestWithParam<BadRequest> {};

TEST_P(BadRequests, AreRejectedWithAMessageNamingWhatAndWhere) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Photo Printers"};
  GetParam().edit(&q);
  EXPECT_THAT(r->Recommend(q),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(GetParam().message)));
}

const BadRequest kBadRequests[] = {
    {"UnknownAttribute", [](RecommendRequest* q) { q->where.push_back("megapixels>=12"); },
     "where[1] \"megapixels>=12\": no field or attribute \"megapixels\""},
    {"MalformedConstraint", [](RecommendRequest* q) { q->where.push_back("price"); },
     "where[1]: constraint \"price\": expected field"},
    {"WrongKindOfValue", [](RecommendRequest* q) { q->where.push_back("ink_cartridges>=few"); },
     "\"few\" is not a number"},
    {"ContradictoryPrices",
     [](RecommendRequest* q) {
       q->where.push_back("price<=100");
       q->where.push_back("price>=200");
     },
     "constraints \"price<=100\" and \"price>=200\" contradict each other"},
    {"ContradictoryBudgetAndWhere",
     [](RecommendRequest* q) {
       q->budget.max = Eur("50");
       q->where.push_back("price>=60 EUR");
     },
     "contradict each other"},
    {"ContradictoryBrands",
     [](RecommendRequest* q) {
       q->where.push_back("brand=Canora");
       q->where.push_back("brand=Lumo");
     },
     "constraints \"brand=Canora\" and \"brand=Lumo\" contradict"},
    {"EqualAndNotEqual",
     [](RecommendRequest* q) {
       q->where.push_back("print_size=A4");
       q->where.push_back("print_size!=a4");
     },
     "contradict each other"},
    {"BudgetInAnotherCurrency",
     [](RecommendRequest* q) { q->budget.max = *Money::Parse("300", "USD"); },
     "budget: 300.00 USD is in USD but the catalog's prices are in EUR"},
    {"BudgetMinAboveMax",
     [](RecommendRequest* q) {
       q->budget.min = Eur("300");
       q->budget.max = Eur("100");
     },
     "budget: min 300.00 EUR exceeds max 100.00 EUR"},
    {"NegativeBudget", [](RecommendRequest* q) { q->budget.max = Eur("-5"); }, "is negative"},
    {"NegativeAge", [](RecommendRequest* q) { q->age = -1; }, "age: -1 is not an age"},
    {"UnknownContainsAttribute",
     [](RecommendRequest* q) {
       q->contains_all = {{"works_with", {"iphone"}}};
     },
     "contains_all[0] \"works_with=iphone\": no field or attribute \"works_with\""},
    {"EmptyContains",
     [](RecommendRequest* q) {
       q->contains_all = {{"compatible_with", {}}};
     },
     "contains_all[0] \"compatible_with\": no values"},
    {"ContainsOnANumber",
     [](RecommendRequest* q) {
       q->contains_all = {{"ink_cartridges", {"4"}}};
     },
     "a number attribute holds one value"},
    {"UnknownNamedPreference",
     [](RecommendRequest* q) { q->prefer = {*Preference::Parse("sparkly")}; },
     "preference \"sparkly\": unknown name; known: cheap, rating, cheap_to_run"},
    {"NamedPreferenceTheCatalogCannotServe",
     [](RecommendRequest* q) { q->prefer = {*Preference::Parse("quiet")}; },
     "preference \"quiet\": the catalog has none of noise_level, noise"},
    {"PreferenceOnUnknownAttribute",
     [](RecommendRequest* q) { q->prefer = {*Preference::Parse("more:megapixels")}; },
     "preference \"more:megapixels\": no attribute \"megapixels\""},
    {"MaximizingAnEnum",
     [](RecommendRequest* q) { q->prefer = {*Preference::Parse("more:print_size")}; },
     "\"print_size\" is enum, not a number"},
    {"TargetNotANumber",
     [](RecommendRequest* q) { q->prefer = {*Preference::Parse("screen_size~big")}; },
     "the target is not a number"},
    {"TargetInAUnitThatDoesNotConvert",
     [](RecommendRequest* q) { q->prefer = {*Preference::Parse("screen_size~27 kg")}; },
     "\"kg\" does not convert to \"in\""},
    {"ZeroWeight",
     [](RecommendRequest* q) {
       q->prefer = {*Preference::Parse("cheap_to_run")};
       q->prefer[0].weight = 0;
     },
     "weight must be > 0"},
    {"LikeAnUnknownProduct",
     [](RecommendRequest* q) { q->prefer = {*Preference::Parse("like:nope")}; },
     "preference \"like:nope\": no product with that id"},
    {"TopZero", [](RecommendRequest* q) { q->top = 0; }, "top: 0 is outside 1..100"},
    {"TopTooLarge", [](RecommendRequest* q) { q->top = 1000; }, "top: 1000 is outside 1..100"},
    {"UnsupportedLocale", [](RecommendRequest* q) { q->locale = "de"; },
     "locale \"de\": supported are en, it and fr"},
    {"ExcludeUnknownId", [](RecommendRequest* q) { q->exclude = {"pr-nope"}; },
     "exclude \"pr-nope\": no product with that id"},
    {"UnknownReference", [](RecommendRequest* q) { q->reference = "pr-nope"; },
     "reference \"pr-nope\": no product with that id"},
    {"CritiqueWithoutReference",
     [](RecommendRequest* q) { q->critiques = {*Critique::Parse("cheaper")}; },
     "critiques: no reference product"},
    {"CritiqueOnAMissingValue",
     [](RecommendRequest* q) {
       q->reference = "pr-tank3";
       q->critiques = {*Critique::Parse("more:screen_size")};
     },
     "critique \"more:screen_size\" of pr-tank3: it has no screen_size"},
    {"OtherApproachMalformed", [](RecommendRequest* q) { q->other_approaches = {{"category"}}; },
     "other_approaches[0][0]: constraint \"category\""},
};

INSTANTIATE_TEST_SUITE_P(Recommender, BadRequests, ::testing::ValuesIn(kBadRequests),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(BadInput, AnEmptyCatalogGivesAnExplainedEmptyResult) {
  absl::StatusOr<v1::CatalogMapping> mapping =
      LoadCatalogMapping(::chatcart::testing::ShopFile("shop.textproto"));
  ASSERT_OK(mapping);
  absl::StatusOr<std::shared_ptr<const Catalog>> empty =
      Catalog::FromJsonlText("", "empty.jsonl", *mapping);
  ASSERT_OK(empty);
  ASSERT_EQ((*empty)->size(), 0u);
  absl::StatusOr<std::shared_ptr<const Recommender>> r = Recommender::Create(*empty);
  ASSERT_OK(r);
  RecommendRequest q;
  q.where = {"category=Photo Printers"};
  q.prefer = {*Preference::Parse("cheap_to_run")};
  q.locale = "it";
  absl::StatusOr<Recommendation> rec = (*r)->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_TRUE(rec->picks.empty());
  EXPECT_EQ(rec->explanation, "Il catalogo è vuoto.");
}

TEST(BadInput, AConstraintNothingMeetsIsAnExplainedEmptyResultNotAnError) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Drones"};  // not a category of this shop
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_TRUE(rec->picks.empty());
  EXPECT_EQ(rec->explanation, "No product in the catalog matches in Drones.");
  EXPECT_TRUE(rec->relaxations.empty());  // the category is what was asked for
}

// Issue #17's bad input: each gets a defined answer the verifier accepts.
void ExpectDefinedAnswer(const Recommender& r, const RecommendRequest& q,
                         const absl::StatusOr<Recommendation>& rec) {
  ASSERT_OK(rec);
  if (rec->picks.empty()) {
    EXPECT_FALSE(rec->explanation.empty());
  }
  for (const Pick& p : rec->picks) EXPECT_FALSE(p.reasons.empty()) << p.id;
  for (const ClaimProblem& p : r.VerifyClaims(q, *rec)) {
    ADD_FAILURE() << "pick " << p.pick << " \"" << p.claim << "\": " << p.problem;
  }
}

TEST(BadInput, ABudgetOfZeroIsExplainedWithTheBudgetThatWouldDo) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Photo Printers"};
  q.budget.max = Eur("0");
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ExpectDefinedAnswer(*r, q, rec);
  EXPECT_TRUE(rec->picks.empty());
  ASSERT_FALSE(rec->relaxations.empty());
  EXPECT_THAT(rec->relaxations[0].changes[0].to, HasSubstr("price<="));
  q.budget = {};
  q.budget.around = Eur("0");
  rec = r->Recommend(q);
  ExpectDefinedAnswer(*r, q, rec);
  EXPECT_FALSE(rec->picks.empty());  // every price is above 0: said plainly
}

TEST(BadInput, AnAstronomicalBudgetBuysTheWholeCategory) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Photo Printers"};
  q.budget.max = Eur("9000000000000");
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ExpectDefinedAnswer(*r, q, rec);
  EXPECT_FALSE(rec->picks.empty());
  q.budget = {};
  q.budget.around = Eur("9000000000000");
  rec = r->Recommend(q);
  ExpectDefinedAnswer(*r, q, rec);
  q.budget = {};
  q.budget.max = *Money::FromMinorUnits(INT64_MAX, "EUR");
  rec = r->Recommend(q);
  ExpectDefinedAnswer(*r, q, rec);
}

TEST(BadInput, ACategoryWithOneProductSaysItIsTheOnlyOne) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Plush"};
  q.budget.max = Eur("100");
  q.probe_at = 1;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ExpectDefinedAnswer(*r, q, rec);
  ASSERT_EQ(rec->picks.size(), 1u);
  EXPECT_THAT(rec->explanation, HasSubstr("is the only product that fits"));
  EXPECT_FALSE(rec->question.has_value());  // nothing to split
  EXPECT_FALSE(rec->ladder);
}

TEST(BadInput, ACatalogWithNoPricesHasNothingToOffer) {
  absl::StatusOr<v1::CatalogMapping> mapping =
      LoadCatalogMapping(::chatcart::testing::ShopFile("shop.textproto"));
  ASSERT_OK(mapping);
  absl::StatusOr<std::shared_ptr<const Catalog>> c = Catalog::FromJsonlText(
      R"({"id": "a", "name": "A", "categories": ["Toys", "Plush"]}
{"id": "b", "name": "B", "categories": ["Toys", "Plush"]})",
      "unpriced.jsonl", *mapping);
  ASSERT_OK(c);
  absl::StatusOr<std::shared_ptr<const Recommender>> r = Recommender::Create(*c);
  ASSERT_OK(r);
  RecommendRequest q;
  q.where = {"category=Plush"};
  q.budget.max = Eur("30");
  absl::StatusOr<Recommendation> rec = (*r)->Recommend(q);
  ExpectDefinedAnswer(**r, q, rec);
  EXPECT_TRUE(rec->picks.empty());
  EXPECT_THAT(rec->explanation, HasSubstr("No product in the catalog is available"));
}

TEST(BadInput, BadOptionsAreRejectedAtCreate) {
  RecommenderOptions o;
  o.merchant_attribute = "commission";
  EXPECT_THAT(Recommender::Create(ShopCatalog(), o),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("merchant_attribute: \"commission\" is not an attribute")));
  o = {};
  o.review_count_attribute = "print_size";
  EXPECT_THAT(Recommender::Create(ShopCatalog(), o),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("is enum, not a number")));
  o = {};
  o.rating_weight = -1;
  EXPECT_THAT(Recommender::Create(ShopCatalog(), o),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("rating_weight: -1")));
  o = {};
  o.merchant_cap = 0.9;
  EXPECT_THAT(Recommender::Create(ShopCatalog(), o),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("merchant_cap")));
  o = {};
  o.around_tolerance = 2;
  EXPECT_THAT(Recommender::Create(ShopCatalog(), o),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("around_tolerance: 2")));
  EXPECT_THAT(Recommender::Create(nullptr), StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace chatcart
