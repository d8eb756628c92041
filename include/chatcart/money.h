// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Money: an exact amount of one currency, as int64 minor units plus an ISO 4217
// code. Never floating point. The number of minor units per major unit comes
// from ICU's currency data (JPY 0 decimals, EUR 2, KWD 3), not from a table of
// ours.
//
//   absl::StatusOr<Money> price = Money::Parse("34.8", "USD");   // 3480 cents
//   Money::Parse("1.234", "USD");   // INVALID_ARGUMENT: no silent rounding
//   absl::StatusOr<Money> sum = price->Plus(*Money::Parse("1", "USD"));
//   price->Plus(*Money::Parse("1", "EUR"));  // INVALID_ARGUMENT: USD vs EUR
//   *price->Format("it-IT")   // "34,80 USD"; Format("en-US") -> "$34.80"
//
// Money is a small value type (16 bytes), trivially copyable. All functions are
// thread-safe.

#ifndef CHATCART_MONEY_H_
#define CHATCART_MONEY_H_

#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace chatcart {

namespace v1 {
class Money;
}  // namespace v1

// How an inexact division is rounded to minor units. Values are persisted
// (bundles, snapshots): never renumber.
enum class RoundingMode : int {
  kHalfEven = 0,  // banker's rounding: 0.5 -> 0, 1.5 -> 2, 2.5 -> 2
  kHalfUp = 1,    // half away from zero: 0.5 -> 1, -0.5 -> -1
  kDown = 2,      // toward zero: 1.9 -> 1, -1.9 -> -1
};

class Money {
 public:
  // Zero with no currency. Arithmetic on it fails; use Zero(currency) instead.
  constexpr Money() = default;

  // Returns `minor_units` of `currency`, or INVALID_ARGUMENT when `currency` is
  // not an ISO 4217 code ICU knows (upper case, three letters).
  static absl::StatusOr<Money> FromMinorUnits(int64_t minor_units, std::string_view currency);

  // Returns zero of `currency`; errors as FromMinorUnits.
  static absl::StatusOr<Money> Zero(std::string_view currency);

  // Parses a plain decimal string exactly: optional sign, digits, optional '.'
  // and digits ("34.8", "-5", "1234.50", ".5"). More significant decimals than
  // the currency has ("1.234" USD) is INVALID_ARGUMENT, never a rounding;
  // trailing zeros are fine ("1.230" USD). No grouping separators, no
  // exponents, no currency symbols (the entity parser handles those). Values
  // that overflow int64 minor units are OUT_OF_RANGE.
  static absl::StatusOr<Money> Parse(std::string_view decimal, std::string_view currency);

  int64_t minor_units() const { return minor_units_; }
  // The same currency with another amount. Cheap (no currency lookup); the
  // way to build many amounts of one currency in a hot loop.
  Money WithMinorUnits(int64_t minor_units) const {
    // Field by field: copying *this whole and then overwriting the amount
    // makes the compiler reload 16 bytes right after an 8-byte store, a
    // store-forwarding stall that dominated pricing loops.
    Money money;
    money.minor_units_ = minor_units;
    money.code_[0] = code_[0];
    money.code_[1] = code_[1];
    money.code_[2] = code_[2];
    money.exponent_ = exponent_;
    return money;
  }
  // The ISO 4217 code, or "" for a default-constructed Money.
  std::string_view currency() const { return std::string_view(code_, code_[0] == '\0' ? 0 : 3); }
  // Decimal places of the currency's minor unit (2 for USD).
  int exponent() const { return exponent_; }
  bool has_currency() const { return code_[0] != '\0'; }
  bool is_zero() const { return minor_units_ == 0; }
  bool is_negative() const { return minor_units_ < 0; }

  // Checked arithmetic. A different currency is INVALID_ARGUMENT naming both
  // codes; int64 overflow is OUT_OF_RANGE.
  absl::StatusOr<Money> Plus(const Money& other) const;
  absl::StatusOr<Money> Minus(const Money& other) const;
  absl::StatusOr<Money> Times(int64_t factor) const;
  absl::StatusOr<Money> Negated() const;

  // Returns this * numerator / denominator, rounded to minor units by `mode`,
  // computed exactly in 128-bit integers (a 19 % tax is Times(19, 100)).
  // REQUIRES: denominator != 0 (else INVALID_ARGUMENT).
  absl::StatusOr<Money> TimesRatio(int64_t numerator, int64_t denominator, RoundingMode mode) const;

  // Three-way comparison of amounts; INVALID_ARGUMENT across currencies.
  absl::StatusOr<std::strong_ordering> Compare(const Money& other) const;

  // The exact decimal amount with the currency's decimals: "34.80", "-5",
  // "1.250" (KWD). No currency code.
  std::string ToDecimalString() const;

  // "34.80 USD": for logs, errors and tests.
  std::string ToString() const;

  // Formats for people with ICU's currency format for `locale` (a BCP 47 tag:
  // "en-US" -> "$1,234.56", "it-IT" -> "1.234,56 €", "fr-FR" -> "1 234,56 €"
  // with a narrow no-break space). INVALID_ARGUMENT for an ill-formed tag.
  // Each thread remembers its recent results (256), so formatting the same
  // amounts again, as a conversation does, skips ICU.
  absl::StatusOr<std::string> Format(std::string_view locale) const;

  // Same currency and amount.
  friend bool operator==(const Money& a, const Money& b) {
    return a.minor_units_ == b.minor_units_ && a.code_[0] == b.code_[0] &&
           a.code_[1] == b.code_[1] && a.code_[2] == b.code_[2];
  }

 private:
  absl::StatusOr<std::string> FormatWithIcu(std::string_view locale) const;
  int64_t minor_units_ = 0;
  char code_[3] = {'\0', '\0', '\0'};
  int8_t exponent_ = 0;
};

// The number of decimal places of `currency`'s minor unit, from ICU (JPY 0,
// USD 2, KWD 3), or INVALID_ARGUMENT for a code ICU does not know.
absl::StatusOr<int> CurrencyExponent(std::string_view currency);

// Splits `total` into parts proportional to `weights` that add up to exactly
// `total`, by the largest remainder method: each part is its exact share
// rounded toward zero, and the units left over go one each to the parts with
// the largest remainders (ties: the earlier index). A cart-level discount of
// 10.00 over lines weighted 1:1:1 gives 3.34, 3.33, 3.33.
// INVALID_ARGUMENT for a negative weight, all weights zero, or no weights;
// OUT_OF_RANGE when the weights' sum overflows int64.
absl::StatusOr<std::vector<Money>> Allocate(const Money& total, std::span<const int64_t> weights);

// Allocate() on minor units into `parts` (REQUIRES: parts.size() ==
// weights.size()), without allocating memory for up to 64 weights.
absl::Status AllocateMinorUnits(int64_t total, std::span<const int64_t> weights,
                                std::span<int64_t> parts);

// Protobuf conversions (chatcart/v1/money.proto).
void MoneyToProto(const Money& money, v1::Money* proto);
absl::StatusOr<Money> MoneyFromProto(const v1::Money& proto);

}  // namespace chatcart

#endif  // CHATCART_MONEY_H_
