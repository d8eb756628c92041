// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The check of a cart's state that no policy decides: what only corrupt or
// forged bytes break (line ids, quantities, prices, codes, the buyer). A
// session restored into another version of its bundle (lib/engine) runs it
// before fitting the cart to the new policy, so dropping what no longer
// applies never hides corruption. Thread-safe (a pure function).

#ifndef CHATCART_CART_VALIDATE_H_
#define CHATCART_CART_VALIDATE_H_

#include "absl/status/status.h"
#include "chatcart/cart.h"

namespace chatcart::cart_internal {

// INVALID_ARGUMENT naming what is wrong ("cart state: lines[0]: quantity 0
// outside 1..1000000"). Cart::FromState runs it first, then checks the state
// against its policy (currency, shipping method, totals that compute).
absl::Status ValidateStateShape(const CartState& state);

}  // namespace chatcart::cart_internal

#endif  // CHATCART_CART_VALIDATE_H_
