// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "cart/pricing.h"

#include <algorithm>
#include <cstdint>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"

namespace chatcart::cart_internal {
namespace {

absl::Status Overflow(std::string_view what) {
  return absl::OutOfRangeError(
      absl::StrCat("cart total overflows int64 minor units (", ToAbsl(what), ")"));
}

// value * num / den rounded by the policy's mode.
absl::StatusOr<int64_t> Share(const CompiledPolicy& policy, int64_t value, int64_t num,
                              int64_t den) {
  CHATCART_ASSIGN_OR_RETURN(
      Money share, policy.zero.WithMinorUnits(value).TimesRatio(num, den, policy.rounding));
  return share.minor_units();
}

// The tax of one line whose discounted amount is `base`.
absl::StatusOr<int64_t> LineTax(const CompiledPolicy& policy, Fraction rate, int64_t base,
                                int64_t quantity) {
  if (rate.is_zero() || base == 0) return 0;
  // Tax on top: base * r. Tax contained in a gross amount: base * r / (1 + r).
  const int64_t den = policy.prices_include_tax ? rate.den + rate.num : rate.den;
  if (!policy.tax_per_unit || quantity <= 1) return Share(policy, base, rate.num, den);
  // Per unit: the tax of one (average, discounted) unit, rounded, times the
  // quantity. den * quantity <= 2e8 * 1e6: no overflow.
  CHATCART_ASSIGN_OR_RETURN(int64_t unit_tax, Share(policy, base, rate.num, den * quantity));
  int64_t tax;
  if (__builtin_mul_overflow(unit_tax, quantity, &tax)) return Overflow("tax");
  return tax;
}

std::string NeedsAtLeast(const CompiledPolicy& policy, int64_t min, int64_t have) {
  return absl::StrCat("needs eligible items worth at least ",
                      policy.zero.WithMinorUnits(min).ToString(), " (the cart has ",
                      policy.zero.WithMinorUnits(have).ToString(), ")");
}

}  // namespace

absl::Status ComputeTotals(const CompiledPolicy& policy, const PricingInput& input,
                           CartTotals* out) {
  const size_t n = input.lines.size();
  absl::InlinedVector<int64_t, 64> amount(n), remaining(n), discount(n);
  int64_t subtotal = 0;
  for (size_t i = 0; i < n; ++i) {
    const CartLine& line = input.lines[i];
    if (__builtin_mul_overflow(line.quantity, line.unit_price, &amount[i]) ||
        __builtin_add_overflow(subtotal, amount[i], &subtotal)) {
      return Overflow("subtotal");
    }
    remaining[i] = amount[i];
  }

  // Discounts, reported in the order the codes were added, applied in
  // (sort_order, code) order.
  const size_t m = input.codes.size();
  out->discounts.resize(m);
  absl::InlinedVector<std::pair<const CompiledCode*, size_t>, 4> order;
  for (size_t k = 0; k < m; ++k) {
    DiscountTotals& d = out->discounts[k];
    d.code = input.codes[k];
    d.amount = policy.zero;
    d.applied = false;
    d.reason.clear();
    const CompiledCode* code = policy.FindCode(input.codes[k]);
    if (code == nullptr) {
      d.reason = "the code is no longer offered";
      continue;
    }
    order.emplace_back(code, k);
  }
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first->sort_order != b.first->sort_order ? a.first->sort_order < b.first->sort_order
                                                      : a.first->code < b.first->code;
  });
  int64_t discount_total = 0;
  absl::InlinedVector<int64_t, 64> weights, parts;
  absl::InlinedVector<uint32_t, 64> eligible;
  for (const auto& [code, k] : order) {
    DiscountTotals& d = out->discounts[k];
    eligible.clear();
    weights.clear();
    int64_t base = 0;  // sums of remaining amounts never exceed the subtotal
    for (size_t i = 0; i < n; ++i) {
      if (remaining[i] > 0 && code->Covers(input.lines[i].product_id, input.lines[i].category)) {
        eligible.push_back(static_cast<uint32_t>(i));
        weights.push_back(remaining[i]);
        base += remaining[i];
      }
    }
    if (base == 0) {
      d.reason = "no item in the cart is eligible";
      continue;
    }
    if (code->min_subtotal.has_value() && base < *code->min_subtotal) {
      d.reason = NeedsAtLeast(policy, *code->min_subtotal, base);
      continue;
    }
    int64_t off = code->amount;
    if (code->is_percent) {
      CHATCART_ASSIGN_OR_RETURN(off, Share(policy, base, code->percent.num, code->percent.den));
    }
    off = std::min(off, base);
    if (off <= 0) {
      d.reason = "the discount rounds to nothing";
      continue;
    }
    parts.resize(eligible.size());
    CHATCART_RETURN_IF_ERROR(AllocateMinorUnits(off, weights, parts));
    for (size_t j = 0; j < eligible.size(); ++j) {
      discount[eligible[j]] += parts[j];
      remaining[eligible[j]] -= parts[j];
    }
    discount_total += off;
    d.amount = policy.zero.WithMinorUnits(off);
    d.applied = true;
  }

  // Tax per line. Carts repeat a handful of categories: remember the rates of
  // the first few seen instead of hashing every line's category.
  TaxRateLookup lookup(policy, input.region);
  struct Memo {
    std::string_view category;
    Fraction rate;
  };
  Memo memo[8];
  size_t memo_size = 0;
  int64_t tax_total = 0;
  out->lines.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const CartLine& line = input.lines[i];
    Fraction rate;
    size_t k = 0;
    while (k < memo_size && memo[k].category != line.category) ++k;
    if (k < memo_size) {
      rate = memo[k].rate;
    } else {
      rate = lookup.RateFor(line.category);
      if (memo_size < std::size(memo)) memo[memo_size++] = {line.category, rate};
    }
    const int64_t base = amount[i] - discount[i];
    CHATCART_ASSIGN_OR_RETURN(int64_t tax, LineTax(policy, rate, base, line.quantity));
    int64_t total = base;
    if (__builtin_add_overflow(tax_total, tax, &tax_total) ||
        (!policy.prices_include_tax && __builtin_add_overflow(total, tax, &total))) {
      return Overflow("tax");
    }
    LineTotals& lt = out->lines[i];
    lt.line_id = line.line_id;
    lt.amount = policy.zero.WithMinorUnits(amount[i]);
    lt.discount = policy.zero.WithMinorUnits(discount[i]);
    lt.tax = policy.zero.WithMinorUnits(tax);
    lt.total = policy.zero.WithMinorUnits(total);
  }

  // Shipping: a flat price per method, free at or above its threshold; nothing
  // for an empty cart.
  int64_t shipping = 0;
  if (!input.shipping_method.empty() && n > 0) {
    const CompiledShipping* method = policy.FindShipping(input.shipping_method);
    if (method == nullptr) {
      return absl::NotFoundError(absl::StrCat("shipping method \"", ToAbsl(input.shipping_method),
                                              "\" is not in the cart policy"));
    }
    shipping = method->price;
    if (method->free_above.has_value() && subtotal - discount_total >= *method->free_above) {
      shipping = 0;
    }
  }

  int64_t grand = subtotal - discount_total;
  if (__builtin_add_overflow(grand, shipping, &grand) ||
      (!policy.prices_include_tax && __builtin_add_overflow(grand, tax_total, &grand))) {
    return Overflow("grand total");
  }
  out->subtotal = policy.zero.WithMinorUnits(subtotal);
  out->discount = policy.zero.WithMinorUnits(discount_total);
  out->tax = policy.zero.WithMinorUnits(tax_total);
  out->shipping = policy.zero.WithMinorUnits(shipping);
  out->grand_total = policy.zero.WithMinorUnits(grand);
  out->prices_include_tax = policy.prices_include_tax;
  return absl::OkStatus();
}

}  // namespace chatcart::cart_internal
