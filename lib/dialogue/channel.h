// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Replies shaped for the channel they go to (TurnInput.channel). Pure
// functions; thread-safe.

#ifndef CHATCART_DIALOGUE_CHANNEL_H_
#define CHATCART_DIALOGUE_CHANNEL_H_

#include <string_view>

#include "chatcart/v1/turn.pb.h"

namespace chatcart::dialogue {

// "sms" has no buttons: each reply's quick replies are appended to its text
// as numbered lines ("\n1. Find a gift"), and a shopper's "2" picks the
// second (as on every channel). The structured quick replies stay for hosts
// that read them. Other channels are left as they are.
void ShapeForChannel(std::string_view channel, v1::TurnResult* result);

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_CHANNEL_H_
