// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/condition.h"

#include <compare>
#include <type_traits>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"

namespace chatcart::dialogue {
namespace {

bool IsOperandChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  void SkipSpace() {
    while (i_ < text_.size() && absl::ascii_isspace(static_cast<unsigned char>(text_[i_]))) ++i_;
  }
  bool AtEnd() {
    SkipSpace();
    return i_ >= text_.size();
  }
  size_t offset() const { return i_; }

  std::string Word() {
    SkipSpace();
    size_t start = i_;
    while (i_ < text_.size() && IsOperandChar(text_[i_])) ++i_;
    return std::string(text_.substr(start, i_ - start));
  }

  std::string Operator() {
    SkipSpace();
    for (std::string_view op : {"==", "!=", "<=", ">=", "<", ">"}) {
      if (text_.substr(i_, op.size()) == op) {
        i_ += op.size();
        return std::string(op);
      }
    }
    return "";
  }

  absl::StatusOr<std::string> Literal() {
    SkipSpace();
    if (i_ < text_.size() && text_[i_] == '\'') {
      size_t end = text_.find('\'', i_ + 1);
      if (end == std::string_view::npos) return Error("unterminated quoted text");
      std::string literal(text_.substr(i_ + 1, end - i_ - 1));
      i_ = end + 1;
      return literal;
    }
    size_t start = i_;
    while (i_ < text_.size() && (IsOperandChar(text_[i_]) || text_[i_] == '-')) ++i_;
    if (start == i_) return Error("expected a number, a word or 'quoted text'");
    return std::string(text_.substr(start, i_ - start));
  }

  absl::Status Error(std::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrCat("condition \"", ToAbsl(text_), "\": offset ", i_, ": ", ToAbsl(what)));
  }

 private:
  std::string_view text_;
  size_t i_ = 0;
};

std::optional<std::strong_ordering> CompareValue(const ConditionValue& value,
                                                 const std::string& literal) {
  if (const int64_t* n = std::get_if<int64_t>(&value)) {
    int64_t rhs = 0;
    if (absl::SimpleAtoi(literal, &rhs)) return *n <=> rhs;
    double d = 0;  // "2.5" against an integer operand: compare exactly via scaling
    if (absl::SimpleAtod(literal, &d)) {
      double lhs = static_cast<double>(*n);
      if (lhs < d) return std::strong_ordering::less;
      if (lhs > d) return std::strong_ordering::greater;
      return std::strong_ordering::equal;
    }
    return std::nullopt;
  }
  if (const Money* m = std::get_if<Money>(&value)) {
    absl::StatusOr<Money> rhs = Money::Parse(literal, m->currency());
    if (!rhs.ok()) return std::nullopt;
    absl::StatusOr<std::strong_ordering> order = m->Compare(*rhs);
    if (!order.ok()) return std::nullopt;
    return *order;
  }
  if (const bool* b = std::get_if<bool>(&value)) {
    std::string folded = absl::AsciiStrToLower(literal);
    bool rhs = folded == "true" || folded == "yes";
    if (!rhs && folded != "false" && folded != "no") return std::nullopt;
    return static_cast<int>(*b) <=> static_cast<int>(rhs);
  }
  const std::string& text = std::get<std::string>(value);
  std::string lhs = absl::AsciiStrToLower(text);
  std::string rhs = absl::AsciiStrToLower(literal);
  int c = lhs.compare(rhs);
  return c < 0 ? std::strong_ordering::less
               : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

}  // namespace

std::string_view ValueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kText:
      return "text";
    case ValueKind::kNumber:
      return "a number";
    case ValueKind::kMoney:
      return "money";
    case ValueKind::kBool:
      return "yes or no";
  }
  return "text";
}

static_assert(std::variant_size_v<ConditionValue> == 4 &&
                  std::is_same_v<std::variant_alternative_t<int(ValueKind::kText), ConditionValue>,
                                 std::string> &&
                  std::is_same_v<std::variant_alternative_t<int(ValueKind::kNumber), ConditionValue>,
                                 int64_t> &&
                  std::is_same_v<std::variant_alternative_t<int(ValueKind::kMoney), ConditionValue>,
                                 Money> &&
                  std::is_same_v<std::variant_alternative_t<int(ValueKind::kBool), ConditionValue>,
                                 bool>,
              "ValueKind follows ConditionValue's alternatives");

const std::vector<EngineValue>& EngineValues() {
  // Answered by the runtime (session., state.) and the engine's executor
  // (the rest); lib/engine's test asks a session for each.
  static const auto* values = new std::vector<EngineValue>{
      {"cart.lines", ValueKind::kNumber, "lines in the cart (0 without a cart)"},
      {"cart.items", ValueKind::kNumber, "items in the cart, quantities summed"},
      {"cart.total", ValueKind::kMoney, "the cart's grand total (unknown without a cart)"},
      {"cart.confirmable", ValueKind::kBool,
       "a confirmation was requested and nothing changed since"},
      {"orders", ValueKind::kNumber, "orders placed in this conversation"},
      {"order.status", ValueKind::kText, "the last order's status",
       {"placed", "paid", "shipped", "delivered", "cancelled"}},
      {"order.amendable", ValueKind::kBool, "the last order has an amendment waiting"},
      {"event.order_known", ValueKind::kBool,
       "the event's reference param names an order of this conversation"},
      {"local.hour", ValueKind::kNumber, "the hour (0-23) in the store's time zone"},
      {"quiet_hours", ValueKind::kBool, "the store's quiet hours are on"},
      {"session.turns", ValueKind::kNumber, "turns so far in this conversation"},
      {"state.fresh", ValueKind::kBool, "the current state was entered this turn"},
      {"profile.", ValueKind::kText,
       "profile.<key>: what the shopper asked to be remembered under a slot's profile_key"},
  };
  return *values;
}

