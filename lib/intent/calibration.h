// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Calibration of classifier scores into probabilities, and the choice of the
// out-of-scope threshold, both from out-of-fold predictions. Pure functions;
// thread-safe.

#ifndef CHATCART_INTENT_CALIBRATION_H_
#define CHATCART_INTENT_CALIBRATION_H_

#include <vector>

namespace chatcart::intent {

struct Sigmoid {
  double a = 1.0;
  double b = 0.0;
  double operator()(double score) const;  // 1 / (1 + exp(-(a * score + b)))
};

// Platt scaling: fits sigmoid(a * score + b) to the 0/1 `outcomes` by
// regularised maximum likelihood (Platt's smoothed targets; Newton's method
// with backtracking, as in Lin, Lin and Weng, "A note on Platt's
// probabilistic outputs", 2007). REQUIRES: scores.size() == outcomes.size().
Sigmoid FitPlatt(const std::vector<double>& scores, const std::vector<bool>& outcomes);

// One out-of-fold prediction, for choosing the threshold.
struct FoldPrediction {
  double confidence = 0;
  bool correct = false;        // the top label was the gold label
  bool gold_oos = false;       // the gold label is the out-of-scope one
  bool predicted_oos = false;  // the top label is the out-of-scope one
};

// With out-of-scope examples: the lowest threshold (reject when confidence <
// threshold) whose out-of-scope recall reaches `target_recall`. Without: the
// threshold below which lies a share 1 - `in_scope_keep` of the correct
// predictions' confidences. Returns a value in [0, 1].
double ChooseThreshold(const std::vector<FoldPrediction>& predictions, double target_recall,
                       double in_scope_keep);

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_CALIBRATION_H_
