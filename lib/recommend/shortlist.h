// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The shortlist: top-k by score with diversity (an earlier pick of the same
// brand or category costs a later one some score; variants of one product and
// exact duplicates are never picked twice), and the "real alternative"
// guarantee: when top >= 2 and any candidate is cheaper than the first pick
// or from another brand, the shortlist holds one. Stateless functions.

#ifndef CHATCART_RECOMMEND_SHORTLIST_H_
#define CHATCART_RECOMMEND_SHORTLIST_H_

#include <cstdint>
#include <span>
#include <vector>

#include "recommend/rep.h"
#include "recommend/scoring.h"

namespace chatcart::recommend {

struct Shortlist {
  std::vector<size_t> picks;  // indexes into Scored::products, in shortlist order
  int alternative = -1;       // index into picks
  uint32_t alternative_flags = kAlternativeNone;
};

// Why product `c` is an alternative to `first` (AlternativeFlags).
uint32_t AlternativeFlagsOf(const Catalog& catalog, ProductIndex first, ProductIndex c);

// Variants of one product, or exact duplicates (same brand and name).
bool SameProduct(const Recommender::Rep& rep, ProductIndex a, ProductIndex b);

// `fixed` (indexes into scored.products) open the shortlist in that order
// (the ladder's steps); `rank_class` (empty, or one per candidate) puts a
// lower class always before a higher one (an "around" budget: prices within
// its tolerance first). The alternative never displaces a fixed pick.
Shortlist SelectShortlist(const Recommender::Rep& rep, const Scored& scored, int top,
                          std::span<const size_t> fixed = {},
                          std::span<const uint8_t> rank_class = {});

}  // namespace chatcart::recommend

#endif  // CHATCART_RECOMMEND_SHORTLIST_H_
