// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart channel render|parse: try channel payloads by hand.
//
//   chatcart channel render --channel whatsapp [--shopper ID] [--account FROM]
//       [--now-ms MS] [--purpose response|proactive|human_agent] [--event KIND]
//       [--param key=value ...] [--bundle DIR] [--last-message-ms MS] < turn_result.json
//     prints each API request body on a line, in order; what was changed to fit
//     goes to stderr as "# ...".
//   chatcart channel parse --channel messenger --secret APP_SECRET
//       [--signature HEADER] [--url URL] [--received-ms MS] [--no-verify] < webhook
//     prints each turn input as a JSON line; ignored events go to stderr.
//     Without --signature the body is signed with --secret as Meta or Twilio
//     would (the header is shown on stderr), so a payload can be tried by
//     hand; with --signature that header is checked.

#include <chrono>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>

#include "chatcart/channels.h"
#include "chatcart/engine.h"
#include "chatcart/wire.h"
#include "command.h"
#include "google/protobuf/util/json_util.h"
#include "json_writer.h"

namespace chatcart::cli {
namespace {

std::string ReadStdin() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "chatcart channel: %s: %s\n",
               absl::StatusCodeToString(status.code()).c_str(),
               std::string(status.message()).c_str());
  return kExitFailure;
}

bool ParseInt(const std::string& text, int64_t* out) {
  try {
    size_t used = 0;
    *out = std::stoll(text, &used);
    return used == text.size();
  } catch (...) {
    return false;
  }
}

int RunRender(Args& args) {
  std::string channel_name = args.ValueOr("channel", "");
  std::string shopper = args.ValueOr("shopper", "SHOPPER");
  std::string account = args.ValueOr("account", "+15005550001");
  std::string purpose = args.ValueOr("purpose", "response");
  std::string event = args.ValueOr("event", "");
  std::vector<std::string> params = args.Values("param");
  std::string bundle = args.ValueOr("bundle", "");
  int64_t now_ms = 0, last_ms = -1;
  // The CLI may read a clock (the library never does): now by default.
  const std::string now_default =
      std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count());
  bool numbers = ParseInt(args.ValueOr("now-ms", now_default), &now_ms) &&
                 ParseInt(args.ValueOr("last-message-ms", "-1"), &last_ms);
  if (std::string error = args.Finish(); !error.empty() || channel_name.empty() || !numbers) {
    std::fprintf(stderr,
                 "usage: chatcart channel render --channel web|messenger|whatsapp|sms "
                 "[--shopper ID] [--account FROM] [--now-ms MS] [--last-message-ms MS] "
                 "[--purpose response|proactive|human_agent] [--event KIND] [--param k=v] "
                 "[--bundle DIR] < turn_result.json%s%s\n",
                 error.empty() ? "" : ": ", error.c_str());
    return kExitUsage;
  }
  absl::StatusOr<channels::Channel> channel = channels::ParseChannel(channel_name);
  if (!channel.ok()) return Fail(channel.status());
  v1::TurnResult result;
  std::string json = ReadStdin();
  // ParseJson echoes the parser's complaint short and well-formed (#22).
  if (absl::Status s = ParseJson(json, "TurnResult", &result); !s.ok()) {
    return Fail(absl::Status(s.code(), "stdin: " + std::string(s.message())));
  }
  channels::RenderRequest request;
  request.channel = *channel;
  request.shopper = shopper;
  request.account = account;
  request.now_ms = now_ms;
  if (purpose == "proactive") {
    request.purpose = channels::Purpose::kProactive;
  } else if (purpose == "human_agent") {
    request.purpose = channels::Purpose::kHumanAgent;
  } else if (purpose != "response") {
    return Fail(absl::InvalidArgumentError("--purpose: response, proactive or human_agent"));
  }
  request.event.set_kind(event);
  for (const std::string& p : params) {
    size_t eq = p.find('=');
    if (eq == std::string::npos) return Fail(absl::InvalidArgumentError("--param wants key=value"));
    (*request.event.mutable_param())[p.substr(0, eq)] = p.substr(eq + 1);
  }
  v1::ChannelPolicy policy;
  if (!bundle.empty()) {
    absl::StatusOr<std::shared_ptr<const Engine>> engine = Engine::Create(bundle);
    if (!engine.ok()) return Fail(engine.status());
    policy = (*engine)->channel_policy();
  }
  v1::ChannelState state;
  // By default the shopper just wrote: the window is open.
  state.set_last_shopper_message_ms(last_ms >= 0 ? last_ms : now_ms);
  absl::StatusOr<std::vector<channels::OutboundMessage>> out =
      channels::Render(result, request, policy, &state);
  if (!out.ok()) return Fail(out.status());
  for (const channels::OutboundMessage& m : *out) {
    for (const std::string& a : m.adjustments) std::fprintf(stderr, "# %s\n", a.c_str());
    if (m.sms_segments > 0) {
      std::fprintf(stderr, "# sms %s, %d segments\n",
                   m.sms_encoding == channels::SmsEncoding::kGsm7 ? "GSM-7" : "UCS-2",
                   m.sms_segments);
    }
    std::fwrite(m.body.data(), 1, m.body.size(), stdout);
    std::fputc('\n', stdout);
  }
  if (!state.sms_more().empty()) std::fprintf(stderr, "# more parts wait for MORE\n");
  return kExitOk;
}

