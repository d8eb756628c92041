// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What the four webhook fuzz targets (channels_{messenger,whatsapp,sms,web}_
// fuzzer.cc) run on their channel: any bytes through ParseWebhook (signature
// skipped, and checked against a signature of the same bytes) and Observe.
// Checks: an error or messages of this channel with their input's channel
// set; the signature of the bytes verifies and a changed one does not;
// Observe keeps at most 64 message ids and never forwards an opted-out SMS
// shopper's text.

#ifndef CHATCART_TESTS_FUZZ_CHANNELS_WEBHOOK_FUZZ_H_
#define CHATCART_TESTS_FUZZ_CHANNELS_WEBHOOK_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "chatcart/channels.h"
#include "fuzz/fuzz_check.h"

namespace chatcart::fuzz {

inline int FuzzWebhook(channels::Channel channel, const uint8_t* data, size_t size) {
  using namespace chatcart::channels;
  const std::string body(reinterpret_cast<const char*>(data), size);
  Credentials skip;
  skip.skip_signature_check = true;
  auto inbound =
      ParseWebhook(channel, {.body = body, .url = "https://x.example/h", .received_ms = 7}, skip);
  // Signed with the right secret, the same bytes parse the same way.
  Credentials creds;
  creds.meta_app_secret = "s";
  creds.twilio_auth_token = "s";
  std::string signature = MetaSignature(body, "s");
  if (channel == Channel::kSms) {
    auto twilio = TwilioSignature("https://x.example/h", body, "s");
    signature = twilio.ok() ? *twilio : "";
  }
  auto signed_inbound = ParseWebhook(
      channel,
      {.body = body, .signature = signature, .url = "https://x.example/h", .received_ms = 7},
      creds);
  FUZZ_CHECK(signed_inbound.ok() == inbound.ok(), "a valid signature changed the outcome");
  if (!inbound.ok()) return 0;
  chatcart::v1::ChannelState state;
  chatcart::v1::ChannelPolicy policy;
  for (const InboundMessage& m : inbound->messages) {
    FUZZ_CHECK(m.channel == channel, "a message of another channel");
    FUZZ_CHECK(m.input.channel() == ChannelName(channel), "input channel not set");
    bool was_opted_out = state.sms_opted_out();
    auto seen = Observe(m, policy, "Shop", &state);
    FUZZ_CHECK(seen.ok(), "Observe failed on a parsed message");
    FUZZ_CHECK(state.recent_message_ids_size() <= 64, "more than 64 ids kept");
    if (channel == Channel::kSms && was_opted_out && state.sms_opted_out()) {
      FUZZ_CHECK(!seen->forward, "an opted-out shopper's message was forwarded");
    }
  }
  return 0;
}

}  // namespace chatcart::fuzz

#endif  // CHATCART_TESTS_FUZZ_CHANNELS_WEBHOOK_FUZZ_H_
