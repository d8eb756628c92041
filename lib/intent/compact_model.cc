// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/compact_model.h"

#include <algorithm>
#include <cmath>

namespace chatcart::intent {

CompactModel CompactModel::FromWeights(const LinearWeights& weights, float prune_below) {
  CompactModel model;
  model.bias_ = weights.b;
  float max_abs = 0;
  for (float w : weights.w) max_abs = std::max(max_abs, std::fabs(w));
  model.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  const size_t num_classes = static_cast<size_t>(weights.num_classes);
  model.starts_.reserve(static_cast<size_t>(weights.num_features) + 1);
  model.starts_.push_back(0);
  for (int32_t f = 0; f < weights.num_features; ++f) {
    const float* row = weights.w.data() + static_cast<size_t>(f) * num_classes;
    for (size_t c = 0; c < num_classes; ++c) {
      if (std::fabs(row[c]) < prune_below || row[c] == 0) continue;
      const long q = std::lround(row[c] / model.scale_);
      if (q == 0) continue;
      model.entries_.push_back({static_cast<uint16_t>(c), static_cast<int16_t>(q)});
    }
    model.starts_.push_back(static_cast<uint32_t>(model.entries_.size()));
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
