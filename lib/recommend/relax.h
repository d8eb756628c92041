// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// No dead ends: when no product meets every hard constraint, find a minimal
// set of constraints that cannot hold together (QuickXplain, Junker 2004) and
// minimal relaxations of it (the hitting sets of such conflicts, up to
// RecommenderOptions::max_relaxation_changes constraints changed), each
// verified by counting the products it lets through. A numeric bound moves
// just far enough to let a product in (money to a round amount); an equality
// takes the value most of the otherwise-fitting products have; what cannot be
// moved is dropped, and a constraint marked not relaxable never changes.
// Stateless; per-call scratch.

#ifndef CHATCART_RECOMMEND_RELAX_H_
#define CHATCART_RECOMMEND_RELAX_H_

#include <optional>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "recommend/constraints.h"
#include "recommend/rep.h"

namespace chatcart::recommend {

struct Change {
  size_t constraint = 0;             // index into the constraints
  std::optional<HardConstraint> to;  // nullopt: dropped
};

struct Proposal {
  std::vector<Change> changes;
  size_t matches = 0;
};

struct Diagnosis {
  // A minimal conflict: indexes into the constraints, ascending. Empty when
  // `base` itself is empty (nothing available at all).
  std::vector<size_t> conflict;
  std::vector<Proposal> proposals;  // best first
};

// REQUIRES: no product of `base` meets all `constraints`.
absl::StatusOr<Diagnosis> Diagnose(const Recommender::Rep& rep,
                                   std::span<const HardConstraint> constraints,
                                   const ProductSet& base);

// Rounds minor units up (or down) to a round amount for people: 349.00 ->
// 350.00, 1,299.00 -> 1,300.00, 7.90 -> 8.00 (steps of a tenth of the
// amount's order of magnitude, at least one major unit). `exponent` is the
// currency's number of decimals.
int64_t RoundMoney(int64_t minor_units, int exponent, bool up);

}  // namespace chatcart::recommend

#endif  // CHATCART_RECOMMEND_RELAX_H_
