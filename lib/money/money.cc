// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "chatcart/money.h"

#include <array>
#include <atomic>
#include <cstdlib>
#include <limits>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "chatcart/v1/money.pb.h"
#include "common/mutex.h"
#include "common/strings.h"
#include "money/divide.h"
#include "unicode/locid.h"
#include "unicode/numberformatter.h"
#include "unicode/ucurr.h"
#include "unicode/unistr.h"
#include "unicode/utypes.h"

namespace chatcart {
namespace {

constexpr int kMaxExponent = 18;  // 10^18 still fits int64

bool IsUpperAlpha3(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// ICU's answers cached per code: 0 = not asked yet, 1 = unknown code,
// 2 + exponent otherwise. Lock-free; a race only asks ICU twice.
std::array<std::atomic<int8_t>, 26 * 26 * 26> exponent_cache;

int LookUpExponentInIcu(std::string_view code) {
  UChar ucode[4] = {static_cast<UChar>(code[0]), static_cast<UChar>(code[1]),
                    static_cast<UChar>(code[2]), 0};
  UErrorCode status = U_ZERO_ERROR;
  UBool known = ucurr_isAvailable(ucode, U_DATE_MIN, U_DATE_MAX, &status);
  if (U_FAILURE(status) || !known) return -1;
  status = U_ZERO_ERROR;
  int32_t digits = ucurr_getDefaultFractionDigits(ucode, &status);
  if (U_FAILURE(status) || digits < 0 || digits > kMaxExponent) return -1;
  return digits;
}

absl::Status CurrencyMismatch(const Money& a, const Money& b) {
  if (!a.has_currency() || !b.has_currency()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "money without a currency in arithmetic: ", a.ToString(), " and ", b.ToString()));
  }
  return absl::InvalidArgumentError(absl::StrCat("currency mismatch: ", ToAbsl(a.currency()),
                                                 " and ", ToAbsl(b.currency()), " (", a.ToString(),
                                                 ", ", b.ToString(), ")"));
}

absl::Status Overflow(std::string_view op, const Money& a) {
  return absl::OutOfRangeError(absl::StrCat("money overflow: ", ToAbsl(op), " on ", a.ToString(),
                                            " exceeds the int64 range of minor units"));
}

// Cache of ICU formatters per "locale|currency". LocalizedNumberFormatter is
// immutable and safe to use from several threads at once.
class FormatterCache {
 public:
  static FormatterCache& Get() {
    static FormatterCache* cache = new FormatterCache();
    return *cache;
  }

  absl::StatusOr<std::shared_ptr<const icu::number::LocalizedNumberFormatter>> Lookup(
      std::string_view locale, std::string_view currency) {
    std::string key = absl::StrCat(ToAbsl(locale), "|", ToAbsl(currency));
    {
      MutexLock lock(&mu_);
      auto it = formatters_.find(key);
      if (it != formatters_.end()) return it->second;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale icu_locale = icu::Locale::forLanguageTag(
        icu::StringPiece(locale.data(), static_cast<int32_t>(locale.size())), status);
    if (U_FAILURE(status) || locale.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("ill-formed locale \"", ToAbsl(locale),
                                                     "\": expected a BCP 47 tag such as en-US"));
    }
    UChar ucode[4] = {static_cast<UChar>(currency[0]), static_cast<UChar>(currency[1]),
                      static_cast<UChar>(currency[2]), 0};
    icu::CurrencyUnit unit(ucode, status);
    if (U_FAILURE(status)) {
      return absl::InvalidArgumentError(
          absl::StrCat("ICU cannot format currency ", ToAbsl(currency)));
    }
    auto formatter = std::make_shared<const icu::number::LocalizedNumberFormatter>(
        icu::number::NumberFormatter::withLocale(icu_locale).unit(unit));
    MutexLock lock(&mu_);
    if (formatters_.size() < kMaxEntries) formatters_.emplace(key, formatter);
    return formatter;
  }

