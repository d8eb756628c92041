// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// For VerifyClaims (verify.cc): what a reason's subject stands for, worked out
// again from the request and the catalog alone (not from the scoring code),
// with the values a claim about it rests on: the raw number, which way is
// better, the text for people. Stateless.

#ifndef CHATCART_RECOMMEND_VERIFY_TERMS_H_
#define CHATCART_RECOMMEND_VERIFY_TERMS_H_

#include <optional>
#include <string>
#include <vector>

#include "chatcart/recommend.h"
#include "recommend/rep.h"
#include "recommend/text.h"

namespace chatcart::recommend::verify {

struct TermFacts {
  enum Kind { kPriceFit, kPrice, kRating, kNumber, kCodes, kList, kBrand, kCategory };
  Kind kind = kPriceFit;
  PreferenceKind direction = PreferenceKind::kMaximize;
  double target = 0;                    // kTarget, in the column's unit (prices: minor units)
  std::optional<int64_t> around;        // kPriceFit with an "around" budget, minor units
  std::optional<AttributeId> attribute;  // kNumber, kCodes, kList
  std::vector<std::string> values;      // kLike/kDislike values, folded
  bool stated = false;                  // from the shopper's preferences
  const NamedPreference* named = nullptr;
  bool blank_unknown = false;  // ValueText says "" rather than "unknown" for no value
  const Recommender::Rep* rep = nullptr;

  bool numeric() const { return kind <= kNumber; }
  // The raw value (prices in minor units, the catalog's rating), or NaN.
  double Raw(ProductIndex i) const;
  // Higher is better for the shopper; NaN when the product has no value.
  double Goodness(ProductIndex i) const;
  // kLike: has a liked value; kDislike: has none of them.
  bool Matches(ProductIndex i) const;
  std::string ValueText(ProductIndex i, Lang lang) const;
  std::string Label(Lang lang) const;
  // The named preference's phrase in `lang` ("cheap to run"), or "".
  std::string Phrase(Lang lang) const;
};

// The term a reason's subject names: "price_fit", "rating", or what one of
// the request's preferences resolves to ("price", an attribute, "brand",
// "category"). nullopt when it names nothing of the request.
std::optional<TermFacts> TermOf(const Recommender::Rep& rep, const RecommendRequest& request,
                                const std::string& name);

// A constraint field's value for people ("brand", "rating", an attribute),
// as a critique reason shows it; nullopt for an unknown field.
std::optional<TermFacts> FieldFacts(const Recommender::Rep& rep, const std::string& field);

}  // namespace chatcart::recommend::verify

#endif  // CHATCART_RECOMMEND_VERIFY_TERMS_H_
