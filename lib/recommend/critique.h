// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Critiques ("cheaper", "bigger screen", "another brand", "more like this")
// turned into hard constraints relative to a reference product plus a soft
// preference for products otherwise like it. Stateless.

#ifndef CHATCART_RECOMMEND_CRITIQUE_H_
#define CHATCART_RECOMMEND_CRITIQUE_H_

#include <span>
#include <vector>

#include "absl/status/status.h"
#include "chatcart/recommend.h"
#include "recommend/constraints.h"
#include "recommend/rep.h"

namespace chatcart::recommend {

// Appends the constraints of `critiques` of `reference` to *constraints and
// the similarity preference to *preferences. INVALID_ARGUMENT naming the
// critique when the reference has no value to compare with.
absl::Status CompileCritiques(const Recommender::Rep& rep, ProductIndex reference,
                              std::span<const Critique> critiques,
                              std::vector<HardConstraint>* constraints,
                              std::vector<Preference>* preferences);

// The vocabulary entry named `name`, or nullptr.
const NamedPreference* FindNamed(const Recommender::Rep& rep, std::string_view name);

}  // namespace chatcart::recommend

#endif  // CHATCART_RECOMMEND_CRITIQUE_H_
