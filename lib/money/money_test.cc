// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "chatcart/money.h"

#include <cstdint>
#include <limits>
#include <string>

#include "chatcart/v1/money.pb.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::IsOkAndHolds;
using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;

Money M(std::string_view amount, std::string_view currency) {
  absl::StatusOr<Money> m = Money::Parse(amount, currency);
  EXPECT_OK(m);
  return m.value_or(Money());
}

TEST(CurrencyExponent, ComesFromIcu) {
  EXPECT_THAT(CurrencyExponent("JPY"), IsOkAndHolds(0));
  EXPECT_THAT(CurrencyExponent("USD"), IsOkAndHolds(2));
  EXPECT_THAT(CurrencyExponent("EUR"), IsOkAndHolds(2));
  EXPECT_THAT(CurrencyExponent("KWD"), IsOkAndHolds(3));
  EXPECT_THAT(CurrencyExponent("INR"), IsOkAndHolds(2));
}

TEST(CurrencyExponent, RejectsCodesThatAreNotIso4217) {
  EXPECT_THAT(CurrencyExponent("usd"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("three upper-case")));
  EXPECT_THAT(CurrencyExponent("US"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CurrencyExponent("QQQ"), StatusIs(absl::StatusCode::kInvalidArgument,
                                                HasSubstr("unknown currency code \"QQQ\"")));
  // Asking twice gives the cached answer, not a different one.
  EXPECT_THAT(CurrencyExponent("QQQ"), StatusIs(absl::StatusCode::kInvalidArgument));
}

struct ParseCase {
  const char* text;
  const char* currency;
  int64_t minor;
};

void PrintTo(const ParseCase& c, std::ostream* os) { *os << '"' << c.text << "\" " << c.currency; }

class ParseExactly : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ParseExactly, GivesTheExactMinorUnits) {
  const ParseCase& c = GetParam();
  absl::StatusOr<Money> m = Money::Parse(c.text, c.currency);
  ASSERT_OK(m);
  EXPECT_EQ(m->minor_units(), c.minor) << c.text;
  EXPECT_EQ(m->currency(), c.currency);
}

INSTANTIATE_TEST_SUITE_P(
    Money, ParseExactly,
    ::testing::Values(ParseCase{"34.8", "USD", 3480}, ParseCase{"34.80", "USD", 3480},
                      ParseCase{"99", "USD", 9900}, ParseCase{"0.01", "USD", 1},
                      ParseCase{".5", "USD", 50}, ParseCase{"5.", "USD", 500},
                      ParseCase{"-5.25", "EUR", -525}, ParseCase{"+7", "EUR", 700},
                      ParseCase{"1.230", "USD", 123}, ParseCase{"1500", "JPY", 1500},
                      ParseCase{"1500.0", "JPY", 1500}, ParseCase{"1.234", "KWD", 1234},
                      ParseCase{"24100.00", "USD", 2410000},
                      ParseCase{"92233720368547758.07", "USD", std::numeric_limits<int64_t>::max()},
                      ParseCase{"-92233720368547758.08", "USD",
                                std::numeric_limits<int64_t>::min()}));

