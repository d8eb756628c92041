// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Multi-attribute utility scoring. A request's preferences, its budget, the
// catalog's ratings and (when a host enables it) a merchant weight become
// terms; each term gives every candidate a utility in 0..1, normalised over
// the candidates (min-max, so a term separates the products that fit, not the
// whole catalog); a candidate's score is the weighted mean of its utilities.
// Stateless functions; the Scored result is per-request scratch.

#ifndef CHATCART_RECOMMEND_SCORING_H_
#define CHATCART_RECOMMEND_SCORING_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "chatcart/recommend.h"
#include "recommend/rep.h"

namespace chatcart::recommend {

struct Term {
  enum Source : int {
    kPriceFit,  // fit to the budget (always present when products have prices)
    kPrice,     // a stated preference on the price itself
    kRating,    // shrunk rating
    kNumber,    // a NUMBER attribute
    kCodes,     // an ENUM/BOOL/STRING attribute's values liked or disliked
    kList,      // a LIST attribute's values liked or disliked
    kBrand,     // brands liked or disliked
    kCategory,  // categories liked or disliked
    kSimilar,   // like a reference product
    kMerchant,  // the host's merchant attribute (capped, disclosed)
  };
  Source source = kPriceFit;
  // kMaximize, kMinimize, kTarget, kLike, kDislike or kSimilarTo.
  PreferenceKind direction = PreferenceKind::kMaximize;
  std::string name;     // in the breakdown: "price_fit", "rating", "cost_per_print", ...
  std::string named;    // the named preference it came from ("cheap_to_run"), or ""
  bool stated = false;  // from the shopper's preferences (not a default term)
  size_t preference = 0;  // stated: its index among the preferences (request's, then extra)
  double weight = 0;    // before normalisation

  std::optional<AttributeId> attribute;       // kNumber, kCodes, kList, kMerchant
  double target = 0;                          // kTarget
  std::vector<char> liked;                    // by code (kCodes, kList, kBrand: brand code)
  size_t liked_count = 0;                     // distinct liked values (kList fraction)
  std::vector<CategoryId> categories;         // kCategory: subtree roots
  std::optional<int64_t> budget_max, around;  // kPriceFit, minor units
  ProductIndex reference = 0;                 // kSimilar
};

// The terms of `request` (with critique-derived preferences in `extra`).
// INVALID_ARGUMENT naming the preference for an unknown attribute or name, a
// target that is not a number, an unknown reference product.
absl::StatusOr<std::vector<Term>> CompileTerms(const Recommender::Rep& rep,
                                               const RecommendRequest& request,
                                               std::span<const Preference> extra);

// Utilities and scores of the candidates.
struct Scored {
  std::vector<ProductIndex> products;  // ascending
  std::vector<float> score;            // by candidate, 0..1
  size_t term_count = 0;
  std::vector<float> utility;  // [term * products.size() + candidate]
  std::vector<double> weight;  // normalised, sums to 1 (when any)
  std::vector<double> lo, hi;  // per term: the candidates' raw range (numbers, prices)
  std::vector<size_t> known;   // per numeric term: candidates with a value

  float Utility(size_t term, size_t candidate) const {
    return utility[term * products.size() + candidate];
  }
};

void ScoreCandidates(const Recommender::Rep& rep, std::span<const Term> terms,
                     const ProductSet& candidates, Scored* out);

// The raw value of a numeric term for product i (price in minor units), or
// NaN when it has none or the term is not numeric.
double RawValue(const Recommender::Rep& rep, const Term& term, ProductIndex i);

// The utility of a single product against the candidates' ranges in `scored`
// (for products outside the candidate set: the other approach).
float UtilityOf(const Recommender::Rep& rep, const Term& term, const Scored& scored, size_t t,
                ProductIndex i);

}  // namespace chatcart::recommend

#endif  // CHATCART_RECOMMEND_SCORING_H_
