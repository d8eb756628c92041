// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/condition.h"

#include <map>
#include <string>

#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::dialogue {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;

class MapScope : public ConditionScope {
 public:
  std::map<std::string, ConditionValue, std::less<>> values;
  std::optional<ConditionValue> Lookup(std::string_view operand) const override {
    auto it = values.find(operand);
    if (it == values.end()) return std::nullopt;
    return it->second;
  }
};

MapScope Scope() {
  MapScope scope;
  scope.values["age"] = int64_t{6};
  scope.values["answer"] = std::string("Yes");
  scope.values["cart.lines"] = int64_t{0};
  scope.values["cart.total"] = *Money::Parse("49.90", "EUR");
  scope.values["confirmed"] = true;
  scope.values["phone"] = std::string("windows phone");
  return scope;
}

struct EvalCase {
  const char* condition;
  bool expected;
};
void PrintTo(const EvalCase& c, std::ostream* os) { *os << c.condition; }

class ConditionEval : public ::testing::TestWithParam<EvalCase> {};

TEST_P(ConditionEval, HoldsWhenEveryClauseDoes) {
  absl::StatusOr<Condition> condition = Condition::Compile(GetParam().condition);
  ASSERT_OK(condition);
  EXPECT_EQ(condition->Evaluate(Scope()), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Conditions, ConditionEval,
    ::testing::Values(
        EvalCase{"", true}, EvalCase{"age known", true}, EvalCase{"budget known", false},
        EvalCase{"budget unknown", true}, EvalCase{"age < 3", false}, EvalCase{"age >= 3", true},
        EvalCase{"age == 6", true}, EvalCase{"age != 6", false}, EvalCase{"age > 5.5", true},
        // Unknown operands never satisfy a comparison.
        EvalCase{"budget < 100", false}, EvalCase{"budget != 100", false},
        EvalCase{"answer == yes", true}, EvalCase{"answer == no", false},
        EvalCase{"phone == 'Windows Phone'", true}, EvalCase{"cart.lines > 0", false},
        EvalCase{"cart.lines == 0", true}, EvalCase{"cart.total >= 49.90", true},
        EvalCase{"cart.total > 50", false}, EvalCase{"confirmed == true", true},
        EvalCase{"confirmed == no", false}, EvalCase{"age >= 3 and answer == yes", true},
        EvalCase{"age >= 3 and answer == no", false},
        // A literal that cannot compare (money against a word) is false.
        EvalCase{"cart.total > lots", false}));

TEST(Condition, ReportsSyntaxErrors) {
  EXPECT_THAT(Condition::Compile("age <"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("expected a number")));
  EXPECT_THAT(Condition::Compile("age is 3"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("expected ==")));
  EXPECT_THAT(Condition::Compile("age > 3 or age < 1"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("expected \"and\"")));
  EXPECT_THAT(Condition::Compile("name == 'open"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("unterminated")));
  EXPECT_THAT(Condition::Compile("< 3"), StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace chatcart::dialogue
