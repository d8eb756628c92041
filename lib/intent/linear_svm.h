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
#include <utility>
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
  // Working sets (a speed-up: with violation_tolerance 0 the result is the
  // solution on all the data). Each class starts with its own examples plus
  // the max(min_negatives, negatives_per_positive * class size) others
  // nearest to its centroid (centroid entries below centroid_min_weight
  // ignored); after each solve, up to max_added_per_round examples scoring
  // above -1 + violation_tolerance join, for at most max_rounds rounds.
  // Examples that barely violate get tiny alphas: the default tolerance of
  // 0.1 leaves them out, which saves rounds and changes no prediction we
  // could measure.
  size_t min_negatives = 200;
  size_t negatives_per_positive = 5;
  float centroid_min_weight = 0.01f;
  double violation_tolerance = 0.1;
  int max_rounds = 20;
  size_t max_added_per_round = 500;
  // The rounds' checks score with weights of at least this magnitude (the
  // rest barely move a score, and skipping them is most of the cost).
  float check_min_weight = 1e-3f;
};

// One weight vector per class, sparse: (feature, weight) pairs with
// feature ascending, plus a bias per class. Scores are sums of weights over
// an example's features, plus the class's bias.
struct LinearWeights {
  int32_t num_features = 0;
  int32_t num_classes = 0;
  std::vector<std::vector<std::pair<int32_t, float>>> w;  // per class
  std::vector<float> b;
};

// The dual solution: per class, the working set's examples (row indices)
// and their alphas. Handing one back in warm-starts a related problem (the
// same examples minus a fold): the solver starts from those alphas instead
// of the centroid heuristic.
struct DualState {
  std::vector<std::vector<uint32_t>> examples;  // per class
  std::vector<std::vector<double>> alpha;       // parallel to examples
};

// Trains the classes' SVMs. `warm` (optional) gives starting working sets and
// alphas; `state` (optional) receives the final ones.
LinearWeights TrainOneVsRest(const SparseRows& rows, const std::vector<int32_t>& y,
                             int32_t num_features, int32_t num_classes, const SvmOptions& options,
                             const DualState* warm = nullptr, DualState* state = nullptr);

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_LINEAR_SVM_H_
