// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/decimal.h"

#include <optional>
#include <string>

#include "gtest/gtest.h"

namespace chatcart::entities {
namespace {

struct DigitsCase {
  const char* digits;
  Separators seps;
  const char* expected;  // Decimal::ToString(), or nullptr: rejected
};

void PrintTo(const DigitsCase& c, std::ostream* os) {
  *os << '"' << c.digits << "\" "
      << (c.seps == Separators::kDotDecimal ? "dot-decimal" : "comma-decimal");
}

class ParseDigitsTest : public ::testing::TestWithParam<DigitsCase> {};

TEST_P(ParseDigitsTest, ReadsTheNumberTheLanguageMeans) {
  const DigitsCase& c = GetParam();
  std::optional<Decimal> d = ParseDigits(c.digits, c.seps);
  if (c.expected == nullptr) {
    EXPECT_FALSE(d.has_value()) << d->ToString();
  } else {
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->ToString(), c.expected);
  }
}

constexpr Separators kDot = Separators::kDotDecimal;
constexpr Separators kComma = Separators::kCommaDecimal;

INSTANTIATE_TEST_SUITE_P(
    Decimal, ParseDigitsTest,
    ::testing::Values(
        DigitsCase{"300", kDot, "300"}, DigitsCase{"0", kDot, "0"}, DigitsCase{"007", kDot, "7"},
        DigitsCase{"1,500", kDot, "1500"}, DigitsCase{"1,500", kComma, "1.5"},
        DigitsCase{"1.500", kDot, "1.5"}, DigitsCase{"1.500", kComma, "1500"},
        DigitsCase{"19,99", kComma, "19.99"}, DigitsCase{"19,99", kDot, "19.99"},
        DigitsCase{"19.99", kComma, "19.99"}, DigitsCase{"1.5", kDot, "1.5"},
        DigitsCase{"0.05", kDot, "0.05"}, DigitsCase{"1,000,000", kDot, "1000000"},
        DigitsCase{"1.000.000", kComma, "1000000"}, DigitsCase{"1,500.50", kDot, "1500.5"},
        DigitsCase{"1.500,50", kComma, "1500.5"}, DigitsCase{"1.500,50", kDot, "1500.5"},
        DigitsCase{"12,5", kDot, "12.5"}, DigitsCase{"1,50,0", kDot, nullptr},
        DigitsCase{"1,5,0", kComma, nullptr}, DigitsCase{"1.2.3", kDot, nullptr},
        DigitsCase{"1,500.50.1", kDot, nullptr}, DigitsCase{"12a", kDot, nullptr},
        DigitsCase{"", kDot, nullptr}, DigitsCase{"12345678901234567890", kDot, nullptr},
        DigitsCase{"1234567890123456789", kDot, "1234567890123456789"},
        DigitsCase{"123456789012345678", kDot, "123456789012345678"}));

TEST(Decimal, ConvertsToMinorUnitsExactlyOrNotAtAll) {
  EXPECT_EQ(Decimal({15, 1}).ToMinorUnits(2), 150);
  EXPECT_EQ(Decimal({1999, 2}).ToMinorUnits(2), 1999);
  EXPECT_EQ(Decimal({1500, 0}).ToMinorUnits(0), 1500);
  EXPECT_EQ(Decimal({1234, 3}).ToMinorUnits(2), std::nullopt);  // 1.234 USD
  EXPECT_EQ(Decimal({1230, 3}).ToMinorUnits(2), 123);           // trailing zero
  EXPECT_EQ(Decimal({INT64_MAX, 0}).ToMinorUnits(2), std::nullopt);
}

TEST(Decimal, MultipliesAndShiftsExactly) {
  EXPECT_EQ(Decimal({15, 1}).Times(1000)->ToString(), "1500");  // 1.5k
  EXPECT_EQ(Decimal({99, 0}).Shifted(2)->ToString(), "0.99");   // 99 cents
  EXPECT_EQ(Decimal({INT64_MAX / 2, 0}).Times(1000), std::nullopt);
  EXPECT_EQ(Decimal({5, 1}).Integer(), std::nullopt);
  EXPECT_EQ(Decimal({50, 1}).Integer(), 5);
  EXPECT_EQ(Decimal({5, 3}).ToString(), "0.005");
}

}  // namespace
}  // namespace chatcart::entities
