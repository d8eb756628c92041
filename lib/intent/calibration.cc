// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/calibration.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace chatcart::intent {
namespace {

// The negative log-likelihood of the targets under p = 1 / (1 + exp(fApB)),
// written to avoid overflow.
double Objective(const std::vector<double>& scores, const std::vector<double>& targets, double a,
                 double b) {
  double f = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    const double fapb = scores[i] * a + b;
    if (fapb >= 0) {
      f += targets[i] * fapb + std::log1p(std::exp(-fapb));
    } else {
      f += (targets[i] - 1) * fapb + std::log1p(std::exp(fapb));
    }
  }
  return f;
}

}  // namespace

double Sigmoid::operator()(double score) const { return 1.0 / (1.0 + std::exp(-(a * score + b))); }

Sigmoid FitPlatt(const std::vector<double>& scores, const std::vector<bool>& outcomes) {
  // Platt's parameterisation p = 1 / (1 + exp(A f + B)); we return a = -A,
  // b = -B.
  double prior1 = 0, prior0 = 0;
  for (bool o : outcomes) (o ? prior1 : prior0) += 1;
  const double hi = (prior1 + 1.0) / (prior1 + 2.0);
  const double lo = 1.0 / (prior0 + 2.0);
  std::vector<double> t(scores.size());
  for (size_t i = 0; i < scores.size(); ++i) t[i] = outcomes[i] ? hi : lo;
  double A = 0.0;
  double B = std::log((prior0 + 1.0) / (prior1 + 1.0));
  double fval = Objective(scores, t, A, B);
  constexpr double kSigma = 1e-12, kMinStep = 1e-10;
  for (int iter = 0; iter < 100; ++iter) {
    double h11 = kSigma, h22 = kSigma, h21 = 0, g1 = 0, g2 = 0;
    for (size_t i = 0; i < scores.size(); ++i) {
      const double fapb = scores[i] * A + B;
      double p, q;
      if (fapb >= 0) {
        p = std::exp(-fapb) / (1.0 + std::exp(-fapb));
        q = 1.0 / (1.0 + std::exp(-fapb));
      } else {
        p = 1.0 / (1.0 + std::exp(fapb));
        q = std::exp(fapb) / (1.0 + std::exp(fapb));
      }
      const double d2 = p * q;
      h11 += scores[i] * scores[i] * d2;
      h22 += d2;
      h21 += scores[i] * d2;
      const double d1 = t[i] - p;
      g1 += scores[i] * d1;
      g2 += d1;
    }
    if (std::fabs(g1) < 1e-5 && std::fabs(g2) < 1e-5) break;
    const double det = h11 * h22 - h21 * h21;
    const double dA = -(h22 * g1 - h21 * g2) / det;
    const double dB = -(-h21 * g1 + h11 * g2) / det;
    const double gd = g1 * dA + g2 * dB;
    double step = 1.0;
    while (step >= kMinStep) {
      const double new_a = A + step * dA, new_b = B + step * dB;
      const double new_f = Objective(scores, t, new_a, new_b);
      if (new_f < fval + 0.0001 * step * gd) {
        A = new_a;
        B = new_b;
        fval = new_f;
        break;
      }
      step /= 2;
    }
    if (step < kMinStep) break;
  }
  return Sigmoid{-A, -B};
}

double ChooseThreshold(const std::vector<FoldPrediction>& predictions, double target_recall,
                       double in_scope_keep) {
  std::vector<double> oos_missed;  // confidences of OOS examples the label did not catch
  size_t oos = 0, caught = 0;
  std::vector<double> correct;
  for (const FoldPrediction& p : predictions) {
    if (p.gold_oos) {
      ++oos;
      if (p.predicted_oos) {
        ++caught;
      } else {
        oos_missed.push_back(p.confidence);
      }
    } else if (p.correct) {
      correct.push_back(p.confidence);
    }
  }
  if (oos > 0) {
    const auto needed = static_cast<size_t>(std::ceil(target_recall * static_cast<double>(oos)));
    if (caught >= needed) return 0.0;
    std::sort(oos_missed.begin(), oos_missed.end());
    const size_t reject = std::min(needed - caught, oos_missed.size());
    return std::min(1.0, std::nextafter(oos_missed[reject - 1], 2.0));
  }
  if (correct.empty()) return 0.0;
  std::sort(correct.begin(), correct.end());
  const auto below = std::min(
      correct.size() - 1,
      static_cast<size_t>(std::floor((1.0 - in_scope_keep) * static_cast<double>(correct.size()))));
  return below == 0 ? 0.0 : correct[below - 1] + (correct[below] - correct[below - 1]) / 2;
}

}  // namespace chatcart::intent
