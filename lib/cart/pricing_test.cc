// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Totals: tax per line and per unit, prices with and without tax, rounding
// modes, discounts and their allocation, shipping. Also policy validation.

#include "cart/pricing.h"

#include <numeric>
#include <string>

#include "cart/cart_testing.h"
#include "chatcart/cart.h"
#include "common/testing/status_matchers.h"
#include "common/utf8_scrub.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Eur;
using ::chatcart::testing::IsOkAndHolds;
using ::chatcart::testing::PolicyFromJson;
using ::chatcart::testing::StatusIs;
using ::chatcart::testing::Usd;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// Prices `lines` (quantity, unit price in minor units, category) under
// `policy_json` with `codes` applied.
CartTotals Price(std::string_view policy_json, std::vector<CartLine> lines,
                 std::vector<std::string> codes = {}, std::string shipping = "",
                 std::string region = "") {
  std::shared_ptr<const CartPolicy> policy = PolicyFromJson(policy_json);
  CartTotals totals;
  if (policy == nullptr) return totals;
  for (size_t i = 0; i < lines.size(); ++i) lines[i].line_id = static_cast<uint32_t>(i + 1);
  absl::Status status =
      cart_internal::ComputeTotals(policy->compiled(), {lines, codes, shipping, region}, &totals);
  EXPECT_OK(status);
  return totals;
}

CartLine L(int64_t quantity, int64_t unit_price, std::string category = "",
           std::string product_id = "p") {
  return CartLine{0, std::move(product_id), "", quantity, unit_price, "", std::move(category)};
}

// Totals add up: the invariant every test checks on top of its numbers.
void ExpectConsistent(const CartTotals& t) {
  int64_t amount = 0, discount = 0, tax = 0, total = 0;
  for (const LineTotals& l : t.lines) {
    amount += l.amount.minor_units();
    discount += l.discount.minor_units();
    tax += l.tax.minor_units();
    total += l.total.minor_units();
  }
  int64_t codes = 0;
  for (const DiscountTotals& d : t.discounts) codes += d.amount.minor_units();
  EXPECT_EQ(amount, t.subtotal.minor_units());
  EXPECT_EQ(discount, t.discount.minor_units());
  EXPECT_EQ(codes, t.discount.minor_units());
  EXPECT_EQ(tax, t.tax.minor_units());
  EXPECT_EQ(total + t.shipping.minor_units(), t.grand_total.minor_units());
}

constexpr std::string_view kEur19PerLine =
    R"({"currency": "EUR", "tax": {"rates": [{"percent": "19"}]}})";
constexpr std::string_view kEur19PerUnit =
    R"({"currency": "EUR", "tax": {"calculation": "PER_UNIT", "rates": [{"percent": "19"}]}})";

TEST(Pricing, TaxPerLineAndPerUnitFollowCommercetoolsExample) {
  // 1.08 x 3 at 19 %: 0.6156 rounds to 0.62 per line; 0.2052 -> 0.21 per
  // unit, x 3 = 0.63.
  CartTotals line = Price(kEur19PerLine, {L(3, 108)});
  EXPECT_EQ(line.tax, Eur("0.62"));
  EXPECT_EQ(line.grand_total, Eur("3.86"));
  ExpectConsistent(line);
  CartTotals unit = Price(kEur19PerUnit, {L(3, 108)});
  EXPECT_EQ(unit.tax, Eur("0.63"));
  EXPECT_EQ(unit.grand_total, Eur("3.87"));
  ExpectConsistent(unit);
}

TEST(Pricing, TaxIncludedPricesContainTheirTax) {
  // 119.00 gross at 19 % contains 19.00; the grand total is the gross.
  CartTotals t = Price(
      R"({"currency": "EUR", "tax": {"prices_include_tax": true, "rates": [{"percent": "19"}]}})",
      {L(1, 11900), L(3, 108)});
  EXPECT_TRUE(t.prices_include_tax);
  EXPECT_EQ(t.lines[0].tax, Eur("19.00"));
  // 3.24 gross contains 3.24 * 19 / 119 = 0.5173 -> 0.52.
  EXPECT_EQ(t.lines[1].tax, Eur("0.52"));
  EXPECT_EQ(t.grand_total, Eur("122.24"));
  ExpectConsistent(t);
}

struct RoundingCase {
  const char* rounding;
  int64_t tax;  // of 0.25 at 10 % (2.5 cents) and of 0.35 at 10 % (3.5 cents)
  int64_t tax2;
};

class PricingRounding : public ::testing::TestWithParam<RoundingCase> {};

