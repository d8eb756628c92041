// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Decimal: an exact non-negative decimal number as an int64 mantissa and a
// scale (value = mantissa / 10^scale), for amounts the shopper typed
// ("19,99", "1.5k", "1,500.50"). Never floating point: the entity parsers
// turn these into Money or integers exactly, or not at all.
//
//   std::optional<Decimal> d = ParseDigits("1.500", Separators::kCommaDecimal);  // 1500
//   ParseDigits("19,99", Separators::kCommaDecimal)   // 1999 / 10^2
//   d->Times(1000)                                     // "1.5k" -> 1500
//
// Value type; all functions are thread-safe.

#ifndef CHATCART_ENTITIES_DECIMAL_H_
#define CHATCART_ENTITIES_DECIMAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chatcart::entities {

struct Decimal {
  int64_t mantissa = 0;
  int scale = 0;  // 0..18

  // The same value with trailing zero decimals removed (1.50 -> 1.5).
  Decimal Normalized() const;
  // The value when it is a whole number, else nullopt.
  std::optional<int64_t> Integer() const;
  // The value times `factor`, or nullopt on int64 overflow.
  std::optional<Decimal> Times(int64_t factor) const;
  // The value divided by 10^digits (cents to units), or nullopt past scale 18.
  std::optional<Decimal> Shifted(int digits) const;
  // The value in units of 10^-exponent ("1.5" at exponent 2 is 150), or
  // nullopt when it has more decimals than `exponent` or overflows.
  std::optional<int64_t> ToMinorUnits(int exponent) const;
  // "1500", "19.99", "9.5": plain decimal with '.'.
  std::string ToString() const;

  friend bool operator==(const Decimal& a, const Decimal& b) {
    const Decimal x = a.Normalized(), y = b.Normalized();
    return x.mantissa == y.mantissa && x.scale == y.scale;
  }
};

// How a language writes decimals when a number could be read either way.
enum class Separators {
  kDotDecimal,    // English: "1,500" is 1500, "1.500" is 1.5
  kCommaDecimal,  // Italian, French: "1.500" is 1500, "1,500" is 1.5
};

// Parses ASCII digits with '.' and ',' between digits (the tokenizer's
// number tokens). Rules, in order:
//   - both separators: the last kind is the decimal point, the other groups
//     thousands ("1,500.50", "1.500,50");
//   - one kind, several times: grouping, every group three digits
//     ("1,000,000");
//   - one kind, once, followed by other than three digits: decimal point
//     ("19,99", "1.5", "9,5");
//   - one kind, once, followed by three digits: `separators` decides
//     ("1,500" is 1500 in English and 1.5 in Italian).
// Returns nullopt for anything else (a letter, a bad grouping "1,50,0", a
// value that overflows int64, more than 18 decimals).
std::optional<Decimal> ParseDigits(std::string_view digits, Separators separators);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_DECIMAL_H_