const EngineValue* FindEngineValue(std::string_view operand) {
  for (const EngineValue& value : EngineValues()) {
    if (value.name.ends_with('.') ? operand.starts_with(value.name) &&
                                        operand.size() > value.name.size()
                                  : operand == value.name) {
      return &value;
    }
  }
  return nullptr;
}

absl::Status CheckLiteral(ValueKind kind, std::string_view literal,
                          const std::vector<std::string_view>& words) {
  std::string folded = absl::AsciiStrToLower(ToAbsl(literal));
  double number = 0;
  switch (kind) {
    case ValueKind::kNumber:
    case ValueKind::kMoney:
      if (absl::SimpleAtod(folded, &number)) return absl::OkStatus();
      return absl::InvalidArgumentError(
          absl::StrCat("\"", folded, "\" is not a number, and ", ToAbsl(ValueKindName(kind)),
                       " compares only with numbers"));
    case ValueKind::kBool:
      if (folded == "yes" || folded == "no" || folded == "true" || folded == "false") {
        return absl::OkStatus();
      }
      return absl::InvalidArgumentError(
          absl::StrCat("\"", folded, "\" is not yes, no, true or false"));
    case ValueKind::kText:
      if (words.empty()) return absl::OkStatus();
      for (std::string_view word : words) {
        if (folded == absl::AsciiStrToLower(ToAbsl(word))) return absl::OkStatus();
      }
      std::vector<std::string> quoted;
      for (std::string_view word : words) quoted.push_back(absl::StrCat("\"", ToAbsl(word), "\""));
      return absl::InvalidArgumentError(absl::StrCat("\"", folded, "\" is never its value (",
                                                     absl::StrJoin(quoted, ", "), ")"));
  }
  return absl::OkStatus();
}

absl::StatusOr<Condition> Condition::Compile(std::string_view text) {
  Condition condition;
  Lexer lexer(text);
  if (lexer.AtEnd()) return condition;
  while (true) {
    Clause clause;
    clause.operand = lexer.Word();
    if (clause.operand.empty()) return lexer.Error("expected a slot or value name");
    std::string op = lexer.Operator();
    if (op.empty()) {
      std::string word = lexer.Word();
      if (word == "known") {
        clause.op = Op::kKnown;
      } else if (word == "unknown") {
        clause.op = Op::kUnknown;
      } else {
        return lexer.Error("expected ==, !=, <, <=, >, >=, known or unknown");
      }
    } else {
      clause.op = op == "=="   ? Op::kEq
                  : op == "!=" ? Op::kNe
                  : op == "<"  ? Op::kLt
                  : op == "<=" ? Op::kLe
                  : op == ">"  ? Op::kGt
                               : Op::kGe;
      absl::StatusOr<std::string> literal = lexer.Literal();
      if (!literal.ok()) return literal.status();
      clause.literal = *std::move(literal);
    }
    clause.engine_value = FindEngineValue(clause.operand);
    condition.clauses_.push_back(std::move(clause));
    if (lexer.AtEnd()) break;
    if (lexer.Word() != "and") return lexer.Error("expected \"and\" between clauses");
  }
  return condition;
}

bool Condition::Evaluate(const ConditionScope& scope) const {
  for (const Clause& clause : clauses_) {
    std::optional<ConditionValue> value = scope.Lookup(clause.operand);
    if (value.has_value() && clause.engine_value != nullptr &&
        clause.engine_value->name.back() != '.' &&
        static_cast<ValueKind>(value->index()) != clause.engine_value->kind) {
      value.reset();  // not the value the bundle was validated against
    }
    switch (clause.op) {
      case Op::kKnown:
        if (!value.has_value()) return false;
        continue;
      case Op::kUnknown:
        if (value.has_value()) return false;
        continue;
      default:
        break;
    }
    if (!value.has_value()) return false;
    std::optional<std::strong_ordering> order = CompareValue(*value, clause.literal);
    if (!order.has_value()) return false;
    bool holds = false;
    switch (clause.op) {
      case Op::kEq:
        holds = *order == 0;
        break;
      case Op::kNe:
        holds = *order != 0;
        break;
      case Op::kLt:
        holds = *order < 0;
        break;
      case Op::kLe:
        holds = *order <= 0;
        break;
      case Op::kGt:
        holds = *order > 0;
        break;
      case Op::kGe:
        holds = *order >= 0;
        break;
      default:
        break;
    }
    if (!holds) return false;
  }
  return true;
}

}  // namespace chatcart::dialogue
