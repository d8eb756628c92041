// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The text of a cart command that a cart keeps (ids, titles, categories,
// codes, shipping method, region, buyer, order source, agents), made
// well-formed UTF-8 before a cart takes it: the cart's proto form holds it in
// `string` fields, which protobuf logs an ERROR line about at every
// serialization when ill-formed, and a session's snapshot would not restore
// (#22). Pure functions; thread-safe.

#ifndef CHATCART_CART_COMMAND_TEXT_H_
#define CHATCART_CART_COMMAND_TEXT_H_

#include "chatcart/cart.h"

namespace chatcart::cart_internal {

// Whether every kept text field of `command` is well-formed UTF-8.
bool CommandTextIsWellFormed(const CartCommand& command);

// Replaces ill-formed UTF-8 in those fields with U+FFFD. The idempotency key
// is left alone: only its hash is kept, and scrubbing would make distinct
// keys equal.
void ScrubCommandText(CartCommand* command);

}  // namespace chatcart::cart_internal

#endif  // CHATCART_CART_COMMAND_TEXT_H_
