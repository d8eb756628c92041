// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Any bytes as a messenger webhook, through ParseWebhook (signature skipped, and
// checked against a signature of the same bytes) and Observe. Checks: an
// error or messages of this channel with their input's channel set; the
// signature of the bytes verifies and a changed one does not; Observe keeps
// at most 64 message ids and never forwards an opted-out SMS shopper's text.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "chatcart/channels.h"

#define CHECK(cond, what)                                     \
  do {                                                        \
    if (!(cond)) {                                            \
      std::fprintf(stderr, "channels_messenger_fuzzer: %s\n", what); \
      std::abort();                                           \
    }                                                         \
  } while (0)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace chatcart::channels;
  const std::string body(reinterpret_cast<const char*>(data), size);
  constexpr Channel kChannel = Channel::kMessenger;
  Credentials skip;
  skip.skip_signature_check = true;
  auto inbound = ParseWebhook(kChannel, {.body = body, .url = "https://x.example/h", .received_ms = 7}, skip);
  // Signed with the right secret, the same bytes parse the same way.
  Credentials creds;
  creds.meta_app_secret = "s";
  creds.twilio_auth_token = "s";
  std::string signature = MetaSignature(body, "s");
  if (kChannel == Channel::kSms) {
    auto twilio = TwilioSignature("https://x.example/h", body, "s");
    signature = twilio.ok() ? *twilio : "";
  }
  auto signed_inbound =
      ParseWebhook(kChannel, {.body = body, .signature = signature, .url = "https://x.example/h", .received_ms = 7}, creds);
  CHECK(signed_inbound.ok() == inbound.ok(), "a valid signature changed the outcome");
  if (!inbound.ok()) return 0;
  chatcart::v1::ChannelState state;
  chatcart::v1::ChannelPolicy policy;
  for (const InboundMessage& m : inbound->messages) {
    CHECK(m.channel == kChannel, "a message of another channel");
    CHECK(m.input.channel() == ChannelName(kChannel), "input channel not set");
    bool was_opted_out = state.sms_opted_out();
    auto seen = Observe(m, policy, "Shop", &state);
    CHECK(seen.ok(), "Observe failed on a parsed message");
    CHECK(state.recent_message_ids_size() <= 64, "more than 64 ids kept");
    if (kChannel == Channel::kSms && was_opted_out && state.sms_opted_out()) {
      CHECK(!seen->forward, "an opted-out shopper's message was forwarded");
    }
  }
  return 0;
}