 private:
  static constexpr size_t kMaxEntries = 512;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::shared_ptr<const icu::number::LocalizedNumberFormatter>>
      formatters_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

absl::StatusOr<int> CurrencyExponent(std::string_view currency) {
  if (!IsUpperAlpha3(currency)) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid currency code \"", ToAbsl(currency),
                     "\": expected an ISO 4217 code of three upper-case letters, e.g. USD"));
  }
  size_t index = (currency[0] - 'A') * 676 + (currency[1] - 'A') * 26 + (currency[2] - 'A');
  int8_t cached = exponent_cache[index].load(std::memory_order_relaxed);
  if (cached == 0) {
    int exponent = LookUpExponentInIcu(currency);
    cached = static_cast<int8_t>(exponent < 0 ? 1 : exponent + 2);
    exponent_cache[index].store(cached, std::memory_order_relaxed);
  }
  if (cached == 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown currency code \"", ToAbsl(currency), "\" (not in ISO 4217)"));
  }
  return cached - 2;
}

absl::StatusOr<Money> Money::FromMinorUnits(int64_t minor_units, std::string_view currency) {
  absl::StatusOr<int> exponent = CurrencyExponent(currency);
  if (!exponent.ok()) return exponent.status();
  Money money;
  money.minor_units_ = minor_units;
  money.code_[0] = currency[0];
  money.code_[1] = currency[1];
  money.code_[2] = currency[2];
  money.exponent_ = static_cast<int8_t>(*exponent);
  return money;
}

absl::StatusOr<Money> Money::Zero(std::string_view currency) { return FromMinorUnits(0, currency); }

absl::StatusOr<Money> Money::Parse(std::string_view decimal, std::string_view currency) {
  absl::StatusOr<Money> zero = Zero(currency);
  if (!zero.ok()) return zero.status();
  const int exponent = zero->exponent();
  auto invalid = [&](std::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat("invalid amount \"", ToAbsl(decimal), "\" ",
                                                   ToAbsl(currency), ": ", ToAbsl(why)));
  };

  size_t i = 0;
  bool negative = false;
  if (i < decimal.size() && (decimal[i] == '-' || decimal[i] == '+')) {
    negative = decimal[i] == '-';
    ++i;
  }
  unsigned __int128 value = 0;
  const unsigned __int128 limit =
      static_cast<unsigned __int128>(std::numeric_limits<int64_t>::max()) + (negative ? 1 : 0);
  bool overflow = false;
  int digits = 0;
  for (; i < decimal.size() && decimal[i] >= '0' && decimal[i] <= '9'; ++i) {
    value = value * 10 + (decimal[i] - '0');
    if (value > limit) overflow = true;
    ++digits;
  }
  int fraction_digits = 0;
  if (i < decimal.size() && decimal[i] == '.') {
    ++i;
    for (; i < decimal.size() && decimal[i] >= '0' && decimal[i] <= '9'; ++i) {
      ++digits;
      if (fraction_digits < exponent) {
        value = value * 10 + (decimal[i] - '0');
        if (value > limit) overflow = true;
        ++fraction_digits;
      } else if (decimal[i] != '0') {
        return invalid(absl::StrCat("more decimal places than ", ToAbsl(currency), " has (",
                                    exponent, "); amounts are never rounded silently"));
      }
    }
  }
  if (digits == 0 || i != decimal.size()) {
    return invalid(
        "expected a plain decimal number such as 12.34 (digits, an optional "
        "'.' and sign; no grouping separators or symbols)");
  }
  for (; fraction_digits < exponent; ++fraction_digits) {
    value *= 10;
    if (value > limit) overflow = true;
  }
  if (overflow) {
    return absl::OutOfRangeError(absl::StrCat("amount \"", ToAbsl(decimal), "\" ", ToAbsl(currency),
                                              " does not fit in int64 minor units"));
  }
  int64_t minor =
      negative ? static_cast<int64_t>(-static_cast<__int128>(value)) : static_cast<int64_t>(value);
  Money money = *zero;
  money.minor_units_ = minor;
  return money;
}

