// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Any bytes as a messenger webhook, through ParseWebhook and Observe, with the
// checks of channels_webhook_fuzz.h.

#include <cstddef>
#include <cstdint>

#include "chatcart/channels.h"
#include "fuzz/channels_webhook_fuzz.h"

const char chatcart::fuzz::kTarget[] = "channels_messenger_fuzzer";

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return chatcart::fuzz::FuzzWebhook(chatcart::channels::Channel::kMessenger, data, size);
}