TEST_P(PricingRounding, FollowsThePolicysMode) {
  const std::string policy = std::string(R"({"currency": "USD", "rounding": ")") +
                             GetParam().rounding + R"(", "tax": {"rates": [{"percent": "10"}]}})";
  EXPECT_EQ(Price(policy, {L(1, 25)}).tax.minor_units(), GetParam().tax);
  EXPECT_EQ(Price(policy, {L(1, 35)}).tax.minor_units(), GetParam().tax2);
}

INSTANTIATE_TEST_SUITE_P(Pricing, PricingRounding,
                         ::testing::Values(RoundingCase{"HALF_EVEN", 2, 4},
                                           RoundingCase{"HALF_UP", 3, 4},
                                           RoundingCase{"DOWN", 2, 3}));

TEST(Pricing, TaxRatesResolveFromTheMostSpecificMatch) {
  constexpr std::string_view policy = R"({"currency": "USD", "tax": {"rates": [
      {"percent": "5"}, {"category": "food", "percent": "1"},
      {"region": "R", "percent": "20"}, {"region": "R", "category": "food", "percent": "10"}]}})";
  std::vector<CartLine> lines = {L(1, 10000, "food"), L(1, 10000, "toys")};
  CartTotals r = Price(policy, lines, {}, "", "R");
  EXPECT_EQ(r.lines[0].tax, Usd("10.00"));
  EXPECT_EQ(r.lines[1].tax, Usd("20.00"));
  CartTotals other = Price(policy, lines, {}, "", "Q");
  EXPECT_EQ(other.lines[0].tax, Usd("1.00"));
  EXPECT_EQ(other.lines[1].tax, Usd("5.00"));
  CartTotals none = Price(R"({"currency": "USD"})", lines);
  EXPECT_EQ(none.tax, Usd("0"));
}

TEST(Pricing, ACartLevelDiscountIsAllocatedByLargestRemainder) {
  // 10.00 off three equal lines: 3.34 + 3.33 + 3.33.
  CartTotals t = Price(
      R"({"currency": "USD", "discount_codes": [
          {"code": "TEN", "amount": {"minor_units": "1000", "currency": "USD"}}]})",
      {L(1, 2000), L(1, 2000), L(1, 2000)}, {"TEN"});
  EXPECT_EQ(t.discount, Usd("10.00"));
  EXPECT_EQ(t.lines[0].discount, Usd("3.34"));
  EXPECT_EQ(t.lines[1].discount, Usd("3.33"));
  EXPECT_EQ(t.lines[2].discount, Usd("3.33"));
  EXPECT_EQ(t.grand_total, Usd("50.00"));
  ExpectConsistent(t);
}

TEST(Pricing, PercentagesAreTakenOnceOfTheEligibleAmount) {
  // 15 % of 3 x 0.33: per line 0.0495 would round to 0.05 each (0.15); of the
  // whole 0.99 it is 0.1485 -> 0.15, then allocated 0.05 each.
  constexpr std::string_view policy = R"({"currency": "USD", "discount_codes": [
      {"code": "P", "percent": "15"}]})";
  CartTotals t = Price(policy, {L(1, 33), L(1, 33), L(1, 33)}, {"P"});
  EXPECT_EQ(t.discount, Usd("0.15"));
  ExpectConsistent(t);
}

TEST(Pricing, CodesApplyInSortOrderEachToWhatEarlierOnesLeft) {
  constexpr std::string_view policy = R"({"currency": "USD", "discount_codes": [
      {"code": "PCT", "percent": "10", "stackable": true, "sort_order": 2},
      {"code": "FIX", "amount": {"minor_units": "1000", "currency": "USD"},
       "stackable": true, "sort_order": 1}]})";
  // FIX first: 100 - 10 = 90, then 10 % of 90 = 9: 19 off, whatever the order
  // the codes were added in.
  for (std::vector<std::string> codes :
       {std::vector<std::string>{"PCT", "FIX"}, std::vector<std::string>{"FIX", "PCT"}}) {
    CartTotals t = Price(policy, {L(1, 10000)}, codes);
    EXPECT_EQ(t.discount, Usd("19.00"));
    ExpectConsistent(t);
  }
}

TEST(Pricing, CategoryCodesTouchOnlyTheirLines) {
  constexpr std::string_view policy = R"({"currency": "USD", "tax": {"rates": [{"percent": "10"}]},
      "discount_codes": [{"code": "SHIRTS", "percent": "50", "categories": ["apparel"]},
                         {"code": "MUG", "amount": {"minor_units": "100", "currency": "USD"},
                          "product_ids": ["mug"], "stackable": true}]})";
  CartTotals t = Price(policy, {L(2, 1000, "apparel"), L(1, 850, "kitchen", "mug")}, {"SHIRTS"});
  EXPECT_EQ(t.lines[0].discount, Usd("10.00"));
  EXPECT_EQ(t.lines[1].discount, Usd("0"));
  // Tax is on the discounted amount.
  EXPECT_EQ(t.lines[0].tax, Usd("1.00"));
  ExpectConsistent(t);
  CartTotals mug = Price(policy, {L(2, 1000, "apparel"), L(1, 850, "kitchen", "mug")}, {"MUG"});
  EXPECT_EQ(mug.lines[1].discount, Usd("1.00"));
}

