// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The good/better/best ladder, the probing question and "around" budgets on
// small catalogs written here, whose right answers are worked out by hand in
// the comments.

#include <string>
#include <vector>

#include "chatcart/recommend.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kMapping[] = R"pb(
  catalog_name: "gpus"
  id: "id"
  name: "name"
  brand: "brand"
  price { path: "price" form: DECIMAL }
  default_currency: "USD"
  category { path: "cat" }
  attributes { name: "memory" path: "mem" type: NUMBER unit: "GB" label: "Memory" }
  attributes { name: "boost_clock" path: "boost" type: NUMBER unit: "MHz" label: "Boost clock" }
  attributes { name: "use" path: "use" type: ENUM label: "Use" }
  attributes { name: "screen_size" path: "screen" type: NUMBER unit: "in" label: "Screen" }
  quality { category: "GPUs" more: "memory" more: "boost_clock" }
)pb";

// Quality ranks (memory, boost clock) among g1..g11, the cards up to $300:
// g11 (12 GB, 1900) is the best of those from $240; g6 ($200) the cheapest
// of the better half; g7 ($220) the largest step up per dollar from it. g5
// is beaten by the cheaper g3, g8 by the cheaper g7.
constexpr char kGpus[] = R"(
{"id":"g1","name":"Card 1","brand":"A","price":"50","cat":["PC","GPUs"],"mem":1,"boost":800}
{"id":"g2","name":"Card 2","brand":"B","price":"80","cat":["PC","GPUs"],"mem":2,"boost":1000}
{"id":"g3","name":"Card 3","brand":"A","price":"120","cat":["PC","GPUs"],"mem":4,"boost":1400}
{"id":"g4","name":"Card 4","brand":"C","price":"150","cat":["PC","GPUs"],"mem":6,"boost":1500}
{"id":"g5","name":"Card 5","brand":"B","price":"160","cat":["PC","GPUs"],"mem":4,"boost":1300}
{"id":"g6","name":"Card 6","brand":"A","price":"200","cat":["PC","GPUs"],"mem":8,"boost":1700}
{"id":"g7","name":"Card 7","brand":"C","price":"220","cat":["PC","GPUs"],"mem":8,"boost":1800}
{"id":"g8","name":"Card 8","brand":"B","price":"250","cat":["PC","GPUs"],"mem":8,"boost":1650}
{"id":"g9","name":"Card 9","brand":"A","price":"260","cat":["PC","GPUs"],"mem":12,"boost":1700}
{"id":"g10","name":"Card 10","brand":"B","price":"290","cat":["PC","GPUs"],"mem":10,"boost":2000}
{"id":"g11","name":"Card 11","brand":"C","price":"299","cat":["PC","GPUs"],"mem":12,"boost":1900}
{"id":"g12","name":"Card 12","brand":"A","price":"350","cat":["PC","GPUs"],"mem":16,"boost":2200}
{"id":"c1","name":"Cable 1","brand":"A","price":"5","cat":["PC","Cables"]}
{"id":"c2","name":"Cable 2","brand":"B","price":"9","cat":["PC","Cables"]}
{"id":"c3","name":"Cable 3","brand":"C","price":"12","cat":["PC","Cables"]}
{"id":"c4","name":"Cable 4","brand":"A","price":"15","cat":["PC","Cables"]}
{"id":"c5","name":"Cable 5","brand":"B","price":"19","cat":["PC","Cables"]}
{"id":"c6","name":"Cable 6","brand":"C","price":"24","cat":["PC","Cables"]}
{"id":"c7","name":"Cable 7","brand":"A","price":"28","cat":["PC","Cables"]}
)";

std::shared_ptr<const Recommender> Make(const std::string& rows) {
  absl::StatusOr<v1::CatalogMapping> mapping = ParseCatalogMapping(kMapping, "gpus.textproto");
  EXPECT_TRUE(mapping.ok()) << mapping.status();
  if (!mapping.ok()) return nullptr;
  absl::StatusOr<std::shared_ptr<const Catalog>> c =
      Catalog::FromJsonlText(rows, "gpus.jsonl", *mapping);
  EXPECT_TRUE(c.ok()) << c.status();
  if (!c.ok()) return nullptr;
  absl::StatusOr<std::shared_ptr<const Recommender>> r = Recommender::Create(*c);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : nullptr;
}

