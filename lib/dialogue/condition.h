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
//
// The dotted engine values are one table, EngineValues(): the flow compiler
// refuses an operand that is neither a slot nor in it ("cart.line" is an
// error at load, not a route that never fires), and Evaluate reads an engine
// value as the kind the table gives it.

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

// The kinds of ConditionValue, in its order.
enum class ValueKind { kText, kNumber, kMoney, kBool };

// "text", "a number", "money", "yes or no".
std::string_view ValueKindName(ValueKind kind);

// A value of the engine or the runtime that a condition may read. `name`
// ending in '.' is a family ("profile." reads "profile.<key>", of the kind
// of the slot the key remembers).
struct EngineValue {
  std::string_view name;
  ValueKind kind;
  std::string_view meaning;  // one line, for errors and docs
  // For text values, the only words it ever holds; empty: any text.
  std::vector<std::string_view> words;
};

// Every engine value, in the order docs/BUNDLES.md lists them.
const std::vector<EngineValue>& EngineValues();

// The entry that `operand` names (exactly, or within a family), or nullptr.
const EngineValue* FindEngineValue(std::string_view operand);

// OK when `literal` can compare with a value of `kind` (a number with a
// number, yes/no/true/false with a truth value, one of `words` when given).
absl::Status CheckLiteral(ValueKind kind, std::string_view literal,
                          const std::vector<std::string_view>& words = {});

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
    // The engine value the operand names, or nullptr (a slot).
    const EngineValue* engine_value = nullptr;
  };

  // The empty condition, always true.
  Condition() = default;

  // Compiles `text`; "" compiles to the always-true condition.
  static absl::StatusOr<Condition> Compile(std::string_view text);

  bool empty() const { return clauses_.empty(); }
  const std::vector<Clause>& clauses() const { return clauses_; }

  // Whether every clause holds in `scope`. An engine value of another kind
  // than EngineValues() gives it is unknown.
  bool Evaluate(const ConditionScope& scope) const;

 private:
  std::vector<Clause> clauses_;
};

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_CONDITION_H_
