// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The probing question: when a request is too broad to rank well (many
// products fit, no preference stated), the question a good associate would
// ask to discover the need. Each attribute the shopper has not constrained
// yet is a candidate: the subcategories below what fits, an ENUM/BOOL/LIST
// attribute's most common values (at most 5), or a NUMBER attribute cut in
// three ranges at round numbers near its terciles. The chosen one splits the
// products that fit best: the largest entropy of its options' shares, times
// the share of products it covers (a value most products lack asks little).
// Colours and other variant axes are left out (they choose a variant, not a
// need). Stateless.

#ifndef CHATCART_RECOMMEND_PROBE_H_
#define CHATCART_RECOMMEND_PROBE_H_

#include <optional>
#include <span>
#include <vector>

#include "chatcart/recommend.h"
#include "recommend/constraints.h"
#include "recommend/rep.h"
#include "recommend/text.h"

namespace chatcart::recommend {

// The question over `products` (those that fit, ascending), leaving out the
// fields `constraints` already constrain; nullopt when no attribute splits
// them into at least two options.
std::optional<Question> ProbingQuestion(const Recommender::Rep& rep,
                                        std::span<const ProductIndex> products,
                                        std::span<const HardConstraint> constraints, Lang lang);

}  // namespace chatcart::recommend

#endif  // CHATCART_RECOMMEND_PROBE_H_
