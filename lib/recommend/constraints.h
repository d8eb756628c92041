// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Hard constraints: a request's `where`, budget, age and contains_all turned
// into one list of constraints over the catalog, checked for contradictions,
// evaluated as candidate sets, and phrased for people. Stateless functions.

#ifndef CHATCART_RECOMMEND_CONSTRAINTS_H_
#define CHATCART_RECOMMEND_CONSTRAINTS_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "chatcart/catalog.h"
#include "chatcart/recommend.h"
#include "recommend/rep.h"
#include "recommend/text.h"

namespace chatcart::recommend {

// What a constraint's field is.
enum class FieldKind : int {
  kPrice,
  kListPrice,
  kRating,
  kStock,
  kBrand,
  kCategory,
  kId,
  kNumber,
  kCodes,
  kList,
  kAge
};

struct HardConstraint {
  AppliedConstraint::Origin origin = AppliedConstraint::kWhere;
  FieldKind field = FieldKind::kNumber;
  Constraint constraint;                 // in the catalog's syntax; unused for kAge
  std::optional<AttributeId> attribute;  // kNumber, kCodes, kList
  int age = 0;                           // kAge
  bool relaxable = true;

  // The catalog's text form, or "age=8".
  std::string Text() const;
  bool ordering() const {
    return constraint.op != CompareOp::kEq && constraint.op != CompareOp::kNe;
  }
};

// Resolves `c`'s field against the catalog. INVALID_ARGUMENT, prefixed with
// `context` ("where[2]"), for an unknown field.
absl::StatusOr<HardConstraint> ResolveConstraint(const Recommender::Rep& rep, Constraint c,
                                                 AppliedConstraint::Origin origin,
                                                 std::string_view context);

// The request's hard constraints, in order: where, budget, age, contains_all.
// Critique constraints are added by the caller. INVALID_ARGUMENT for a
// malformed constraint, an unknown field, a budget in another currency than
// the catalog's or with min > max, a negative age.
absl::StatusOr<std::vector<HardConstraint>> CompileConstraints(const Recommender::Rep& rep,
                                                               const RecommendRequest& request);

// INVALID_ARGUMENT naming two constraints that no value can meet together
// ("price<=100" and "price>=200", "brand=A" and "brand=B").
absl::Status CheckContradictions(std::span<const HardConstraint> constraints);

// The products of `base` meeting every constraint (errors from the catalog's
// Select, naming the constraint).
absl::StatusOr<ProductSet> SelectAll(const Recommender::Rep& rep,
                                     std::span<const HardConstraint> constraints,
                                     const ProductSet& base);

// The products of `base` meeting `c`.
absl::StatusOr<ProductSet> SelectOne(const Recommender::Rep& rep, const HardConstraint& c,
                                     const ProductSet& base);

// Removes from *set the products outside `age` (age_min <= age <= age_max).
void ApplyAge(const Recommender::Rep& rep, int age, ProductSet* set);

// The constraint for people: "up to 300,00 €", "Memory at least 16 GB".
std::string Phrase(const Recommender::Rep& rep, const HardConstraint& c, Lang lang);

// "300 EUR" -> number text and unit text ("300", "EUR").
void SplitQuantity(std::string_view text, std::string_view* number, std::string_view* unit);

}  // namespace chatcart::recommend

#endif  // CHATCART_RECOMMEND_CONSTRAINTS_H_
