// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The compiled form of a chatcart.v1.CartPolicy: amounts as minor units,
// percentages as exact fractions, lookups as hash maps. Immutable once built;
// thread-safe.

#ifndef CHATCART_CART_POLICY_H_
#define CHATCART_CART_POLICY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "chatcart/money.h"
#include "common/strings.h"

namespace chatcart::v1 {
class CartPolicy;
}  // namespace chatcart::v1

namespace chatcart::cart_internal {

// A share of an amount as an exact fraction: "8.875" percent is
// 8875 / 100000.
struct Fraction {
  int64_t num = 0;
  int64_t den = 1;
  bool is_zero() const { return num == 0; }
};

// Parses a percentage ("19", "8.875", "12.50") into a fraction of 1. At most
// 6 decimals, 0 <= percent <= 100, and 0 only if `allow_zero`;
// INVALID_ARGUMENT otherwise, naming the text.
absl::StatusOr<Fraction> ParsePercent(std::string_view text, bool allow_zero);

struct CompiledCode {
  std::string code;  // upper case
  bool is_percent = false;
  Fraction percent;
  int64_t amount = 0;  // fixed amount off, minor units
  std::vector<std::string> categories;
  std::vector<std::string> product_ids;
  std::optional<int64_t> min_subtotal;
  std::optional<absl::Time> expires_at;
  bool stackable = false;
  int32_t sort_order = 0;

  bool WholeCart() const { return categories.empty() && product_ids.empty(); }
  bool Covers(std::string_view product_id, std::string_view category) const;
};

struct CompiledShipping {
  std::string id;
  std::string name;
  int64_t price = 0;
  std::optional<int64_t> free_above;
  std::vector<std::string> regions;  // empty: all

  bool Serves(std::string_view region) const;
};

using CategoryRates = absl::flat_hash_map<std::string, Fraction>;

struct CompiledPolicy {
  std::string currency;
  Money zero;  // zero of `currency`
  RoundingMode rounding = RoundingMode::kHalfEven;

  bool prices_include_tax = false;
  bool tax_per_unit = false;
  // region -> category -> rate; "" is "any" at either level.
  absl::flat_hash_map<std::string, CategoryRates> tax_rates;

  std::vector<CompiledCode> codes;
  absl::flat_hash_map<std::string, uint32_t> code_index;
  uint32_t max_codes_per_cart = 3;

  std::vector<CompiledShipping> shipping;
  absl::flat_hash_map<std::string, uint32_t> shipping_index;

  std::optional<int64_t> spending_cap;
  int64_t max_quantity_per_line = 0;  // resolved: never 0
  uint32_t max_lines = 0;             // resolved: never 0
  std::optional<int64_t> confirmation_threshold;
  uint32_t idempotency_window = 16;

  // `code` must be upper case already.
  const CompiledCode* FindCode(std::string_view code) const {
    auto it = code_index.find(ToAbsl(code));
    return it == code_index.end() ? nullptr : &codes[it->second];
  }
  const CompiledShipping* FindShipping(std::string_view id) const {
    auto it = shipping_index.find(ToAbsl(id));
    return it == shipping_index.end() ? nullptr : &shipping[it->second];
  }
};

// Built-in ceilings, whatever the policy says.
inline constexpr int64_t kMaxQuantityPerLine = 1'000'000;
inline constexpr uint32_t kMaxLines = 1'000;
inline constexpr uint32_t kMaxIdempotencyWindow = 256;
inline constexpr uint32_t kDefaultIdempotencyWindow = 16;
inline constexpr uint32_t kDefaultMaxCodes = 3;

// The tax rate of lines of one region: resolves the most specific match.
class TaxRateLookup {
 public:
  TaxRateLookup(const CompiledPolicy& policy, std::string_view region);
  Fraction RateFor(std::string_view category) const;

 private:
  const CategoryRates* region_ = nullptr;
  const CategoryRates* any_ = nullptr;
};

// Validates and compiles; errors name the field.
absl::StatusOr<std::unique_ptr<const CompiledPolicy>> Compile(const v1::CartPolicy& proto);

// ASCII upper case of a discount code as typed.
std::string NormalizeCode(std::string_view code);

}  // namespace chatcart::cart_internal

#endif  // CHATCART_CART_POLICY_H_
