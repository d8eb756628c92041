// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Text taken into a session is made well-formed UTF-8 on the way in: each
// ill-formed subsequence becomes U+FFFD. A session stores what it accepted in
// its snapshot, a protobuf whose string fields must be UTF-8; kept as is, an
// ill-formed byte made the snapshot unrestorable (DATA_LOSS, #22). Pure
// functions; thread-safe.

#ifndef CHATCART_ENGINE_SCRUB_H_
#define CHATCART_ENGINE_SCRUB_H_

#include <string>

#include "chatcart/cart.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace chatcart::engine {

// Replaces ill-formed UTF-8 in place; returns whether anything changed.
bool ScrubUtf8InPlace(std::string* text);

// Every `string` field of `message` and of the messages and maps it holds
// (not `bytes` fields). Returns whether anything changed.
bool ScrubMessageUtf8(google::protobuf::Message* message);

// Every text field of a cart command a cart keeps (ids, titles, categories,
// codes, region, buyer, source, agents).
void ScrubCommandUtf8(CartCommand* command);

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_SCRUB_H_