absl::StatusOr<Money> Money::Plus(const Money& other) const {
  if (!has_currency() || currency() != other.currency()) {
    return CurrencyMismatch(*this, other);
  }
  int64_t sum;
  if (__builtin_add_overflow(minor_units_, other.minor_units_, &sum)) {
    return Overflow("addition", *this);
  }
  return WithMinorUnits(sum);
}

absl::StatusOr<Money> Money::Minus(const Money& other) const {
  if (!has_currency() || currency() != other.currency()) {
    return CurrencyMismatch(*this, other);
  }
  int64_t difference;
  if (__builtin_sub_overflow(minor_units_, other.minor_units_, &difference)) {
    return Overflow("subtraction", *this);
  }
  return WithMinorUnits(difference);
}

absl::StatusOr<Money> Money::Times(int64_t factor) const {
  if (!has_currency()) return CurrencyMismatch(*this, *this);
  int64_t product;
  if (__builtin_mul_overflow(minor_units_, factor, &product)) {
    return Overflow("multiplication", *this);
  }
  return WithMinorUnits(product);
}

absl::StatusOr<Money> Money::Negated() const { return Times(-1); }

absl::StatusOr<Money> Money::TimesRatio(int64_t numerator, int64_t denominator,
                                        RoundingMode mode) const {
  if (!has_currency()) return CurrencyMismatch(*this, *this);
  if (denominator == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("ratio with a zero denominator applied to ", ToString()));
  }
  __int128 product = static_cast<__int128>(minor_units_) * numerator;
  const bool negative = (product < 0) != (denominator < 0) && product != 0;
  unsigned __int128 num = product < 0 ? -static_cast<unsigned __int128>(product)
                                      : static_cast<unsigned __int128>(product);
  unsigned __int128 den = denominator < 0 ? -static_cast<unsigned __int128>(denominator)
                                          : static_cast<unsigned __int128>(denominator);
  // 128-bit division is a library call; most amounts fit 64 bits.
  unsigned __int128 quotient, remainder;
  if (num < money_internal::FastDivisor::kLimit && den < money_internal::FastDivisor::kLimit) {
    uint64_t q, r;
    money_internal::FastDivisor(static_cast<uint64_t>(den))
        .DivMod(static_cast<uint64_t>(num), &q, &r);
    quotient = q;
    remainder = r;
  } else if ((num >> 64) == 0 && (den >> 64) == 0) {
    const uint64_t n64 = static_cast<uint64_t>(num), d64 = static_cast<uint64_t>(den);
    quotient = n64 / d64;
    remainder = n64 % d64;
  } else {
    quotient = num / den;
    remainder = num % den;
  }
  unsigned __int128 twice_remainder = remainder * 2;
  switch (mode) {
    case RoundingMode::kDown:
      break;
    case RoundingMode::kHalfUp:
      if (twice_remainder >= den) ++quotient;
      break;
    case RoundingMode::kHalfEven:
      if (twice_remainder > den || (twice_remainder == den && (quotient & 1))) {
        ++quotient;
      }
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("unknown rounding mode ", static_cast<int>(mode)));
  }
  const unsigned __int128 limit =
      static_cast<unsigned __int128>(std::numeric_limits<int64_t>::max()) + (negative ? 1 : 0);
  if (quotient > limit) return Overflow("ratio", *this);
  return WithMinorUnits(negative ? static_cast<int64_t>(-static_cast<__int128>(quotient))
                                 : static_cast<int64_t>(quotient));
}

absl::StatusOr<std::strong_ordering> Money::Compare(const Money& other) const {
  if (!has_currency() || currency() != other.currency()) {
    return CurrencyMismatch(*this, other);
  }
  return minor_units_ <=> other.minor_units_;
}

