// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Route conditions: a tiny language a conversation designer writes in a
// bundle, compiled at load (errors name the offset) and evaluated per turn.
//
//   condition := clause ("and" clause)*
//   clause    := operand ("known" | "unknown")
//              | operand op literal          op: == != < <= > >=
//   operand   := a slot name or a dotted engine value: "age", "budget.max",
//                "cart.lines", "cart.total", "order.status"
//   literal   := a number ("3", "49.90"), a bare word ("yes"), or 'quoted text'
//
// Comparisons of text are exact after case folding; of numbers, numeric; of
// money, exact in the operand's currency ("cart.total >= 50" is 50.00 EUR in
// a EUR store). Comparing an unknown operand is false (so "age < 3" is false
// while the age is unknown). A compiled Condition is immutable and thread-safe.

#ifndef CHATCART_DIALOGUE_CONDITION_H_
#define CHATCART_DIALOGUE_CONDITION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "chatcart/money.h"

namespace chatcart::dialogue {

// A value a condition reads: text, an integer, money, or a truth value.
using ConditionValue = std::variant<std::string, int64_t, Money, bool>;

// What a condition's operands resolve against (the session).
class ConditionScope {
 public:
  virtual ~ConditionScope() = default;
  // The value of `operand` ("age", "cart.lines"), or nullopt when unknown.
  virtual std::optional<ConditionValue> Lookup(std::string_view operand) const = 0;
};

class Condition {
 public:
  enum class Op { kKnown, kUnknown, kEq, kNe, kLt, kLe, kGt, kGe };

  struct Clause {
    std::string operand;
    Op op = Op::kKnown;
    std::string literal;
  };

  // The empty condition, always true.
  Condition() = default;

  // Compiles `text`; "" compiles to the always-true condition.
  static absl::StatusOr<Condition> Compile(std::string_view text);

  bool empty() const { return clauses_.empty(); }
  const std::vector<Clause>& clauses() const { return clauses_; }

  // Whether every clause holds in `scope`.
  bool Evaluate(const ConditionScope& scope) const;

 private:
  std::vector<Clause> clauses_;
};

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_CONDITION_H_