TEST(Pricing, CategoriesMatchAlongTheirPaths) {
  // "Toys" covers "Toys > Puzzles" but not "Toyshop" or "Games > Toys"; the
  // deepest category with its own rate wins.
  constexpr std::string_view policy = R"({"currency": "USD", "tax": {"rates": [
      {"percent": "20"}, {"category": "Toys", "percent": "10"},
      {"category": "Toys > Books", "percent": "4"}]},
      "discount_codes": [{"code": "TOYS", "percent": "50", "categories": ["Toys"]}]})";
  CartTotals t = Price(policy,
                       {L(1, 1000, "Toys > Puzzles"), L(1, 1000, "Toys > Books > Picture"),
                        L(1, 1000, "Toyshop"), L(1, 1000, "Games > Toys"), L(1, 1000, "Toys")},
                       {"TOYS"});
  EXPECT_EQ(t.lines[0].discount, Usd("5.00"));
  EXPECT_EQ(t.lines[1].discount, Usd("5.00"));
  EXPECT_EQ(t.lines[2].discount, Usd("0"));
  EXPECT_EQ(t.lines[3].discount, Usd("0"));
  EXPECT_EQ(t.lines[4].discount, Usd("5.00"));
  EXPECT_EQ(t.lines[0].tax, Usd("0.50"));
  EXPECT_EQ(t.lines[1].tax, Usd("0.20"));
  EXPECT_EQ(t.lines[2].tax, Usd("2.00"));
  EXPECT_EQ(t.lines[3].tax, Usd("2.00"));
  ExpectConsistent(t);
}

TEST(Pricing, CodesThatGiveNothingSayWhy) {
  constexpr std::string_view policy = R"({"currency": "USD", "discount_codes": [
      {"code": "MIN", "percent": "10", "stackable": true,
       "min_subtotal": {"minor_units": "5000", "currency": "USD"}},
      {"code": "BOOKS", "percent": "10", "categories": ["books"], "stackable": true}]})";
  CartTotals t = Price(policy, {L(1, 1000)}, {"MIN", "BOOKS", "GONE"});
  ASSERT_EQ(t.discounts.size(), 3u);
  EXPECT_FALSE(t.discounts[0].applied);
  EXPECT_THAT(t.discounts[0].reason, HasSubstr("at least 50.00 USD (the cart has 10.00 USD)"));
  EXPECT_THAT(t.discounts[1].reason, HasSubstr("no item"));
  EXPECT_THAT(t.discounts[2].reason, HasSubstr("no longer offered"));
  EXPECT_EQ(t.discount, Usd("0"));
}

TEST(Pricing, AFixedAmountNeverExceedsWhatIsLeft) {
  CartTotals t = Price(
      R"({"currency": "USD", "discount_codes": [
          {"code": "BIG", "amount": {"minor_units": "100000", "currency": "USD"}}]})",
      {L(1, 1234)}, {"BIG"});
  EXPECT_EQ(t.discount, Usd("12.34"));
  EXPECT_EQ(t.grand_total, Usd("0"));
}

TEST(Pricing, ShippingIsFlatAndFreeAboveItsThreshold) {
  constexpr std::string_view policy = R"({"currency": "USD", "shipping_methods": [
      {"id": "std", "price": {"minor_units": "599", "currency": "USD"},
       "free_above": {"minor_units": "5000", "currency": "USD"}}]})";
  EXPECT_EQ(Price(policy, {L(1, 4999)}, {}, "std").shipping, Usd("5.99"));
  EXPECT_EQ(Price(policy, {L(1, 5000)}, {}, "std").shipping, Usd("0"));
  EXPECT_EQ(Price(policy, {}, {}, "std").shipping, Usd("0"));
  EXPECT_EQ(Price(policy, {L(1, 4999)}, {}, "std").grand_total, Usd("55.98"));
}

