// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Picks for people: each pick's score breakdown and its structured reasons
// (the constraints it meets, the preferences it scores on, its rating, how it
// answers a critique, why it is the alternative, its trade-off against the
// other picks, the merchant disclosure), rendered in the request's language.
// Stateless.

#ifndef CHATCART_RECOMMEND_REASONS_H_
#define CHATCART_RECOMMEND_REASONS_H_

#include <optional>
#include <span>
#include <vector>

#include "chatcart/recommend.h"
#include "recommend/constraints.h"
#include "recommend/ladder.h"
#include "recommend/rep.h"
#include "recommend/scoring.h"
#include "recommend/text.h"

namespace chatcart::recommend {

struct ReasonContext {
  const Recommender::Rep& rep;
  const RecommendRequest& request;
  std::span<const HardConstraint> constraints;
  std::span<const Term> terms;
  const Scored& scored;  // the candidates the pick was scored among
  Lang lang;
  std::optional<ProductIndex> reference;
  // The candidates' quality attributes (CatalogMapping.quality), for the
  // picks' specs; empty when none.
  std::span<const QualityAttribute> quality = {};
};

// The pick for product `i` with `utilities` (one per term): identity,
// score, breakdown and its own reasons (not the comparisons).
Pick MakePick(const ReasonContext& ctx, ProductIndex i, std::span<const float> utilities);

// The comparisons across picks: the alternative's reasons (picks[alternative]
// with `flags`), the best of the picks per term, trade-offs against the first.
void AddComparisons(const ReasonContext& ctx, int alternative, uint32_t flags,
                    std::vector<Pick>* picks);

// The ladder's claim for a pick on step `tier` ("best", "better", "good",
// "top", "middle", "lowest"), first among its reasons; sets Pick::tier.
void AddLadderReason(const ReasonContext& ctx, const Ladder& ladder, const std::string& tier,
                     Pick* pick);

// For a pick that has no reason yet: where its price stands among the
// products that fit ("$64.04; 4 of the 254 that fit cost less").
void AddPriceRank(const ReasonContext& ctx, Pick* pick);

// "Memory and Boost clock" in the request's language.
std::string JoinLabels(const ReasonContext& ctx, std::span<const QualityAttribute> quality);

// The reason for an other-approach pick.
void AddOtherApproachReason(const ReasonContext& ctx, Pick* pick);

// A term's value for product i for people ("8 cents", "229,00 €", "unknown").
std::string TermValueText(const ReasonContext& ctx, const Term& term, ProductIndex i);

}  // namespace chatcart::recommend

#endif  // CHATCART_RECOMMEND_REASONS_H_