std::string Money::ToDecimalString() const {
  const bool negative = minor_units_ < 0;
  uint64_t magnitude =
      negative ? 0 - static_cast<uint64_t>(minor_units_) : static_cast<uint64_t>(minor_units_);
  std::string digits = std::to_string(magnitude);
  if (exponent_ > 0) {
    if (digits.size() <= static_cast<size_t>(exponent_)) {
      digits.insert(0, exponent_ + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - exponent_, 1, '.');
  }
  if (negative) digits.insert(0, 1, '-');
  return digits;
}

std::string Money::ToString() const {
  if (!has_currency()) return absl::StrCat(ToDecimalString(), " (no currency)");
  return absl::StrCat(ToDecimalString(), " ", ToAbsl(currency()));
}

namespace {

// The last results of Format per thread, 4-way set-associative with the
// least recently used entry of a set replaced: a conversation formats the
// same few prices, budgets and totals again and again (a recommend turn a
// dozen), and ICU takes ~400 ns a call; a direct-mapped table lost some of
// them to collisions on every turn. Results are pure functions of (amount,
// currency, locale), so a hit is exactly what ICU would print.
struct FormatMemo {
  struct Entry {
    int64_t minor_units = 0;
    std::string currency_and_locale;  // "EUR" + locale; empty: unused
    std::string text;
    uint32_t used = 0;  // when last hit or filled (the memo's clock)
  };
  static constexpr size_t kWays = 4;
  static constexpr size_t kSets = 64;
  std::array<Entry, kWays * kSets> entries;
  uint32_t clock = 0;

  static size_t Set(int64_t minor_units, std::string_view currency, std::string_view locale) {
    uint64_t h = static_cast<uint64_t>(minor_units) * 0x9E3779B97F4A7C15ULL;
    for (char c : currency) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
    for (char c : locale) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
    return (h ^ (h >> 29)) % kSets;
  }
  static bool Matches(const Entry& e, int64_t minor_units, std::string_view currency,
                      std::string_view locale) {
    return e.minor_units == minor_units && e.currency_and_locale.size() == 3 + locale.size() &&
           std::string_view(e.currency_and_locale).substr(0, 3) == currency &&
           std::string_view(e.currency_and_locale).substr(3) == locale;
  }
};

}  // namespace

absl::StatusOr<std::string> Money::Format(std::string_view locale) const {
  if (!has_currency()) {
    return absl::InvalidArgumentError("cannot format money without a currency");
  }
  thread_local FormatMemo memo;
  FormatMemo::Entry* set =
      &memo.entries[FormatMemo::Set(minor_units(), currency(), locale) * FormatMemo::kWays];
  FormatMemo::Entry* oldest = set;
  for (size_t way = 0; way < FormatMemo::kWays; ++way) {
    FormatMemo::Entry& entry = set[way];
    if (FormatMemo::Matches(entry, minor_units(), currency(), locale)) {
      entry.used = ++memo.clock;
      return entry.text;
    }
    if (entry.used < oldest->used) oldest = &entry;
  }
  absl::StatusOr<std::string> text = FormatWithIcu(locale);
  if (text.ok()) {
    oldest->minor_units = minor_units();
    oldest->currency_and_locale.assign(currency());
    oldest->currency_and_locale.append(locale);
    oldest->text = *text;
    oldest->used = ++memo.clock;
  }
  return text;
}

absl::StatusOr<std::string> Money::FormatWithIcu(std::string_view locale) const {
  auto formatter = FormatterCache::Get().Lookup(locale, currency());
  if (!formatter.ok()) return formatter.status();
  std::string decimal = ToDecimalString();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text =
      (*formatter)
          ->formatDecimal(icu::StringPiece(decimal.data(), static_cast<int32_t>(decimal.size())),
                          status)
          .toString(status);
  if (U_FAILURE(status)) {
    return absl::InternalError(
        absl::StrCat("ICU failed to format ", ToString(), ": ", u_errorName(status)));
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

void MoneyToProto(const Money& money, v1::Money* proto) {
  proto->set_minor_units(money.minor_units());
  proto->set_currency(std::string(money.currency()));
}

absl::StatusOr<Money> MoneyFromProto(const v1::Money& proto) {
  return Money::FromMinorUnits(proto.minor_units(), proto.currency());
}

}  // namespace chatcart
