// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The per-platform webhook parsers behind ParseWebhook (signatures already
// checked). Each appends to *out and returns INVALID_ARGUMENT naming the
// path of the first malformed part. Thread-safe.

#ifndef CHATCART_CHANNELS_INBOUND_INTERNAL_H_
#define CHATCART_CHANNELS_INBOUND_INTERNAL_H_

#include <string_view>

#include "absl/status/status.h"
#include "chatcart/channels.h"

namespace chatcart::channels::internal {

absl::Status ParseMessenger(std::string_view body, Inbound* out);
absl::Status ParseWhatsApp(std::string_view body, Inbound* out);
// Twilio carries no timestamp: `received_ms` is the host's.
absl::Status ParseTwilioSms(std::string_view body, int64_t received_ms, Inbound* out);
absl::Status ParseWeb(std::string_view body, int64_t received_ms, Inbound* out);

}  // namespace chatcart::channels::internal

#endif  // CHATCART_CHANNELS_INBOUND_INTERNAL_H_