std::vector<std::string> Ids(const Recommendation& rec) {
  std::vector<std::string> ids;
  for (const Pick& p : rec.picks) ids.push_back(p.id);
  return ids;
}

std::vector<std::string> Tiers(const Recommendation& rec) {
  std::vector<std::string> tiers;
  for (const Pick& p : rec.picks) tiers.push_back(p.tier);
  return tiers;
}

void ExpectVerified(const Recommender& r, const RecommendRequest& q, const Recommendation& rec) {
  for (const ClaimProblem& p : r.VerifyClaims(q, rec)) {
    ADD_FAILURE() << "pick " << p.pick << " \"" << p.claim << "\": " << p.problem;
  }
}

TEST(Ladder, ABudgetAloneGetsTheBestNearTheTopAStepUpAndGoodValue) {
  auto r = Make(kGpus);
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=GPUs"};
  q.budget.max = *Money::Parse("300", "USD");
  q.top = 3;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_TRUE(rec->ladder);
  EXPECT_THAT(Ids(*rec), ElementsAre("g11", "g7", "g6"));
  EXPECT_THAT(Tiers(*rec), ElementsAre("best", "better", "good"));
  EXPECT_EQ(rec->picks[0].reasons[0].text,
            "top of your budget: nothing from $240.00 to $300.00 beats it on Memory and Boost "
            "clock");
  EXPECT_EQ(rec->picks[2].reasons[0].text,
            "good value: nothing cheaper that fits matches its Memory and Boost clock");
  EXPECT_GE(rec->alternative, 1);  // cheaper, another brand
  ExpectVerified(*r, q, *rec);
}

TEST(Ladder, OtherPlacesAreFilledByScoreAndTheLadderIsInItalianToo) {
  auto r = Make(kGpus);
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=GPUs"};
  q.budget.max = *Money::Parse("300", "USD");
  q.top = 5;
  q.locale = "it";
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  ASSERT_EQ(rec->picks.size(), 5u);
  EXPECT_THAT(Tiers(*rec), ElementsAre("best", "better", "good", "", ""));
  EXPECT_THAT(rec->picks[0].reasons[0].text, HasSubstr("il massimo del tuo budget"));
  ExpectVerified(*r, q, *rec);
}

TEST(Ladder, APreferenceOrAnOffSwitchRanksByScore) {
  auto r = Make(kGpus);
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=GPUs"};
  q.budget.max = *Money::Parse("300", "USD");
  q.prefer = {*Preference::Parse("more:memory")};
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_FALSE(rec->ladder);
  q.prefer.clear();
  q.ladder = LadderMode::kOff;
  rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_FALSE(rec->ladder);
  q.ladder = LadderMode::kOn;
  q.prefer = {*Preference::Parse("more:memory")};
  rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_TRUE(rec->ladder);
  ExpectVerified(*r, q, *rec);
}

TEST(Ladder, WithoutQualityAttributesTheLadderIsByPrice) {
  auto r = Make(kGpus);
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Cables"};
  q.budget.max = *Money::Parse("30", "USD");
  q.top = 3;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  ASSERT_TRUE(rec->ladder);
  // From $24 (80 % of $30): c6 and c7 (no ratings: the cheaper); $12..$24:
  // c3, c4, c5 (the cheapest); the lowest, c1.
  EXPECT_THAT(Ids(*rec), ElementsAre("c6", "c3", "c1"));
  EXPECT_THAT(Tiers(*rec), ElementsAre("top", "middle", "lowest"));
  EXPECT_EQ(rec->picks[2].reasons[0].text, "the lowest price of the 7 that fit");
  ExpectVerified(*r, q, *rec);
}