int RunParse(Args& args) {
  std::string channel_name = args.ValueOr("channel", "");
  std::optional<std::string> secret = args.Value("secret");
  std::optional<std::string> signature = args.Value("signature");
  std::string url = args.ValueOr("url", "https://example.com/webhooks/sms");
  int64_t received_ms = 0;
  bool numbers = ParseInt(args.ValueOr("received-ms", "0"), &received_ms);
  bool no_verify = args.Switch("no-verify");
  if (std::string error = args.Finish();
      !error.empty() || channel_name.empty() || !numbers || (!secret && !no_verify)) {
    std::fprintf(stderr,
                 "usage: chatcart channel parse --channel web|messenger|whatsapp|sms "
                 "(--secret APP_SECRET_OR_AUTH_TOKEN [--signature HEADER] | --no-verify) "
                 "[--url URL] [--received-ms MS] < webhook%s%s\n",
                 error.empty() ? "" : ": ", error.c_str());
    return kExitUsage;
  }
  absl::StatusOr<channels::Channel> channel = channels::ParseChannel(channel_name);
  if (!channel.ok()) return Fail(channel.status());
  std::string body = ReadStdin();
  while (!body.empty() && (body.back() == '\n' || body.back() == '\r') &&
         *channel == channels::Channel::kSms) {
    body.pop_back();  // a form body typed in a shell ends with a newline
  }
  channels::Credentials creds;
  creds.skip_signature_check = no_verify;
  std::string header;
  if (secret) {
    creds.meta_app_secret = *secret;
    creds.twilio_auth_token = *secret;
    if (signature) {
      header = *signature;
    } else if (*channel == channels::Channel::kSms) {
      absl::StatusOr<std::string> s = channels::TwilioSignature(url, body, *secret);
      if (!s.ok()) return Fail(s.status());
      header = *s;
      std::fprintf(stderr, "# X-Twilio-Signature: %s\n", header.c_str());
    } else if (*channel != channels::Channel::kWeb) {
      header = channels::MetaSignature(body, *secret);
      std::fprintf(stderr, "# X-Hub-Signature-256: %s\n", header.c_str());
    }
  }
  absl::StatusOr<channels::Inbound> inbound = channels::ParseWebhook(
      *channel, {.body = body, .signature = header, .url = url, .received_ms = received_ms}, creds);
  if (!inbound.ok()) return Fail(inbound.status());
  static constexpr const char* kKinds[] = {"", "message", "referral", "delivery", "read"};
  for (const channels::InboundMessage& m : inbound->messages) {
    std::string input;
    (void)google::protobuf::util::MessageToJsonString(m.input, &input);
    JsonWriter w;
    w.BeginObject();
    w.Key("kind");
    w.String(kKinds[static_cast<int>(m.kind)]);
    w.Key("account");
    w.String(m.account);
    w.Key("shopper");
    w.String(m.shopper);
    w.Key("messageId");
    w.String(m.message_id);
    w.Key("timeMs");
    w.Int(m.time_ms);
    w.Key("input");
    w.Raw(input);
    w.EndObject();
    std::puts(w.str().c_str());
  }
  for (const channels::IgnoredEvent& e : inbound->ignored) {
    std::fprintf(stderr, "# ignored %s: %s\n", e.what.c_str(), e.why.c_str());
  }
  return kExitOk;
}

CHATCART_CLI_COMMAND(
    channel_render,
    {.name = "channel render",
     .summary = "Renders a TurnResult (JSON on stdin) as a channel's API payloads",
     .run = RunRender,
     .flags = {{"channel", kValue, "NAME", "web, messenger, whatsapp or sms (required)"},
               {"shopper", kValue, "ID", "the shopper's id on the channel"},
               {"account", kValue, "FROM", "the business's account (sender)"},
               {"now-ms", kValue, "MS", "the time, milliseconds since the epoch"},
               {"last-message-ms", kValue, "MS", "when the shopper last wrote"},
               {"purpose", kValue, "P", "response, proactive or human_agent"},
               {"event", kValue, "KIND", "the event the message is for"},
               {"param", kRepeated, "KEY=VALUE", "a parameter of the event"},
               {"bundle", kValue, "DIR", "the bundle whose channel policy applies"}},
     .example = "chatcart channel render --channel whatsapp < turn_result.json"});
CHATCART_CLI_COMMAND(
    channel_parse,
    {.name = "channel parse",
     .summary = "Checks and parses a webhook (stdin) into turn inputs",
     .run = RunParse,
     .flags = {{"channel", kValue, "NAME", "web, messenger, whatsapp or sms (required)"},
               {"secret", kValue, "SECRET", "the app secret that signs the webhooks"},
               {"signature", kValue, "HEADER", "the signature header to check"},
               {"url", kValue, "URL", "the URL the webhook was posted to (Twilio)"},
               {"received-ms", kValue, "MS", "when it was received"},
               {"no-verify", kSwitch, "", "skips the signature check"}},
     .example = "chatcart channel parse --channel messenger --secret s < webhook.json"});

}  // namespace
}  // namespace chatcart::cli
