// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/linear_svm.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include "intent/hash.h"

namespace chatcart::intent {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// SplitMix64: a small deterministic generator.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() { return Mix64(state_ += 0x9E3779B97F4A7C15ULL); }
  // Uniform in [0, n).
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

 private:
  uint64_t state_;
};

// The dual variables of one binary problem restricted to its working set:
// the examples that may be support vectors. Examples outside it have
// alpha = 0.
struct WorkingSet {
  std::vector<uint32_t> examples;
  std::vector<double> alpha;    // parallel to `examples`
  std::vector<uint8_t> member;  // per training example: in `examples`?
};

// Dual coordinate descent over the working set (LIBLINEAR's
// solve_l2r_l1l2_svc for the squared hinge, with shrinking), from the
// working set's alphas; leaves the solution in `ws->alpha` and `w`
// (num_features + 1 values, the last for the bias).
void SolveWorkingSet(const SparseRows& rows, const std::vector<int32_t>& y, int32_t positive,
                     const std::vector<double>& diag, const std::vector<double>& qd,
                     const SvmOptions& options, Rng* rng, WorkingSet* ws, std::vector<float>* w) {
  const size_t l = ws->examples.size();
  const int32_t bias_id = static_cast<int32_t>(w->size()) - 1;
  const float bias = options.bias;
  const float* values = rows.values.data();
  const int32_t* ids = rows.ids.data();
  float* wp = w->data();

  // w from the alphas (a warm start after the working set grew).
  std::fill(w->begin(), w->end(), 0.0f);
  for (size_t s = 0; s < l; ++s) {
    if (ws->alpha[s] == 0) continue;
    const size_t i = ws->examples[s];
    const float d = static_cast<float>(ws->alpha[s] * (y[i] == positive ? 1.0 : -1.0));
    for (size_t k = rows.starts[i]; k < rows.starts[i + 1]; ++k) wp[ids[k]] += d * values[k];
    wp[bias_id] += d * bias;
  }

  std::vector<size_t> index(l);
  std::iota(index.begin(), index.end(), 0);
  size_t active = l;
  double pg_max_old = kInf;
  for (int epoch = 0; epoch < options.max_epochs; ++epoch) {
    double pg_max_new = -kInf;
    double pg_min_new = kInf;
    for (size_t s = 0; s < active; ++s) std::swap(index[s], index[s + rng->Below(active - s)]);
    for (size_t s = 0; s < active; ++s) {
      const size_t slot = index[s];
      const size_t i = ws->examples[slot];
      double& alpha = ws->alpha[slot];
      const double yi = y[i] == positive ? 1.0 : -1.0;
      const size_t begin = rows.starts[i], end = rows.starts[i + 1];
      // Four partial sums: the gathers overlap instead of waiting on one
      // accumulator.
      float d0 = wp[bias_id] * bias, d1 = 0, d2 = 0, d3 = 0;
      size_t k = begin;
      for (; k + 4 <= end; k += 4) {
        d0 += wp[ids[k]] * values[k];
        d1 += wp[ids[k + 1]] * values[k + 1];
        d2 += wp[ids[k + 2]] * values[k + 2];
        d3 += wp[ids[k + 3]] * values[k + 3];
      }
      for (; k < end; ++k) d0 += wp[ids[k]] * values[k];
      const double dot = static_cast<double>((d0 + d1) + (d2 + d3));
      const double g = yi * dot - 1.0 + alpha * diag[i];
      double pg = g;
      if (alpha == 0) {
        if (g > pg_max_old) {
          --active;
          std::swap(index[s], index[active]);
          --s;
          continue;
        }
        if (g > 0) pg = 0;
      }
      pg_max_new = std::max(pg_max_new, pg);
      pg_min_new = std::min(pg_min_new, pg);
      if (std::fabs(pg) > 1.0e-12) {
        const double old = alpha;
        alpha = std::max(alpha - g / qd[i], 0.0);
        const float d = static_cast<float>((alpha - old) * yi);
        for (size_t k = begin; k < end; ++k) wp[ids[k]] += d * values[k];
        wp[bias_id] += d * bias;
      }
    }
    if (pg_max_new - pg_min_new <= options.eps) {
      if (active == l) break;
      active = l;  // converged on the shrunk set: check everything once more
      pg_max_old = kInf;
      continue;
    }
    pg_max_old = pg_max_new <= 0 ? kInf : pg_max_new;
  }
}

// Sparse class scores of every training example under per-feature weight
// lists: scores[i * num_classes + c].
struct FeatureLists {
  std::vector<size_t> starts;  // per feature, into classes/weights
  std::vector<int32_t> classes;
  std::vector<float> weights;
};

