// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// BudgetKind: how a budget the shopper said bounds a price ("under 40",
// "between 250 and 700"). One type from the words to the dialogue: the
// entity extractor reads it (entities.h), a slot keeps it, a session snapshot
// persists it by name.
//
//   BudgetKindName(BudgetKind::kUnder)   // "under"
//   ParseBudgetKind("around")            // BudgetKind::kAround
//
// All functions are thread-safe.

#ifndef CHATCART_BUDGET_H_
#define CHATCART_BUDGET_H_

#include <optional>
#include <string_view>

namespace chatcart {

// How a budget bounds the price. Values are persisted: never renumber.
enum class BudgetKind : int {
  kExact = 0,    // "$300": min == max
  kUnder = 1,    // "under 40 euros": max only
  kOver = 2,     // "at least 100": min only
  kBetween = 3,  // "between 250 and 700 dollars": min and max
  kAround = 4,   // "around 100": min == max, the amount said
};

// "exact", "under", "over", "between" or "around".
std::string_view BudgetKindName(BudgetKind kind);

// The kind BudgetKindName names `name`; nullopt for any other text.
std::optional<BudgetKind> ParseBudgetKind(std::string_view name);

}  // namespace chatcart

#endif  // CHATCART_BUDGET_H_
