// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// ParseWebhook: size, signature, then the platform's parser. Twilio's SMS
// webhook (twilio.com/docs/messaging/guides/webhook-request: form encoded
// MessageSid, AccountSid, From, To, Body, NumMedia, MediaUrl0,
// MediaContentType0; status callbacks carry MessageStatus) and the web
// widget's JSON are parsed here; Meta's in inbound_meta.cc.

#include <string>

#include "channels/cat.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "channels/inbound_internal.h"
#include "channels/json_read.h"
#include "channels/text_fit.h"
#include "channels/wire.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace chatcart::channels {

using internal::Append;
using internal::Cat;

std::string_view ChannelName(Channel channel) {
  switch (channel) {
    case Channel::kWeb:
      return "web";
    case Channel::kMessenger:
      return "messenger";
    case Channel::kWhatsApp:
      return "whatsapp";
    case Channel::kSms:
      return "sms";
  }
  return "web";
}

absl::StatusOr<Channel> ParseChannel(std::string_view name) {
  for (Channel c : {Channel::kWeb, Channel::kMessenger, Channel::kWhatsApp, Channel::kSms}) {
    if (ChannelName(c) == name) return c;
  }
  return absl::InvalidArgumentError(Cat(
      "unknown channel \"", ToAbsl(name), "\" (expected web, messenger, whatsapp or sms)"));
}

namespace internal {
namespace {

void SetTime(int64_t ms, InboundMessage* m) {
  m->time_ms = ms;
  m->input.mutable_time()->set_seconds(ms / 1000);
  m->input.mutable_time()->set_nanos(static_cast<int32_t>(ms % 1000) * 1000000);
}

}  // namespace

absl::Status ParseTwilioSms(std::string_view body, int64_t received_ms, Inbound* out) {
  CHATCART_ASSIGN_OR_RETURN(auto params, FormDecode(body));
  std::string_view sid, from, to, text, status, num_media, media_url, media_type;
  for (const auto& [name, value] : params) {
    if (name == "MessageSid" || (name == "SmsMessageSid" && sid.empty())) sid = value;
    if (name == "From") from = value;
    if (name == "To") to = value;
    if (name == "Body") text = value;
    if (name == "MessageStatus" || name == "SmsStatus") status = value;
    if (name == "NumMedia") num_media = value;
    if (name == "MediaUrl0") media_url = value;
    if (name == "MediaContentType0") media_type = value;
  }
  if (sid.empty()) return absl::InvalidArgumentError("sms webhook: MessageSid is missing");
  if (from.empty()) return absl::InvalidArgumentError("sms webhook: From is missing");
  if (to.empty()) return absl::InvalidArgumentError("sms webhook: To is missing");
  InboundMessage m;
  m.channel = Channel::kSms;
  // Form values are any bytes; protobuf strings (and the engine) want UTF-8.
  m.account = ValidUtf8(to);
  m.shopper = ValidUtf8(from);
  m.message_id = ValidUtf8(sid);
  m.input.set_channel("sms");
  SetTime(received_ms, &m);
  if (status == "delivered" || status == "read") {
    // A status callback about a message we sent: From is our number.
    m.kind = status == "read" ? InboundKind::kRead : InboundKind::kDelivery;
    m.account = ValidUtf8(from);
    m.shopper = ValidUtf8(to);
    m.message_id = ValidUtf8(Cat(sid, ":", status));
    v1::Event* event = m.input.mutable_event();
    event->set_kind(status == "read" ? "message_read" : "message_delivered");
    (*event->mutable_param())["message_ids"] = ValidUtf8(sid);
  } else if (!status.empty() && status != "received" && text.empty()) {
    out->ignored.push_back({"sms", Cat("MessageStatus \"", status, "\" is not a receipt")});
    return absl::OkStatus();
  } else if (!text.empty()) {
    m.input.set_text(ValidUtf8(text));
  } else if (!num_media.empty() && num_media != "0") {
    v1::Event* event = m.input.mutable_event();
    event->set_kind("attachment");
    (*event->mutable_param())["type"] = ValidUtf8(media_type);
    (*event->mutable_param())["url"] = ValidUtf8(media_url);
  } else {
    out->ignored.push_back({"sms", "a message with neither Body nor media"});
    return absl::OkStatus();
  }
  out->messages.push_back(std::move(m));
  return absl::OkStatus();
}

absl::Status ParseWeb(std::string_view body, int64_t received_ms, Inbound* out) {
  static constexpr std::string_view kPath = "web message";
  CHATCART_ASSIGN_OR_RETURN(simdjson::dom::element root, ParseJson(body, kPath));
  simdjson::dom::object top;
  if (root.get_object().get(top) != simdjson::SUCCESS) {
    return absl::InvalidArgumentError("web message: not a JSON object");
  }
  for (auto field : top) {
    std::string_view key = field.key;
    if (key != "site" && key != "visitor" && key != "echoId" && key != "time" && key != "text" &&
        key != "payload" && key != "event" && key != "locale") {
      return absl::InvalidArgumentError(
          Cat("web message: unknown key \"", ToAbsl(key),
                       "\" (expected site, visitor, echoId, time, text, payload, event, locale)"));
    }
  }
  std::string_view site, visitor, echo, time, text, payload, locale;
  CHATCART_RETURN_IF_ERROR(OptString(top, "site", kPath, &site));
  CHATCART_RETURN_IF_ERROR(ReqString(top, "visitor", kPath, &visitor));
  CHATCART_RETURN_IF_ERROR(ReqString(top, "echoId", kPath, &echo));
  CHATCART_RETURN_IF_ERROR(OptString(top, "time", kPath, &time));
  CHATCART_RETURN_IF_ERROR(OptString(top, "text", kPath, &text));
  CHATCART_RETURN_IF_ERROR(OptString(top, "payload", kPath, &payload));
  CHATCART_RETURN_IF_ERROR(OptString(top, "locale", kPath, &locale));
  InboundMessage m;
  m.channel = Channel::kWeb;
  m.account = std::string(site);
  m.shopper = std::string(visitor);
  m.message_id = std::string(echo);
  m.input.set_channel("web");
  if (!locale.empty()) m.input.set_locale_hint(std::string(locale));
  int64_t ms = received_ms;
  if (!time.empty()) {
    absl::Time t;
    std::string error;
    if (!absl::ParseTime(absl::RFC3339_full, ToAbsl(time), &t, &error)) {
      return absl::InvalidArgumentError(
          Cat("web message.time: not an RFC 3339 time (", error, ")"));
    }
    ms = absl::ToUnixMillis(t);
  }
  SetTime(ms, &m);
  simdjson::dom::object event;
  bool has_event = false;
  CHATCART_RETURN_IF_ERROR(OptObject(top, "event", kPath, &event, &has_event));
  int given = !text.empty() + !payload.empty() + has_event;
  if (given != 1) {
    return absl::InvalidArgumentError(
        "web message: exactly one of text, payload and event is required");
  }
  if (!text.empty()) m.input.set_text(std::string(text));
  if (!payload.empty()) m.input.set_payload(std::string(payload));
  if (has_event) {
    std::string_view kind;
    CHATCART_RETURN_IF_ERROR(ReqString(event, "kind", "web message.event", &kind));
    m.input.mutable_event()->set_kind(std::string(kind));
    simdjson::dom::object params;
    bool found = false;
    CHATCART_RETURN_IF_ERROR(OptObject(event, "param", "web message.event", &params, &found));
    if (found) {
      for (auto field : params) {
        std::string_view value;
        if (field.value.get_string().get(value) != simdjson::SUCCESS) {
          return absl::InvalidArgumentError(Cat(
              "web message.event.param.", ToAbsl(field.key), ": not a string"));
        }
        (*m.input.mutable_event()->mutable_param())[std::string(field.key)] = std::string(value);
      }
    }
    // Events from a browser are the shopper's doing only as referrals.
    m.kind = kind == "ad_click" || kind == "referral" ? InboundKind::kReferral
                                                     : InboundKind::kMessage;
  }
  out->messages.push_back(std::move(m));
  return absl::OkStatus();
}

}  // namespace internal

