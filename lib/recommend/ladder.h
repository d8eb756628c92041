// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The good/better/best ladder: what a shopper's budget buys when they gave
// only a budget and a broad category. With the category's quality attributes
// (CatalogMapping.quality: memory and boost clock for video cards), each
// product's quality is the mean of its percentile ranks on them among the
// products that fit and have them all; then
//   best:   the highest quality priced near the budget's top (from 80 % of it;
//           when nothing is, the dearest fifth of what fits),
//   good:   the cheapest of the better half on quality, moved to a cheaper
//           product that matches it on every attribute while there is one,
//   better: between them, the largest step up in quality per unit of money
//           from the good one, moved likewise;
// so that no cheaper product that fits matches the good or better one on
// every quality attribute, and nothing near the top beats the best one on
// all of them (the claims their reasons make). Without quality attributes
// (or with fewer than 3 products holding them) the ladder is by price: the
// best score near the budget's top, the best score in the middle (40-80 %),
// and the cheapest. Stateless.

#ifndef CHATCART_RECOMMEND_LADDER_H_
#define CHATCART_RECOMMEND_LADDER_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "chatcart/catalog.h"
#include "recommend/rep.h"
#include "recommend/scoring.h"

namespace chatcart::recommend {

struct LadderStep {
  size_t candidate = 0;  // index into Scored::products
  // "best", "better", "good" (by quality); "top", "middle", "lowest" (by price)
  const char* tier = "";
};

struct Ladder {
  std::vector<LadderStep> steps;            // dearest first
  // Candidates for the places after the steps (no tier): with quality
  // attributes, the products no cheaper one matches, best quality first,
  // brands not among the steps first; empty for a price ladder (by score).
  std::vector<size_t> fill;
  std::vector<QualityAttribute> quality;    // empty: a price ladder
  int64_t band_lo = 0, band_hi = 0;         // "near the top": [band_lo, band_hi], minor units
  int64_t budget_top = 0;                   // the budget's top, minor units
};

// The ladder over the candidates in `scored` for a budget whose top is
// `budget_top` (minor units); nullopt when fewer than 2 products are priced.
std::optional<Ladder> BuildLadder(const Recommender::Rep& rep, const Scored& scored,
                                  int64_t budget_top);

// The quality attributes most of the candidates fall under (their categories'
// CatalogMapping.quality); empty when none.
std::vector<QualityAttribute> QualityOf(const Recommender::Rep& rep, const Scored& scored);

}  // namespace chatcart::recommend

#endif  // CHATCART_RECOMMEND_LADDER_H_
