// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/condition.h"

#include <compare>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
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
    condition.clauses_.push_back(std::move(clause));
    if (lexer.AtEnd()) break;
    if (lexer.Word() != "and") return lexer.Error("expected \"and\" between clauses");
  }
  return condition;
}

bool Condition::Evaluate(const ConditionScope& scope) const {
  for (const Clause& clause : clauses_) {
    std::optional<ConditionValue> value = scope.Lookup(clause.operand);
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