TEST(Pricing, OverflowIsOutOfRangeNotAWrongNumber) {
  std::shared_ptr<const CartPolicy> policy = PolicyFromJson(R"({"currency": "USD"})");
  std::vector<CartLine> lines = {L(1'000'000, int64_t{1} << 50)};
  CartTotals totals;
  EXPECT_THAT(cart_internal::ComputeTotals(policy->compiled(), {lines, {}, "", ""}, &totals),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(Pricing, JpyAndKwdUseTheirOwnMinorUnits) {
  CartTotals jpy =
      Price(R"({"currency": "JPY", "tax": {"rates": [{"percent": "10"}]}})", {L(3, 1234)});
  EXPECT_EQ(jpy.tax.ToString(), "370 JPY");  // 370.2
  CartTotals kwd =
      Price(R"({"currency": "KWD", "tax": {"rates": [{"percent": "5"}]}})", {L(1, 1999)});
  EXPECT_EQ(kwd.tax.ToString(), "0.100 KWD");  // 99.95 fils -> 100 (half-even)
}

// --- policy validation -------------------------------------------------------

struct BadPolicy {
  const char* json;
  const char* message;
};

class PolicyValidation : public ::testing::TestWithParam<BadPolicy> {};

TEST_P(PolicyValidation, NamesTheField) {
  EXPECT_THAT(CartPolicy::FromJson(GetParam().json),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(GetParam().message)));
}

INSTANTIATE_TEST_SUITE_P(
    CartPolicy, PolicyValidation,
    ::testing::Values(
        BadPolicy{R"({"currency": "usd"})", "currency"},
        BadPolicy{R"({"currency": "USD", "colour": "red"})", "colour"},
        BadPolicy{R"({"currency": "USD", "tax": {"rates": [{"percent": "19%"}]}})",
                  "tax.rates[0]: percent \"19%\""},
        BadPolicy{R"({"currency": "USD", "tax": {"rates": [{"percent": "101"}]}})",
                  "more than 100"},
        BadPolicy{R"({"currency": "USD", "tax": {"rates": [{"percent": "1"}, {"percent": "2"}]}})",
                  "tax.rates[1]: a second rate"},
        BadPolicy{R"({"currency": "USD", "discount_codes": [{"code": "X"}]})",
                  "discount_codes[0] (\"X\"): needs a percent or an amount"},
        BadPolicy{R"({"currency": "USD", "discount_codes": [{"code": "X", "percent": "0"}]})",
                  "more than 0"},
        BadPolicy{R"({"currency": "USD", "discount_codes": [
                     {"code": "X", "amount": {"minor_units": "5", "currency": "EUR"}}]})",
                  "not in the policy's currency USD"},
        BadPolicy{R"({"currency": "USD", "discount_codes": [{"code": "x", "percent": "1"},
                     {"code": "X", "percent": "2"}]})",
                  "appears twice"},
        BadPolicy{R"({"currency": "USD", "shipping_methods": [{"id": "s"}]})", "needs a price"},
        BadPolicy{R"({"currency": "USD", "idempotency_window": 1000})", "idempotency_window"},
        BadPolicy{R"({"currency": "USD", "guardrails": {
                     "spending_cap": {"minor_units": "-1", "currency": "USD"}}})",
                  "guardrails.spending_cap"}));

TEST(CartPolicy, ParsesPercentagesExactly) {
  using cart_internal::ParsePercent;
  absl::StatusOr<cart_internal::Fraction> f = ParsePercent("8.875", false);
  ASSERT_OK(f);
  EXPECT_EQ(f->num * 100000, 8875 * f->den);  // reduced, same value
  EXPECT_THAT(ParsePercent("1.1234567", false),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("6 decimals")));
  EXPECT_THAT(ParsePercent("", false), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParsePercent("0", true),
              IsOkAndHolds(::testing::Field(&cart_internal::Fraction::num, 0)));
}

// Issue #22: protobuf's JSON parser quotes the input in its complaint (an
// unknown key or a bad value whole, the bytes around a syntax error as they
// are), and FromJson passed it on: a 1 MB key made a 1 MB error, ill-formed
// bytes an error no protobuf string or JSON could hold. It is echoed now.
TEST(CartPolicy, Issue22TheJsonParsersComplaintIsShortAndWellFormed) {
  const std::string big(1 << 20, 'k');
  const std::string inputs[] = {
      R"({"currency": "USD", ")" + big + R"(": 1})",
      R"({"currency": "USD", "idempotency_window": ")" + big + R"("})",
      "{\"currency\": \"US\xff\xfe\"}",
      "{\"currency\": \"USD\", \xc0\xaf" + big,
  };
  for (const std::string& json : inputs) {
    absl::StatusOr<std::shared_ptr<const CartPolicy>> policy = CartPolicy::FromJson(json);
    EXPECT_THAT(policy,
                StatusIs(absl::StatusCode::kInvalidArgument, StartsWith("cart policy JSON: ")))
        << json.substr(0, 40);
    const std::string message(policy.status().message());
    EXPECT_LT(message.size(), 700u) << message.substr(0, 300);
    EXPECT_TRUE(IsWellFormedUtf8(message)) << message;
  }
}

}  // namespace
}  // namespace chatcart