TEST(MoneyParse, RefusesToRoundExtraDecimals) {
  EXPECT_THAT(Money::Parse("1.234", "USD"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("\"1.234\" USD: more decimal places than USD has (2)")));
  EXPECT_THAT(Money::Parse("5.5", "JPY"), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(MoneyParse, RejectsWhatIsNotAPlainDecimal) {
  for (const char* bad :
       {"", "-", ".", "1,234.56", "$5", "5 ", " 5", "1e3", "1.2.3", "--1", "abc"}) {
    EXPECT_THAT(Money::Parse(bad, "USD"),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("plain decimal")))
        << "\"" << bad << "\"";
  }
}

TEST(MoneyParse, ReportsOverflowAsOutOfRange) {
  EXPECT_THAT(Money::Parse("92233720368547758.08", "USD"),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("int64")));
  EXPECT_THAT(Money::Parse("99999999999999999999999999", "JPY"),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(MoneyParse, RejectsUnknownCurrencies) {
  EXPECT_THAT(Money::Parse("1", "XYZ"), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(MoneyArithmetic, AddsAndSubtractsInOneCurrency) {
  EXPECT_THAT(M("1.10", "USD").Plus(M("2.25", "USD")), IsOkAndHolds(M("3.35", "USD")));
  EXPECT_THAT(M("1.10", "USD").Minus(M("2.25", "USD")), IsOkAndHolds(M("-1.15", "USD")));
  EXPECT_THAT(M("1.10", "USD").Times(3), IsOkAndHolds(M("3.30", "USD")));
  EXPECT_THAT(M("1.10", "USD").Negated(), IsOkAndHolds(M("-1.10", "USD")));
}

TEST(MoneyArithmetic, FailsAcrossCurrenciesNamingBoth) {
  EXPECT_THAT(M("1", "USD").Plus(M("1", "EUR")),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("USD and EUR")));
  EXPECT_THAT(M("1", "USD").Compare(M("1", "EUR")), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Money().Plus(M("1", "EUR")),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("without a currency")));
}

TEST(MoneyArithmetic, ChecksOverflow) {
  absl::StatusOr<Money> max = Money::FromMinorUnits(std::numeric_limits<int64_t>::max(), "USD");
  ASSERT_OK(max);
  EXPECT_THAT(max->Plus(M("0.01", "USD")), StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(max->Times(2), StatusIs(absl::StatusCode::kOutOfRange));
  absl::StatusOr<Money> min = Money::FromMinorUnits(std::numeric_limits<int64_t>::min(), "USD");
  ASSERT_OK(min);
  EXPECT_THAT(min->Negated(), StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(min->Minus(M("0.01", "USD")), StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(MoneyTimesRatio, RoundsByTheChosenMode) {
  // commercetools' example: 1.08 * 3 at 19 % is 0.6156 -> 0.62.
  EXPECT_THAT(M("3.24", "EUR").TimesRatio(19, 100, RoundingMode::kHalfEven),
              IsOkAndHolds(M("0.62", "EUR")));
  // Exact halves: 0.25 and 0.35 of a cent.
  const Money quarter = M("0.05", "USD");  // 5 cents * 1/2 = 2.5 cents
  EXPECT_THAT(quarter.TimesRatio(1, 2, RoundingMode::kHalfEven), IsOkAndHolds(M("0.02", "USD")));
  EXPECT_THAT(quarter.TimesRatio(1, 2, RoundingMode::kHalfUp), IsOkAndHolds(M("0.03", "USD")));
  EXPECT_THAT(quarter.TimesRatio(1, 2, RoundingMode::kDown), IsOkAndHolds(M("0.02", "USD")));
  const Money seven = M("0.07", "USD");  // 3.5 cents
  EXPECT_THAT(seven.TimesRatio(1, 2, RoundingMode::kHalfEven), IsOkAndHolds(M("0.04", "USD")));
  // Negative amounts round symmetrically.
  EXPECT_THAT(M("-0.05", "USD").TimesRatio(1, 2, RoundingMode::kHalfUp),
              IsOkAndHolds(M("-0.03", "USD")));
  EXPECT_THAT(M("-0.05", "USD").TimesRatio(1, -2, RoundingMode::kHalfUp),
              IsOkAndHolds(M("0.03", "USD")));
  EXPECT_THAT(M("-0.19", "USD").TimesRatio(1, 10, RoundingMode::kDown),
              IsOkAndHolds(M("-0.01", "USD")));
  EXPECT_THAT(M("1", "USD").TimesRatio(1, 0, RoundingMode::kDown),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(MoneyTimesRatio, IsExactBeyondInt64Intermediates) {
  absl::StatusOr<Money> big = Money::FromMinorUnits(4'000'000'000'000'000'000, "USD");
  ASSERT_OK(big);
  EXPECT_THAT(big->TimesRatio(3, 4, RoundingMode::kDown),
              IsOkAndHolds(*Money::FromMinorUnits(3'000'000'000'000'000'000, "USD")));
  EXPECT_THAT(big->TimesRatio(3, 1, RoundingMode::kDown), StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(MoneyText, PrintsTheExactDecimal) {
  EXPECT_EQ(M("34.8", "USD").ToDecimalString(), "34.80");
  EXPECT_EQ(M("-0.05", "USD").ToDecimalString(), "-0.05");
  EXPECT_EQ(M("1500", "JPY").ToDecimalString(), "1500");
  EXPECT_EQ(M("1.25", "KWD").ToString(), "1.250 KWD");
  EXPECT_EQ(Money::FromMinorUnits(std::numeric_limits<int64_t>::min(), "USD")->ToDecimalString(),
            "-92233720368547758.08");
}

TEST(MoneyFormat, UsesIcuLocaleConventions) {
  EXPECT_THAT(M("1234.56", "USD").Format("en-US"), IsOkAndHolds("$1,234.56"));
  EXPECT_THAT(M("1234.56", "EUR").Format("it-IT"), IsOkAndHolds("1.234,56\u00a0€"));
  EXPECT_THAT(M("1234.56", "EUR").Format("fr-FR"), IsOkAndHolds("1\u202f234,56\u00a0€"));
  EXPECT_THAT(M("1500", "JPY").Format("en-US"), IsOkAndHolds("¥1,500"));
  EXPECT_THAT(M("-3.5", "USD").Format("en-US"), IsOkAndHolds("-$3.50"));
}

TEST(MoneyFormat, RememberedResultsAreExactlyIcus) {
  // Many amounts, currencies and locales, so that the per-thread memory of
  // results is filled and overwritten: every answer stays the right one.
  const std::pair<const char*, const char*> kinds[] = {
      {"USD", "en-US"}, {"EUR", "it-IT"}, {"EUR", "fr-FR"}, {"JPY", "en-US"}, {"EUR", "en-US"}};
  std::vector<std::string> first;
  for (int pass = 0; pass < 2; ++pass) {
    size_t i = 0;
    for (int64_t units = -50; units < 400; units += 7) {
      for (const auto& [currency, locale] : kinds) {
        absl::StatusOr<std::string> text =
            Money::FromMinorUnits(units, currency)->Format(locale);
        ASSERT_OK(text);
        if (pass == 0) first.push_back(*text);
        else EXPECT_EQ(*text, first[i]) << units << " " << currency << " " << locale;
        ++i;
      }
    }
  }
  EXPECT_THAT(M("1234.56", "EUR").Format("it-IT"), IsOkAndHolds("1.234,56\u00a0€"));
  EXPECT_THAT(M("1234.56", "EUR").Format("fr-FR"), IsOkAndHolds("1\u202f234,56\u00a0€"));
  EXPECT_THAT(M("1234.56", "USD").Format("en-US"), IsOkAndHolds("$1,234.56"));
  EXPECT_THAT(M("-3.5", "USD").Format("en-US"), IsOkAndHolds("-$3.50"));
}

TEST(MoneyFormat, RejectsIllFormedLocales) {
  EXPECT_THAT(M("1", "USD").Format("not a locale!"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("locale")));
  EXPECT_THAT(Money().Format("en-US"), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(MoneyProto, RoundTrips) {
  v1::Money proto;
  MoneyToProto(M("12.34", "EUR"), &proto);
  EXPECT_EQ(proto.minor_units(), 1234);
  EXPECT_EQ(proto.currency(), "EUR");
  EXPECT_THAT(MoneyFromProto(proto), IsOkAndHolds(M("12.34", "EUR")));
  proto.set_currency("eur");
  EXPECT_THAT(MoneyFromProto(proto), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(Money, IsASmallValueType) {
  static_assert(sizeof(Money) == 16);
  static_assert(std::is_trivially_copyable_v<Money>);
  EXPECT_FALSE(Money().has_currency());
  EXPECT_EQ(Money().currency(), "");
}

}  // namespace
}  // namespace chatcart