absl::StatusOr<Inbound> ParseWebhook(Channel channel, const WebhookRequest& request,
                                     const Credentials& credentials) {
  std::string_view name = ChannelName(channel);
  if (request.body.size() > kMaxWebhookBytes) {
    return absl::ResourceExhaustedError(Cat(ToAbsl(name), " webhook: body of ", request.body.size(),
                                            " bytes, over the limit of ", kMaxWebhookBytes,
                                            " (kMaxWebhookBytes)"));
  }
  if (!credentials.skip_signature_check) {
    if (channel == Channel::kMessenger || channel == Channel::kWhatsApp) {
      if (credentials.meta_app_secret.empty()) {
        return absl::FailedPreconditionError(
            Cat(ToAbsl(name), " webhook: no Meta app secret to check the signature with"));
      }
      absl::Status s =
          VerifyMetaSignature(request.body, request.signature, credentials.meta_app_secret);
      if (!s.ok()) {
        return absl::UnauthenticatedError(Cat(ToAbsl(name), " webhook: ", s.message()));
      }
    } else if (channel == Channel::kSms) {
      if (credentials.twilio_auth_token.empty()) {
        return absl::FailedPreconditionError(
            "sms webhook: no Twilio auth token to check the signature with");
      }
      if (request.url.empty()) {
        return absl::InvalidArgumentError(
            "sms webhook: the request URL is required to check X-Twilio-Signature");
      }
      absl::Status s = VerifyTwilioSignature(request.url, request.body, request.signature,
                                             credentials.twilio_auth_token);
      if (!s.ok()) return absl::Status(s.code(), Cat("sms webhook: ", s.message()));
    }
  }
  Inbound inbound;
  absl::Status status;
  switch (channel) {
    case Channel::kMessenger:
      status = internal::ParseMessenger(request.body, &inbound);
      break;
    case Channel::kWhatsApp:
      status = internal::ParseWhatsApp(request.body, &inbound);
      break;
    case Channel::kSms:
      status = internal::ParseTwilioSms(request.body, request.received_ms, &inbound);
      break;
    case Channel::kWeb:
      status = internal::ParseWeb(request.body, request.received_ms, &inbound);
      break;
  }
  if (!status.ok()) return status;
  return inbound;
}

}  // namespace chatcart::channels
