// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/compact_model.h"

#include <algorithm>
#include <cmath>

namespace chatcart::intent {

CompactModel CompactModel::FromWeights(const LinearWeights& weights, float prune_below) {
  CompactModel model;
  model.bias_ = weights.b;
  float max_abs = 0;
  for (const auto& row : weights.w) {
    for (const auto& [f, v] : row) max_abs = std::max(max_abs, std::fabs(v));
  }
  model.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  // Count per feature, then fill in class order (so each feature's entries
  // are sorted by class: deterministic bytes).
  std::vector<uint32_t> counts(static_cast<size_t>(weights.num_features) + 1, 0);
  auto keep = [&](float v, long* q) {
    if (std::fabs(v) < prune_below || v == 0) return false;
    *q = std::lround(v / model.scale_);
    return *q != 0;
  };
  long q = 0;
  for (const auto& row : weights.w) {
    for (const auto& [f, v] : row) counts[f + 1] += keep(v, &q) ? 1 : 0;
  }
  for (size_t f = 1; f < counts.size(); ++f) counts[f] += counts[f - 1];
  model.starts_ = counts;
  model.entries_.resize(counts.back());
  std::vector<uint32_t> fill(counts.begin(), counts.end() - 1);
  for (size_t c = 0; c < weights.w.size(); ++c) {
    for (const auto& [f, v] : weights.w[c]) {
      if (!keep(v, &q)) continue;
      model.entries_[fill[f]++] = {static_cast<uint16_t>(c), static_cast<int16_t>(q)};
    }
  }
  return model;
}

void CompactModel::Score(const SparseVector& x, float* scores) const {
  const size_t num_classes = bias_.size();
  std::copy(bias_.begin(), bias_.end(), scores);
  for (size_t k = 0; k < x.ids.size(); ++k) {
    const int32_t f = x.ids[k];
    if (f < 0 || static_cast<size_t>(f) + 1 >= starts_.size()) continue;
    const float v = x.values[k] * scale_;
    const Entry* e = entries_.data() + starts_[f];
    const Entry* end = entries_.data() + starts_[f + 1];
    for (; e != end; ++e) scores[e->label] += v * static_cast<float>(e->weight);
  }
  (void)num_classes;
}

size_t CompactModel::bytes() const {
  return starts_.size() * sizeof(uint32_t) + entries_.size() * sizeof(Entry) +
         bias_.size() * sizeof(float);
}

}  // namespace chatcart::intent
