// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/calibration.h"

#include <cmath>
#include <vector>

#include "gtest/gtest.h"

namespace chatcart::intent {
namespace {

TEST(FitPlatt, HigherScoresGetHigherProbabilities) {
  std::vector<double> scores;
  std::vector<bool> outcomes;
  // Right answers mostly score high, wrong ones low, with overlap.
  for (int i = 0; i < 200; ++i) {
    const double s = -1.0 + i * 0.01;
    scores.push_back(s);
    outcomes.push_back((i % 7 == 0) ? s < 0 : s > -0.2);
  }
  const Sigmoid sigmoid = FitPlatt(scores, outcomes);
  EXPECT_GT(sigmoid.a, 0);
  EXPECT_LT(sigmoid(-0.8), 0.2);
  EXPECT_GT(sigmoid(0.8), 0.8);
  EXPECT_LT(sigmoid(0.0), sigmoid(0.1));
}

TEST(FitPlatt, StaysFiniteWhenEverythingIsRight) {
  const Sigmoid sigmoid = FitPlatt({0.1, 0.5, 0.9, 1.2}, {true, true, true, true});
  EXPECT_TRUE(std::isfinite(sigmoid.a));
  EXPECT_TRUE(std::isfinite(sigmoid.b));
  // Platt's smoothed target for 4 positives is 5/6: never certainty.
  EXPECT_LT(sigmoid(0.5), 0.99);
}

FoldPrediction P(double confidence, bool correct, bool gold_oos = false,
                 bool predicted_oos = false) {
  return {confidence, correct, gold_oos, predicted_oos};
}

TEST(ChooseThreshold, ReachesTheTargetRecallWithTheLowestThreshold) {
  std::vector<FoldPrediction> p = {
      P(0.9, true),
      P(0.8, true),
      P(0.7, true),
      P(0.2, false, true),
      P(0.3, false, true),
      P(0.5, false, true),
      P(0.6, true, true, true),  // caught by the out-of-scope label itself
      P(0.95, false, true)};
  // 5 OOS examples; 75 % needs 4 caught: the label catches 1, the threshold
  // must reject 0.2, 0.3 and 0.5.
  const double t = ChooseThreshold(p, 0.75, 0.99);
  EXPECT_GT(t, 0.5);
  EXPECT_LT(t, 0.5001);
  // A lower target needs less.
  const double lower = ChooseThreshold(p, 0.4, 0.99);
  EXPECT_GT(lower, 0.2);
  EXPECT_LT(lower, 0.2001);
}

TEST(ChooseThreshold, IsZeroWhenTheLabelAloneReachesTheTarget) {
  EXPECT_EQ(ChooseThreshold({P(0.9, true, true, true), P(0.4, true)}, 0.75, 0.99), 0.0);
}

TEST(ChooseThreshold, WithoutOutOfScopeExamplesKeepsMostRightAnswers) {
  std::vector<FoldPrediction> p;
  for (int i = 1; i <= 100; ++i) p.push_back(P(i / 100.0, true));
  p.push_back(P(0.001, false));  // wrong answers do not count
  const double t = ChooseThreshold(p, 0.75, 0.95);
  // Rejects the 5 lowest right answers (0.01 ... 0.05), keeps 0.06.
  EXPECT_GT(t, 0.05);
  EXPECT_LT(t, 0.06);
  EXPECT_EQ(ChooseThreshold({}, 0.75, 0.95), 0.0);
}

}  // namespace
}  // namespace chatcart::intent
