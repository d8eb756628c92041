// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The trained intent classifier: hashed word, stem and character n-grams
// (intent/features.h), TF-IDF vectors (intent/feature_table.h), one-vs-rest
// linear SVMs (intent/linear_svm.h) kept compact (intent/compact_model.h),
// a calibrated confidence and an out-of-scope threshold.
//
// Training, as a bundle load runs it:
//   1. The final model on all the examples.
//   2. k folds of the examples (stratified by label, deterministic): for each,
//      a model on the other folds, warm-started from the final model's dual
//      solution, scores the held-out one. Those out-of-fold predictions are
//      the only ones that tell how the final model errs on text it never saw.
//   3. Calibration: an intent's confidence = sigmoid(a * evidence + b), where
//      evidence is its score less the out-of-scope class's score (its score
//      alone without that class), fitted to whether the out-of-fold best
//      intents were right (Platt scaling, with Platt's smoothed targets).
//   4. Out-of-scope threshold on that confidence: with out-of-scope examples
//      (an explicit class), the lowest threshold whose out-of-fold
//      out-of-scope recall reaches `oos_target_recall`; without, the
//      threshold that keeps `in_scope_keep` of the right out-of-fold
//      predictions. An explicit threshold in the options overrides both.
// The same examples and options give the same model bits (no clocks, no
// global random state, stable hashes).
//
// A Classifier is immutable after Train() and thread-safe: Classify() keeps
// its scratch space in thread-local storage.

#ifndef CHATCART_INTENT_CLASSIFIER_H_
#define CHATCART_INTENT_CLASSIFIER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "intent/compact_model.h"
#include "intent/feature_table.h"
#include "intent/features.h"
#include "intent/linear_svm.h"
#include "text/language.h"
#include "text/tokenize.h"

namespace chatcart::intent {

struct ClassifierOptions {
  FeatureOptions features;
  SvmOptions svm;
  // Features in fewer training examples are dropped. Default: 1 (keep all).
  int min_df = 1;
  // Weights below this magnitude are dropped from the compact model.
  float prune_below = 0.005f;
  // Folds for calibration and the out-of-scope threshold; below 2, no folds:
  // the calibration is the identity-like default and the threshold is
  // `oos_threshold` (or 0).
  int folds = 3;
  // The fold models start from the final model's solution (restricted to
  // their examples) and stop after this many working-set rounds. Default: 1.
  int fold_max_rounds = 1;
  double oos_target_recall = 0.8;  // see IntentModelOptions
  double in_scope_keep = 0.995;
  // Threads that train the folds (the calling thread is one of them). The
  // result does not depend on it. Default: 3 (one per fold).
  int threads = 3;
  // Overrides the threshold chosen on folds (a confidence in [0, 1]).
  std::optional<double> oos_threshold;
  // Text none of whose words training saw is out of scope unless at least
  // this share of its character n-grams was seen. Keyboard mashing
  // ("asdfgh qwerty", "zxcv bnm") shares 13-61 % of its character n-grams
  // with the demo bundle's examples; unseen words of the languages trained
  // 77-100 % ("buon pomeriggio", "carrément", "affirmitive" in CLINC150).
  double min_known_char_share = 0.7;
};

struct TrainingExample {
  std::string text;
  text::Language language = text::Language::kEnglish;
  int32_t label = 0;
};

// What training measured on its folds.
struct TrainingReport {
  int folds = 0;
  double fold_accuracy = 0;           // out-of-fold, before the threshold
  double fold_oos_recall = 0;         // out-of-fold, with the threshold (0: no OOS examples)
  double fold_in_scope_accuracy = 0;  // out-of-fold, with the threshold
  int32_t features = 0;
  size_t weights = 0;
  // CPU time the threads other than the calling one spent on folds.
  double helper_cpu_ms = 0;
};

struct LabelScore {
  int32_t label = -1;
  float score = 0;        // raw SVM score
  float probability = 0;  // calibrated confidence that this label is right (step 3)
};

struct Prediction {
  // The best labels other than the out-of-scope one, best first.
  std::vector<LabelScore> top;
  // Nothing recognised in the text (min_known_char_share), the out-of-scope
  // class outscored every intent, or the best intent's probability is below
  // the threshold.
  bool out_of_scope = false;
};

class Classifier {
 public:
  Classifier() = default;

  // Trains on `examples` with labels in [0, num_labels); `oos_label` is the
  // explicit out-of-scope label, or -1. INVALID_ARGUMENT when there are no
  // examples, a label is out of range, or num_labels exceeds 65,535.
  static absl::StatusOr<Classifier> Train(const std::vector<TrainingExample>& examples,
                                          int32_t num_labels, int32_t oos_label,
                                          const ClassifierOptions& options);

  // Classifies tokenized, folded text in `language`, keeping the `top_k`
  // best labels in out->top.
  void Classify(const std::vector<text::Token>& tokens, text::Language language, int top_k,
                Prediction* out) const;

  double threshold() const { return threshold_; }
  double calibration_a() const { return a_; }
  double calibration_b() const { return b_; }
  const TrainingReport& report() const { return report_; }
  size_t bytes() const { return table_.bytes() + model_.bytes() + stems_.size() * 16; }

 private:
  float Confidence(float score) const;

  FeatureExtractor extractor_{FeatureOptions()};
  StemCache stems_;  // the training words' stems
  FeatureTable table_;
  CompactModel model_;
  int32_t num_labels_ = 0;
  int32_t oos_label_ = -1;
  double a_ = 1.0, b_ = 0.0;  // confidence = sigmoid(a * score + b)
  double threshold_ = 0;
  double min_known_char_share_ = 0;
  TrainingReport report_;
};

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_CLASSIFIER_H_
