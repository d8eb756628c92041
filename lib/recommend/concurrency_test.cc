// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// A Recommender is shared across threads: concurrent calls give the answers a
// single thread gives.

#include <string>
#include <thread>
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

std::vector<RecommendRequest> Requests() {
  std::vector<RecommendRequest> qs(4);
  qs[0].where = {"category=Photo Printers"};
  qs[0].contains_all = {{"compatible_with", {"iphone", "windows_phone"}}};
  qs[0].budget.max = Eur("300");
  qs[0].prefer = {*Preference::Parse("cheap_to_run")};
  qs[1].where = {"category=Laptops", "ram>=32"};
  qs[1].budget.max = Eur("800");
  qs[1].locale = "fr";
  qs[2].where = {"category=Toys"};
  qs[2].age = 8;
  qs[3].where = {"category=Laptops"};
  qs[3].reference = "lap-aero15";
  qs[3].critiques = {*Critique::Parse("cheaper")};
  qs[3].locale = "it";
  return qs;
}

std::string Summary(const Recommendation& r) {
  std::string s = r.explanation;
  for (const Pick& p : r.picks) {
    s += "|" + p.id + ":" + std::to_string(p.score);
    for (const Reason& reason : p.reasons) s += "/" + reason.text;
  }
  return s;
}

TEST(Concurrency, SharedRecommenderGivesTheSingleThreadedAnswers) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  const std::vector<RecommendRequest> qs = Requests();
  std::vector<std::string> want;
  for (const RecommendRequest& q : qs) {
    absl::StatusOr<Recommendation> rec = r->Recommend(q);
    ASSERT_OK(rec);
    want.push_back(Summary(*rec));
  }
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 50; ++k) {
        const size_t i = static_cast<size_t>(t + k) % qs.size();
        absl::StatusOr<Recommendation> rec = r->Recommend(qs[i]);
        if (!rec.ok() || Summary(*rec) != want[i]) ++mismatches[static_cast<size_t>(t)];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace chatcart
