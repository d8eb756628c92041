// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/decimal.h"

#include <limits>

namespace chatcart::entities {
namespace {

constexpr int kMaxScale = 18;

bool MulOverflows(int64_t a, int64_t b, int64_t* out) { return __builtin_mul_overflow(a, b, out); }

std::optional<int64_t> Pow10(int n) {
  if (n < 0 || n > kMaxScale) return std::nullopt;
  int64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Decimal Decimal::Normalized() const {
  Decimal d = *this;
  while (d.scale > 0 && d.mantissa % 10 == 0) {
    d.mantissa /= 10;
    --d.scale;
  }
  return d;
}

std::optional<int64_t> Decimal::Integer() const {
  const Decimal d = Normalized();
  if (d.scale != 0) return std::nullopt;
  return d.mantissa;
}

std::optional<Decimal> Decimal::Times(int64_t factor) const {
  Decimal d = *this;
  if (MulOverflows(mantissa, factor, &d.mantissa)) return std::nullopt;
  return d.Normalized();
}

std::optional<Decimal> Decimal::Shifted(int digits) const {
  Decimal d = Normalized();
  if (d.scale + digits > kMaxScale) return std::nullopt;
  d.scale += digits;
  return d;
}

std::optional<int64_t> Decimal::ToMinorUnits(int exponent) const {
  const Decimal d = Normalized();
  if (d.scale > exponent) return std::nullopt;
  std::optional<int64_t> factor = Pow10(exponent - d.scale);
  int64_t out = 0;
  if (!factor.has_value() || MulOverflows(d.mantissa, *factor, &out)) return std::nullopt;
  return out;
}

std::string Decimal::ToString() const {
  const Decimal d = Normalized();
  std::string digits = std::to_string(d.mantissa);
  if (d.scale == 0) return digits;
  if (static_cast<int>(digits.size()) <= d.scale) {
    digits.insert(0, static_cast<size_t>(d.scale) + 1 - digits.size(), '0');
  }
  digits.insert(digits.size() - static_cast<size_t>(d.scale), 1, '.');
  return digits;
}

std::optional<Decimal> ParseDigits(std::string_view digits, Separators separators) {
  if (digits.empty() || !IsDigit(digits.front()) || !IsDigit(digits.back())) return std::nullopt;
  int dots = 0, commas = 0;
  size_t last_dot = 0, last_comma = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    const char c = digits[i];
    if (c == '.') {
      ++dots;
      last_dot = i;
    } else if (c == ',') {
      ++commas;
      last_comma = i;
    } else if (!IsDigit(c)) {
      return std::nullopt;
    }
  }
  // Decide which separator, if any, is the decimal point.
  char decimal = 0;
  if (dots > 0 && commas > 0) {
    decimal = last_dot > last_comma ? '.' : ',';
    if ((decimal == '.' ? dots : commas) != 1) return std::nullopt;
  } else if (dots + commas == 1) {
    const char sep = dots == 1 ? '.' : ',';
    const size_t at = dots == 1 ? last_dot : last_comma;
    const size_t after = digits.size() - at - 1;
    if (after != 3) {
      decimal = sep;
    } else {
      const char language_decimal = separators == Separators::kDotDecimal ? '.' : ',';
      decimal = sep == language_decimal ? sep : 0;
    }
  }
  const char group = decimal == '.' ? ',' : (decimal == ',' ? '.' : (dots > 0 ? '.' : ','));
  // Validate groups: every group separator is followed by exactly three
  // digits before the next separator or the end; the first group has 1-3.
  Decimal out;
  bool after_point = false;
  int run = 0;  // digits since the last separator
  bool grouped = false;
  for (size_t i = 0; i < digits.size(); ++i) {
    const char c = digits[i];
    if (c == group && !after_point) {
      if ((!grouped && (run < 1 || run > 3)) || (grouped && run != 3)) return std::nullopt;
      grouped = true;
      run = 0;
      continue;
    }
    if (c == decimal) {
      if (grouped && run != 3) return std::nullopt;
      after_point = true;
      run = 0;
      continue;
    }
    if (c == group || c == decimal) return std::nullopt;
    if (out.mantissa == 0 && c == '0' && !after_point) {
      ++run;
      continue;  // leading zeros add nothing
    }
    if (MulOverflows(out.mantissa, 10, &out.mantissa)) return std::nullopt;
    out.mantissa += c - '0';
    if (after_point) {
      if (++out.scale > kMaxScale) return std::nullopt;
    }
    ++run;
  }
  if (grouped && !after_point && run != 3) return std::nullopt;
  return out;
}

}  // namespace chatcart::entities
