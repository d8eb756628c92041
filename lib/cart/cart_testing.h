// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Test helpers for lib/cart: a sample policy and catalog, and short ways to
// write commands. Test-only.

#ifndef CHATCART_CART_CART_TESTING_H_
#define CHATCART_CART_CART_TESTING_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/time/time.h"
#include "chatcart/cart.h"
#include "chatcart/money.h"
#include "gtest/gtest.h"

namespace chatcart::testing {

inline Money Usd(std::string_view amount) {
  absl::StatusOr<Money> m = Money::Parse(amount, "USD");
  EXPECT_TRUE(m.ok()) << m.status();
  return m.value_or(Money());
}

inline Money Eur(std::string_view amount) {
  absl::StatusOr<Money> m = Money::Parse(amount, "EUR");
  EXPECT_TRUE(m.ok()) << m.status();
  return m.value_or(Money());
}

inline std::shared_ptr<const CartPolicy> PolicyFromJson(std::string_view json) {
  absl::StatusOr<std::shared_ptr<const CartPolicy>> policy = CartPolicy::FromJson(json);
  EXPECT_TRUE(policy.ok()) << policy.status();
  return policy.value_or(nullptr);
}

// A US store: 8.875 % tax in US-NY (books 0 %), codes, two shipping methods.
inline constexpr std::string_view kStorePolicy = R"json({
  "currency": "USD",
  "tax": {"rates": [{"region": "US-NY", "percent": "8.875"},
                    {"region": "US-NY", "category": "books", "percent": "0"}]},
  "discount_codes": [
    {"code": "TEN", "percent": "10", "stackable": true, "sort_order": 2},
    {"code": "FIVEOFF", "amount": {"minor_units": "500", "currency": "USD"},
     "stackable": true, "sort_order": 1,
     "min_subtotal": {"minor_units": "3000", "currency": "USD"}},
    {"code": "SHIRTS20", "percent": "20", "categories": ["apparel"], "stackable": true},
    {"code": "SOLO", "percent": "50"},
    {"code": "OLD", "percent": "5", "expires_at": "2026-01-01T00:00:00Z", "stackable": true}
  ],
  "shipping_methods": [
    {"id": "standard", "name": "Standard", "price": {"minor_units": "599", "currency": "USD"},
     "free_above": {"minor_units": "5000", "currency": "USD"}},
    {"id": "express", "name": "Express", "price": {"minor_units": "1500", "currency": "USD"},
     "regions": ["US-NY", "US-NJ"]}
  ]
})json";

// Products of the sample catalog.
inline void FillCatalog(InMemoryCatalog& catalog) {
  catalog.Set("shirt", "shirt-m", {Usd("19.99"), "Linen shirt, M", "apparel"}, 10);
  catalog.Set("shirt", "shirt-l", {Usd("21.99"), "Linen shirt, L", "apparel"}, 2);
  catalog.Set("mug", "", {Usd("8.50"), "Mug", "kitchen"});
  catalog.Set("book", "book-pb", {Usd("12.00"), "Paperback", "books"}, 5);
}

inline absl::Time T(int64_t seconds_after_2026) {
  return absl::FromUnixSeconds(1767225600 + seconds_after_2026);  // 2026-01-01T00:00:00Z
}

// A command by the bot at time T(minute * 60).
inline CartCommand Cmd(CartAction action, Actor actor = Actor::Bot(), absl::Time time = T(3600)) {
  CartCommand command;
  command.action = std::move(action);
  command.actor = std::move(actor);
  command.time = time;
  return command;
}

inline commands::AddLine Add(std::string product_id, std::string sku, int64_t quantity) {
  commands::AddLine add;
  add.product_id = std::move(product_id);
  add.sku = std::move(sku);
  add.quantity = quantity;
  return add;
}

}  // namespace chatcart::testing

#endif  // CHATCART_CART_CART_TESTING_H_
