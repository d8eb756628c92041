// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// CompactModel: the trained linear weights as the classifier keeps them.
// Weights with magnitude below a pruning threshold are dropped (most of an
// OvR SVM's weights are zero or negligible) and the rest are quantized to
// int16 with one global scale (error below 2^-16 of the largest weight).
// A feature with few weights keeps a list of (class, weight) entries; one
// with weights for a quarter of the classes or more (the common words and
// character n-grams) keeps a dense row, which scores with SIMD instead of
// scattered adds. The same data gives the same bytes.
//
// Immutable after FromWeights(); Score() is const and thread-safe.

#ifndef CHATCART_INTENT_COMPACT_MODEL_H_
#define CHATCART_INTENT_COMPACT_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "intent/feature_table.h"
#include "intent/linear_svm.h"

namespace chatcart::intent {

class CompactModel {
 public:
  CompactModel() = default;

  // Compacts `weights`, dropping entries with |w| < prune_below.
  static CompactModel FromWeights(const LinearWeights& weights, float prune_below);

  int32_t num_classes() const { return static_cast<int32_t>(bias_.size()); }

  // Writes the score of each class for `x` into scores[0, num_classes).
  void Score(const SparseVector& x, float* scores) const;

  size_t bytes() const;

 private:
  struct Entry {
    uint16_t label;
    int16_t weight;
  };
  std::vector<uint32_t> starts_;  // per feature, into entries_; one extra at the end
  std::vector<Entry> entries_;
  std::vector<int32_t> dense_row_;  // per feature: its row in dense_, or -1
  std::vector<int16_t> dense_;      // rows of num_classes weights
  float scale_ = 0;                 // weight = entry.weight * scale_
  std::vector<float> bias_;
};

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_COMPACT_MODEL_H_