FeatureLists BuildLists(const std::vector<std::vector<std::pair<int32_t, float>>>& per_class,
                        int32_t num_features) {
  FeatureLists lists;
  lists.starts.assign(static_cast<size_t>(num_features) + 1, 0);
  for (const auto& entries : per_class) {
    for (const auto& [f, v] : entries) ++lists.starts[f + 1];
  }
  std::partial_sum(lists.starts.begin(), lists.starts.end(), lists.starts.begin());
  lists.classes.resize(lists.starts.back());
  lists.weights.resize(lists.starts.back());
  std::vector<size_t> fill(lists.starts.begin(), lists.starts.end() - 1);
  for (int32_t c = 0; c < static_cast<int32_t>(per_class.size()); ++c) {
    for (const auto& [f, v] : per_class[c]) {
      lists.classes[fill[f]] = c;
      lists.weights[fill[f]++] = v;
    }
  }
  return lists;
}

// Scores every example for the classes marked in `only` (all when empty);
// other classes' scores are left as they are.
void ScoreAll(const SparseRows& rows, const FeatureLists& lists, const std::vector<float>& bias,
              const std::vector<uint8_t>& only, std::vector<float>* scores) {
  const size_t num_classes = bias.size();
  scores->resize(rows.rows() * num_classes);
  for (size_t i = 0; i < rows.rows(); ++i) {
    float* s = scores->data() + i * num_classes;
    for (size_t c = 0; c < num_classes; ++c) {
      if (only.empty() || only[c]) s[c] = bias[c];
    }
    for (size_t k = rows.starts[i]; k < rows.starts[i + 1]; ++k) {
      const int32_t f = rows.ids[k];
      const float v = rows.values[k];
      for (size_t e = lists.starts[f]; e < lists.starts[f + 1]; ++e) {
        s[lists.classes[e]] += lists.weights[e] * v;
      }
    }
  }
}

// The nonzero entries of a dense vector, as (index, value).
std::vector<std::pair<int32_t, float>> Nonzeros(const std::vector<float>& w, int32_t n,
                                                float min_abs) {
  std::vector<std::pair<int32_t, float>> out;
  for (int32_t f = 0; f < n; ++f) {
    if (std::fabs(w[f]) > min_abs) out.emplace_back(f, w[f]);
  }
  return out;
}

// First working sets: each class's examples plus the other examples most
// like them (nearest to the class centroid), where support vectors are.
void InitialWorkingSets(const SparseRows& rows, const std::vector<int32_t>& y, int32_t num_features,
                        int32_t num_classes, const std::vector<size_t>& class_size,
                        const SvmOptions& options, std::vector<WorkingSet>* sets_out) {
  const size_t l = rows.rows();
  std::vector<WorkingSet>& sets = *sets_out;
  std::vector<float> scores;
  {
    std::vector<std::vector<std::pair<int32_t, float>>> centroids(num_classes);
    std::vector<float> dense(static_cast<size_t>(num_features), 0.0f);
    std::vector<std::vector<uint32_t>> members(num_classes);
    for (size_t i = 0; i < l; ++i) members[y[i]].push_back(static_cast<uint32_t>(i));
    for (int32_t c = 0; c < num_classes; ++c) {
      std::fill(dense.begin(), dense.end(), 0.0f);
      for (uint32_t i : members[c]) {
        for (size_t k = rows.starts[i]; k < rows.starts[i + 1]; ++k) {
          dense[rows.ids[k]] += rows.values[k];
        }
      }
      // Drop the small entries (common features): they cost the most and
      // tell the least.
      const float scale = members[c].empty() ? 0.0f : 1.0f / members[c].size();
      for (float& v : dense) v *= scale;
      centroids[c] = Nonzeros(dense, num_features, options.centroid_min_weight);
    }
    ScoreAll(rows, BuildLists(centroids, num_features), std::vector<float>(num_classes, 0.0f), {},
             &scores);
  }
  std::vector<std::pair<float, uint32_t>> ranked;
  for (int32_t c = 0; c < num_classes; ++c) {
    WorkingSet& ws = sets[c];
    ws.member.assign(l, 0);
    ranked.clear();
    for (size_t i = 0; i < l; ++i) {
      if (y[i] == c) {
        ws.examples.push_back(static_cast<uint32_t>(i));
      } else {
        ranked.emplace_back(-scores[i * num_classes + c], static_cast<uint32_t>(i));
      }
    }
    const size_t take = std::min(
        ranked.size(),
        std::max<size_t>(options.min_negatives, options.negatives_per_positive * class_size[c]));
    std::partial_sort(ranked.begin(), ranked.begin() + take, ranked.end());
    for (size_t r = 0; r < take; ++r) ws.examples.push_back(ranked[r].second);
    std::sort(ws.examples.begin(), ws.examples.end());
    for (uint32_t i : ws.examples) ws.member[i] = 1;
    ws.alpha.assign(ws.examples.size(), 0.0);
  }
}

}  // namespace

