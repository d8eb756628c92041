// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// One-vs-rest linear support vector machines trained by dual coordinate
// descent (Hsieh et al., ICML 2008; the algorithm of LIBLINEAR's -s 1:
// L2-regularised, squared-hinge loss, with shrinking). Written here rather
// than called from LIBLINEAR because LIBLINEAR draws from the process-wide
// rand(): two bundles loading at once would race, and the model bits would
// depend on whoever else called rand(). Ours takes an explicit seed, so the
// same data gives the same bits.
//
// Training is a pure function; thread-safe.

#ifndef CHATCART_INTENT_LINEAR_SVM_H_
#define CHATCART_INTENT_LINEAR_SVM_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "intent/feature_table.h"

namespace chatcart::intent {

// Training vectors in compressed sparse rows.
struct SparseRows {
  std::vector<size_t> starts = {0};  // row r is [starts[r], starts[r+1])
  std::vector<int32_t> ids;
  std::vector<float> values;

  void Append(const SparseVector& v) {
    ids.insert(ids.end(), v.ids.begin(), v.ids.end());
    values.insert(values.end(), v.values.begin(), v.values.end());
    starts.push_back(ids.size());
  }
  size_t rows() const { return starts.size() - 1; }
};

struct SvmOptions {
  // Inverse regularisation strength. Default: 1.
  double c = 1.0;
  // Multiplier of `c` for the examples of each class (empty: all 1).
  std::vector<double> class_c_scale;
  // Stopping tolerance on the projected gradient (LIBLINEAR's default 0.1).
  double eps = 0.1;
  int max_epochs = 200;
  // Seeds the order in which coordinates are visited.
  uint64_t seed = 0x5eed;
  // The bias is a constant feature of this value (regularised like the rest).
  float bias = 1.0f;
  // Working sets (an exact speed-up: the result is the solution on all the
  // data). Each class starts with its own examples plus the
  // max(min_negatives, negatives_per_positive * class size) others nearest
  // to its centroid (centroid entries below centroid_min_weight ignored);
  // examples scoring above -1 + violation_tolerance join, for at most
  // max_rounds rounds.
  size_t min_negatives = 200;
  size_t negatives_per_positive = 5;
  float centroid_min_weight = 0.01f;
  double violation_tolerance = 0.0;
  int max_rounds = 20;
  size_t max_added_per_round = 300;
};

// Scores are w[f * num_classes + c] summed over features, plus b[c].
struct LinearWeights {
  int32_t num_features = 0;
  int32_t num_classes = 0;
  std::vector<float> w;  // feature-major: the row of one feature is contiguous
  std::vector<float> b;
};

// Trains `num_classes` one-vs-rest classifiers on `rows` with labels `y`
// (each in [0, num_classes)).
// When `loo_scores` is not null it receives, for each example i and class c,
// an estimate of the score example i would get from the classifiers trained
// without it (loo_scores[i * num_classes + c]), by the Jaakkola-Haussler
// approximation: a support vector's own contribution alpha * y * K(x, x) is
// taken out of its score; other examples' scores are exact, as removing a
// non-support vector leaves the solution unchanged.
LinearWeights TrainOneVsRest(const SparseRows& rows, const std::vector<int32_t>& y,
                             int32_t num_features, int32_t num_classes, const SvmOptions& options,
                             std::vector<float>* loo_scores = nullptr);

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_LINEAR_SVM_H_
