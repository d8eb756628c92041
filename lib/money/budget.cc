// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "chatcart/budget.h"

#include <utility>

namespace chatcart {
namespace {

// The persisted names (session snapshots, JSON): never change one.
constexpr std::pair<std::string_view, BudgetKind> kKinds[] = {
    {"exact", BudgetKind::kExact},     {"under", BudgetKind::kUnder},   {"over", BudgetKind::kOver},
    {"between", BudgetKind::kBetween}, {"around", BudgetKind::kAround},
};

}  // namespace

std::string_view BudgetKindName(BudgetKind kind) {
  for (const auto& [name, k] : kKinds) {
    if (k == kind) return name;
  }
  return "exact";
}

std::optional<BudgetKind> ParseBudgetKind(std::string_view name) {
  for (const auto& [n, k] : kKinds) {
    if (n == name) return k;
  }
  return std::nullopt;
}

}  // namespace chatcart