TEST(Ladder, ABudgetAboveEverythingLaddersUpToTheDearestAndSaysSo) {
  auto r = Make(kGpus);
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Cables"};
  q.budget.max = *Money::Parse("1000000000", "USD");
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  ASSERT_TRUE(rec->ladder);
  EXPECT_EQ(rec->picks[0].reasons[0].text, "among the dearest of the 7 that fit");
  ExpectVerified(*r, q, *rec);
}

TEST(Around, ClosestWithinTheToleranceFirstAndPricesAboveSaySo) {
  auto r = Make(kGpus);
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=GPUs"};
  q.budget.around = *Money::Parse("200", "USD");
  q.top = 4;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  // Within 15 % of $200 ($170..$230): g6 ($200) and g7 ($220) come first.
  ASSERT_GE(rec->picks.size(), 2u);
  const std::vector<std::string> ids = Ids(*rec);
  EXPECT_THAT(std::vector<std::string>(ids.begin(), ids.begin() + 2), ElementsAre("g6", "g7"));
  for (const Pick& p : rec->picks) {
    const Reason& near = *std::find_if(p.reasons.begin(), p.reasons.end(), [](const Reason& x) {
      return x.kind == ReasonKind::kNearTarget;
    });
    if (p.id == "g7") EXPECT_EQ(near.text, "$220.00, $20.00 above the $200.00 you had in mind");
    if (p.id == "g6") EXPECT_EQ(near.text, "$200.00, close to the $200.00 you had in mind");
  }
  ExpectVerified(*r, q, *rec);
}

constexpr char kLaptops[] = R"(
{"id":"l1","name":"L1","brand":"A","price":"500","cat":["PC","Laptops","Gaming"],"use":"gaming","screen":15.6}
{"id":"l2","name":"L2","brand":"B","price":"600","cat":["PC","Laptops","Gaming"],"use":"gaming","screen":17.3}
{"id":"l3","name":"L3","brand":"C","price":"700","cat":["PC","Laptops","Office"],"use":"office","screen":14}
{"id":"l4","name":"L4","brand":"A","price":"800","cat":["PC","Laptops","Office"],"use":"office","screen":13.3}
{"id":"l5","name":"L5","brand":"B","price":"900","cat":["PC","Laptops","Office"],"use":"photo","screen":16}
{"id":"l6","name":"L6","brand":"C","price":"1000","cat":["PC","Laptops","Office"],"use":"photo","screen":14}
)";

TEST(Probe, ABroadRequestGetsTheQuestionThatSplitsItBest) {
  auto r = Make(kLaptops);
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Laptops"};
  q.probe_at = 5;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  ASSERT_TRUE(rec->question.has_value());
  // "use" splits 2/2/2 (entropy ln 3); the subcategories 2/4, the screen
  // sizes in three ranges 2/2/2 as well but after "use" in the mapping.
  EXPECT_EQ(rec->question->attribute, "use");
  EXPECT_EQ(rec->question->text,
            "To narrow down the 6 that fit: which Use? gaming, office or photo");
  ASSERT_EQ(rec->question->options.size(), 3u);
  EXPECT_THAT(rec->question->options[0].where, ElementsAre("use=gaming"));
  EXPECT_EQ(rec->question->options[0].matches, 2u);
  ExpectVerified(*r, q, *rec);

  // Answered: the constraint narrows; a stated preference asks nothing.
  q.where.push_back("use=gaming");
  rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_FALSE(rec->question.has_value());
  q.where.pop_back();
  q.prefer = {*Preference::Parse("less:price")};
  rec = r->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_FALSE(rec->question.has_value());
}

TEST(Probe, NumbersAreCutInRangesAtRoundNumbers) {
  auto r = Make(kLaptops);
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Laptops", "use!=photo"};
  q.probe_at = 2;
  absl::StatusOr<Recommendation> rec = r->Recommend(q);
  ASSERT_OK(rec);
  ASSERT_TRUE(rec->question.has_value());
  ExpectVerified(*r, q, *rec);
  size_t total = 0;
  for (const QuestionOption& o : rec->question->options) total += o.matches;
  EXPECT_EQ(total, 4u) << rec->question->text;
}

}  // namespace
}  // namespace chatcart
