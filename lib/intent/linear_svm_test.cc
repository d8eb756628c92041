// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/linear_svm.h"

#include <cmath>
#include <vector>

#include "gtest/gtest.h"
#include "intent/hash.h"

namespace chatcart::intent {
namespace {

// Three classes in 30 features: class k owns features [10k, 10k + 10) and
// every example also carries shared noise features.
void MakeProblem(SparseRows* rows, std::vector<int32_t>* y) {
  uint64_t state = 7;
  for (int i = 0; i < 90; ++i) {
    const int32_t label = i % 3;
    SparseVector v;
    std::vector<std::pair<int32_t, float>> entries;
    for (int j = 0; j < 3; ++j) {
      state = Mix64(state + 1);
      entries.push_back({label * 10 + static_cast<int32_t>(state % 10), 1.0f});
    }
    state = Mix64(state + 1);
    entries.push_back({30 + static_cast<int32_t>(state % 5), 1.0f});
    std::sort(entries.begin(), entries.end());
    float norm = 0;
    for (size_t k = 0; k < entries.size(); ++k) {
      if (!v.ids.empty() && v.ids.back() == entries[k].first) {
        v.values.back() += entries[k].second;
      } else {
        v.ids.push_back(entries[k].first);
        v.values.push_back(entries[k].second);
      }
    }
    for (float x : v.values) norm += x * x;
    for (float& x : v.values) x /= std::sqrt(norm);
    rows->Append(v);
    y->push_back(label);
  }
}

float Weight(const LinearWeights& w, int32_t c, int32_t f) {
  for (const auto& [feature, v] : w.w[c]) {
    if (feature == f) return v;
  }
  return 0.0f;
}

float Score(const LinearWeights& w, const SparseRows& rows, size_t i, int32_t c) {
  float s = w.b[c];
  for (size_t k = rows.starts[i]; k < rows.starts[i + 1]; ++k) {
    s += Weight(w, c, rows.ids[k]) * rows.values[k];
  }
  return s;
}

TEST(TrainOneVsRest, SeparatesSeparableClasses) {
  SparseRows rows;
  std::vector<int32_t> y;
  MakeProblem(&rows, &y);
  const LinearWeights w = TrainOneVsRest(rows, y, 35, 3, SvmOptions());
  for (size_t i = 0; i < rows.rows(); ++i) {
    int32_t best = 0;
    for (int32_t c = 1; c < 3; ++c) {
      if (Score(w, rows, i, c) > Score(w, rows, i, best)) best = c;
    }
    EXPECT_EQ(best, y[i]) << "example " << i;
  }
}

TEST(TrainOneVsRest, WorkingSetsGiveTheSolutionOnAllTheData) {
  SparseRows rows;
  std::vector<int32_t> y;
  MakeProblem(&rows, &y);
  SvmOptions small;
  small.min_negatives = 2;
  small.negatives_per_positive = 0;
  small.max_added_per_round = 3;
  small.eps = 1e-4;
  small.violation_tolerance = 0;
  SvmOptions all = small;
  all.min_negatives = 1000;  // every example from the start
  const LinearWeights a = TrainOneVsRest(rows, y, 35, 3, small);
  const LinearWeights b = TrainOneVsRest(rows, y, 35, 3, all);
  for (int32_t c = 0; c < 3; ++c) {
    for (int32_t f = 0; f < 35; ++f)
      EXPECT_NEAR(Weight(a, c, f), Weight(b, c, f), 2e-3) << c << " " << f;
  }
  for (size_t c = 0; c < a.b.size(); ++c) EXPECT_NEAR(a.b[c], b.b[c], 2e-3) << c;
}

TEST(TrainOneVsRest, IsDeterministic) {
  SparseRows rows;
  std::vector<int32_t> y;
  MakeProblem(&rows, &y);
  const LinearWeights a = TrainOneVsRest(rows, y, 35, 3, SvmOptions());
  const LinearWeights b = TrainOneVsRest(rows, y, 35, 3, SvmOptions());
  EXPECT_EQ(a.w, b.w);
  EXPECT_EQ(a.b, b.b);
}

}  // namespace
}  // namespace chatcart::intent
