// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/channel.h"

#include "absl/strings/str_cat.h"

namespace chatcart::dialogue {

void ShapeForChannel(std::string_view channel, v1::TurnResult* result) {
  if (channel != "sms") return;
  for (v1::Reply& reply : *result->mutable_replies()) {
    std::string* text = reply.mutable_text();
    for (int i = 0; i < reply.quick_replies_size(); ++i) {
      absl::StrAppend(text, "\n", i + 1, ". ", reply.quick_replies(i).title());
    }
  }
}

}  // namespace chatcart::dialogue
