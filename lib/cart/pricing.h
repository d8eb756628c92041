// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Pricing: subtotal, discounts (allocated across lines by largest remainder),
// tax (per line or per unit, prices with or without tax), shipping, grand
// total. Pure functions of the lines and the policy; thread-safe.

#ifndef CHATCART_CART_PRICING_H_
#define CHATCART_CART_PRICING_H_

#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "cart/policy.h"
#include "chatcart/cart.h"

namespace chatcart::cart_internal {

struct PricingInput {
  std::span<const CartLine> lines;
  std::span<const std::string> codes;  // applied, in the order added
  std::string_view shipping_method;    // empty: none
  std::string_view region;
};

// Prices `input` into `*out` (replacing its contents). Discount codes apply in
// ascending (sort_order, code), each to what earlier ones left; a percentage
// is taken of the eligible amount once, then allocated. Codes the policy does
// not offer, codes below their min_subtotal and codes without eligible lines
// give nothing and say why. OUT_OF_RANGE on int64 overflow; NOT_FOUND for a
// shipping method the policy does not have.
absl::Status ComputeTotals(const CompiledPolicy& policy, const PricingInput& input,
                           CartTotals* out);

}  // namespace chatcart::cart_internal

#endif  // CHATCART_CART_PRICING_H_