LinearWeights TrainOneVsRest(const SparseRows& rows, const std::vector<int32_t>& y,
                             int32_t num_features, int32_t num_classes, const SvmOptions& options,
                             const DualState* warm, DualState* state) {
  const size_t l = rows.rows();
  std::vector<double> diag(l), qd(l);
  for (size_t i = 0; i < l; ++i) {
    double c = options.c;
    if (!options.class_c_scale.empty()) c *= options.class_c_scale[y[i]];
    diag[i] = 0.5 / c;
    double q = static_cast<double>(options.bias) * options.bias + diag[i];
    for (size_t k = rows.starts[i]; k < rows.starts[i + 1]; ++k) {
      q += static_cast<double>(rows.values[k]) * rows.values[k];
    }
    qd[i] = q;
  }
  std::vector<size_t> class_size(num_classes, 0);
  for (int32_t label : y) ++class_size[label];

  std::vector<float> scores;
  std::vector<WorkingSet> sets(num_classes);
  std::vector<std::pair<float, uint32_t>> ranked;
  if (warm != nullptr) {
    for (int32_t c = 0; c < num_classes; ++c) {
      WorkingSet& ws = sets[c];
      ws.member.assign(l, 0);
      ws.examples = warm->examples[c];
      ws.alpha = warm->alpha[c];
      for (uint32_t i : ws.examples) ws.member[i] = 1;
      // Every example of the class belongs in its working set.
      for (size_t i = 0; i < l; ++i) {
        if (y[i] == c && !ws.member[i]) {
          ws.member[i] = 1;
          ws.examples.push_back(static_cast<uint32_t>(i));
          ws.alpha.push_back(0.0);
        }
      }
    }
  } else {
    InitialWorkingSets(rows, y, num_features, num_classes, class_size, options, &sets);
  }

  // Solve on the working sets; then score every example and add those that
  // violate the optimality conditions (alpha = 0 needs y * score >= 1);
  // repeat until none does. The result is the solution on all the data.
  Rng rng(options.seed);
  std::vector<float> w(static_cast<size_t>(num_features) + 1);
  std::vector<std::vector<std::pair<int32_t, float>>> weights(num_classes);
  std::vector<float> bias(num_classes, 0.0f);
  std::vector<uint8_t> dirty(num_classes, 1);
  std::vector<std::vector<std::pair<int32_t, float>>> dirty_weights(num_classes);
  for (int round = 0; round < options.max_rounds; ++round) {
    for (int32_t c = 0; c < num_classes; ++c) {
      dirty_weights[c].clear();
      if (!dirty[c]) continue;
      SolveWorkingSet(rows, y, c, diag, qd, options, &rng, &sets[c], &w);
      weights[c] = Nonzeros(w, num_features, 0.0f);
      bias[c] = w[num_features] * options.bias;
      for (const auto& [f, v] : weights[c]) {
        if (std::fabs(v) >= options.check_min_weight) dirty_weights[c].emplace_back(f, v);
      }
    }
    if (round + 1 == options.max_rounds) break;  // no use checking what will not be solved
    // Only the classes just solved can have new violators.
    ScoreAll(rows, BuildLists(dirty_weights, num_features), bias, dirty, &scores);
    bool any = false;
    for (int32_t c = 0; c < num_classes; ++c) {
      if (!dirty[c]) continue;
      WorkingSet& ws = sets[c];
      dirty[c] = 0;
      ranked.clear();
      for (size_t i = 0; i < l; ++i) {
        if (ws.member[i] || y[i] == c) continue;
        const float s = scores[i * num_classes + c];
        if (s > -1.0 + options.violation_tolerance) {
          ranked.emplace_back(-s, static_cast<uint32_t>(i));
        }
      }
      // The worst violators first: the others often stop violating once
      // those are in.
      const size_t take = std::min(ranked.size(), options.max_added_per_round);
      std::partial_sort(ranked.begin(), ranked.begin() + take, ranked.end());
      for (size_t r = 0; r < take; ++r) {
        const uint32_t i = ranked[r].second;
        ws.member[i] = 1;
        ws.examples.push_back(i);
        ws.alpha.push_back(0.0);
        dirty[c] = 1;
        any = true;
      }
    }
    if (!any) break;
  }

  if (state != nullptr) {
    state->examples.resize(num_classes);
    state->alpha.resize(num_classes);
    for (int32_t c = 0; c < num_classes; ++c) {
      state->examples[c] = std::move(sets[c].examples);
      state->alpha[c] = std::move(sets[c].alpha);
    }
  }

  LinearWeights model;
  model.num_features = num_features;
  model.num_classes = num_classes;
  model.w = std::move(weights);
  model.b = std::move(bias);
  return model;
}

}  // namespace chatcart::intent
