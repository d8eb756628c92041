// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The recommender on the real PC-parts catalog (../shared/data/pcparts; skips
// when absent): picks meet the constraints, the first pick is the best score
// recomputed independently from the definition, relaxations count true.

#include <algorithm>
#include <cmath>
#include <limits>
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

using ::testing::HasSubstr;

std::shared_ptr<const Catalog> PcParts(const std::string& path) {
  static std::shared_ptr<const Catalog> catalog;
  if (!catalog) {
    absl::StatusOr<v1::CatalogMapping> mapping = LoadCatalogMapping(
        ::chatcart::testing::SourceDir() + "/examples/catalogs/pcparts.textproto");
    EXPECT_TRUE(mapping.ok()) << mapping.status();
    absl::StatusOr<std::shared_ptr<const Catalog>> c = Catalog::LoadJsonl(path, *mapping);
    EXPECT_TRUE(c.ok()) << c.status();
    if (c.ok()) catalog = *c;
  }
  return catalog;
}

TEST(PcParts, TheFirstPickIsTheBestScoreByTheDefinition) {
  CHATCART_REQUIRE_DATA_FILE(path, "pcparts/products.jsonl");
  std::shared_ptr<const Catalog> c = PcParts(path);
  ASSERT_NE(c, nullptr);
  absl::StatusOr<std::shared_ptr<const Recommender>> r = Recommender::Create(c);
  ASSERT_OK(r);
  RecommendRequest q;
  q.where = {"category=Memory", "module_size>=16"};
  q.budget.max = *Money::Parse("100", "USD");
  q.prefer = {*Preference::Parse("more:memory_speed"), *Preference::Parse("less:cas_latency")};
  q.top = 10;
  absl::StatusOr<Recommendation> rec = (*r)->Recommend(q);
  ASSERT_OK(rec);
  ASSERT_EQ(rec->picks.size(), 10u);

  // Independently: the matching set, then the utility from its definition.
  absl::StatusOr<ProductSet> set =
      c->Select({*Constraint::Parse("category=Memory"), *Constraint::Parse("module_size>=16"),
                 *Constraint::Parse("price<=100 USD")});
  ASSERT_OK(set);
  EXPECT_EQ(rec->matches, set->Count());
  for (const Pick& p : rec->picks) EXPECT_TRUE(set->Contains(p.product)) << p.id;

  const NumberColumn& speed = c->number_column(*c->FindAttribute("memory_speed"));
  const NumberColumn& cas = c->number_column(*c->FindAttribute("cas_latency"));
  const double inf = std::numeric_limits<double>::infinity();
  double plo = inf, slo = inf, shi = -inf, clo = inf, chi = -inf;
  set->ForEach([&](ProductIndex i) {
    plo = std::min(plo, static_cast<double>(c->price_column()[i]));
    if (auto v = speed.Get(i)) slo = std::min(slo, *v), shi = std::max(shi, *v);
    if (auto v = cas.Get(i)) clo = std::min(clo, *v), chi = std::max(chi, *v);
  });
  double best = -1;
  ProductIndex best_at = 0;
  set->ForEach([&](ProductIndex i) {
    const double x = (static_cast<double>(c->price_column()[i]) - plo) / (10000 - plo);
    const double fit = 1 - x * x;
    const double s = speed.Get(i) ? (*speed.Get(i) - slo) / (shi - slo) : 0;
    const double l = cas.Get(i) ? (chi - *cas.Get(i)) / (chi - clo) : 0;
    const double score = (0.5 * fit + s + l) / 2.5;
    if (score > best + 1e-6) {
      best = score;
      best_at = i;
    }
  });
  EXPECT_EQ(rec->picks[0].product, best_at) << rec->picks[0].id << " vs " << c->id(best_at);
  EXPECT_NEAR(rec->picks[0].score, best, 1e-5);
  // A real alternative: cheaper or another brand.
  ASSERT_GE(rec->alternative, 1);
}

TEST(PcParts, RelaxationsOverFiveConstraintsCountTrue) {
  CHATCART_REQUIRE_DATA_FILE(path, "pcparts/products.jsonl");
  std::shared_ptr<const Catalog> c = PcParts(path);
  ASSERT_NE(c, nullptr);
  absl::StatusOr<std::shared_ptr<const Recommender>> r = Recommender::Create(c);
  ASSERT_OK(r);
  RecommendRequest q;
  q.where = {"category=Memory", "module_size>=32", "memory_speed>=6000", "cas_latency<=28"};
  q.budget.max = *Money::Parse("60", "USD");
  absl::StatusOr<Recommendation> rec = (*r)->Recommend(q);
  ASSERT_OK(rec);
  EXPECT_TRUE(rec->picks.empty());
  EXPECT_GE(rec->conflict.size(), 2u);
  ASSERT_FALSE(rec->relaxations.empty());
  EXPECT_THAT(rec->explanation, HasSubstr("Nothing matches"));
  for (const Relaxation& relax : rec->relaxations) {
    std::vector<Constraint> constraints;
    for (size_t k = 0; k < rec->constraints.size(); ++k) {
      std::string text = rec->constraints[k].text;
      for (const RelaxationChange& ch : relax.changes) {
        if (ch.constraint == k) text = ch.to;
      }
      if (!text.empty()) constraints.push_back(*Constraint::Parse(text));
    }
    absl::StatusOr<ProductSet> set = c->Select(constraints);
    ASSERT_OK(set);
    EXPECT_EQ(set->Count(), relax.matches) << relax.text;
  }
  // Minimal: dropping any one constraint of the conflict leaves products.
  for (size_t drop : rec->conflict) {
    std::vector<Constraint> rest = {*Constraint::Parse("price>=0 USD")};  // for sale
    for (size_t k : rec->conflict) {
      if (k != drop) rest.push_back(*Constraint::Parse(rec->constraints[k].text));
    }
    absl::StatusOr<ProductSet> set = c->Select(rest);
    ASSERT_OK(set);
    EXPECT_FALSE(set->empty()) << "conflict is not minimal without " << rec->constraints[drop].text;
  }
}

}  // namespace
}  // namespace chatcart
