// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The empty result for people: the conflict and the relaxation proposals of a
// Diagnosis as Recommendation fields and one rendered sentence ("Nothing
// matches up to 300,00 € and Memory at least 16 GB; with up to 350,00 € there
// are 4, or with Memory at least 12 GB there are 9."). Stateless.

#ifndef CHATCART_RECOMMEND_EXPLAIN_H_
#define CHATCART_RECOMMEND_EXPLAIN_H_

#include <span>

#include "chatcart/recommend.h"
#include "recommend/constraints.h"
#include "recommend/relax.h"
#include "recommend/rep.h"
#include "recommend/text.h"

namespace chatcart::recommend {

// Fills out->conflict, out->relaxations and out->explanation.
void ExplainEmpty(const Recommender::Rep& rep, std::span<const HardConstraint> constraints,
                  const Diagnosis& diagnosis, Lang lang, Recommendation* out);

}  // namespace chatcart::recommend

#endif  // CHATCART_RECOMMEND_EXPLAIN_H_
