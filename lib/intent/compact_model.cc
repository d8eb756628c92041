// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/compact_model.h"

#include <algorithm>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chatcart::intent {
namespace {

// scores[c] += v * row[c] for every class: the same products and sums, in
// the same order per class, as the scalar loop (SSE2 multiplies and adds
// single floats with the same rounding), eight classes at a time.
void AddScaledRow(const int16_t* row, float v, size_t num_classes, float* scores) {
  size_t c = 0;
#if defined(__SSE2__)
  const __m128 vv = _mm_set1_ps(v);
  for (; c + 8 <= num_classes; c += 8) {
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + c));
    const __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(w, w), 16);  // sign-extended
    const __m128i hi = _mm_srai_epi32(_mm_unpackhi_epi16(w, w), 16);
    _mm_storeu_ps(scores + c,
                  _mm_add_ps(_mm_loadu_ps(scores + c), _mm_mul_ps(vv, _mm_cvtepi32_ps(lo))));
    _mm_storeu_ps(scores + c + 4, _mm_add_ps(_mm_loadu_ps(scores + c + 4),
                                             _mm_mul_ps(vv, _mm_cvtepi32_ps(hi))));
  }
#endif
  for (; c < num_classes; ++c) scores[c] += v * static_cast<float>(row[c]);
}

}  // namespace

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
  const size_t num_classes = weights.b.size();
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
  // Dense rows for features with weights in a quarter of the classes or more.
  model.dense_row_.assign(static_cast<size_t>(weights.num_features), -1);
  int32_t rows = 0;
  for (int32_t f = 0; f < weights.num_features; ++f) {
    if (counts[f + 1] * 4 >= num_classes && counts[f + 1] >= 4) {
      model.dense_row_[f] = rows++;
      counts[f + 1] = 0;
    }
  }
  model.dense_.assign(static_cast<size_t>(rows) * num_classes, 0);
  for (size_t f = 1; f < counts.size(); ++f) counts[f] += counts[f - 1];
  model.starts_ = counts;
  model.entries_.resize(counts.back());
  // Filled in class order, so each feature's entries are sorted by class.
  std::vector<uint32_t> fill(counts.begin(), counts.end() - 1);
  for (size_t c = 0; c < weights.w.size(); ++c) {
    for (const auto& [f, v] : weights.w[c]) {
      if (!keep(v, &q)) continue;
      if (const int32_t r = model.dense_row_[f]; r >= 0) {
        model.dense_[static_cast<size_t>(r) * num_classes + c] = static_cast<int16_t>(q);
      } else {
        model.entries_[fill[f]++] = {static_cast<uint16_t>(c), static_cast<int16_t>(q)};
      }
    }
  }
  return model;
}

void CompactModel::Score(const SparseVector& x, float* scores) const {
  const size_t num_classes = bias_.size();
  std::copy(bias_.begin(), bias_.end(), scores);
  const size_t n = x.ids.size();
  for (size_t k = 0; k < n; ++k) {
    const int32_t f = x.ids[k];
    if (f < 0 || static_cast<size_t>(f) >= dense_row_.size()) continue;
    // The rows of later features are far apart in memory: ask for them early.
    if (k + 4 < n) {
      const int32_t ahead = x.ids[k + 4];
      if (ahead >= 0 && static_cast<size_t>(ahead) < dense_row_.size()) {
        __builtin_prefetch(&dense_row_[ahead]);
        __builtin_prefetch(&starts_[ahead]);
      }
    }
    const float v = x.values[k] * scale_;
    if (const int32_t r = dense_row_[f]; r >= 0) {
      const int16_t* row = dense_.data() + static_cast<size_t>(r) * num_classes;
      AddScaledRow(row, v, num_classes, scores);
      continue;
    }
    const Entry* e = entries_.data() + starts_[f];
    const Entry* end = entries_.data() + starts_[f + 1];
    for (; e != end; ++e) scores[e->label] += v * static_cast<float>(e->weight);
  }
}

size_t CompactModel::bytes() const {
  return starts_.size() * sizeof(uint32_t) + entries_.size() * sizeof(Entry) +
         dense_row_.size() * sizeof(int32_t) + dense_.size() * sizeof(int16_t) +
         bias_.size() * sizeof(float);
}

}  // namespace chatcart::intent
