// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The experimental C API of the channels (c.h, CHATCART_C_EXPERIMENTAL):
// webhooks in, the channel rules, turn results out, the subscribe
// handshake. Structured values cross as JSON built from
// google.protobuf.Struct (keys sorted); turn inputs and results in the
// protobuf JSON mapping; the channel state as chatcart.v1.ChannelState
// bytes the host keeps.

#define CHATCART_C_EXPERIMENTAL
#include <string>
#include <string_view>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "c_api/c_api_internal.h"
#include "c_api/json_value.h"
#include "chatcart/c.h"
#include "chatcart/channels.h"
#include "chatcart/engine.h"
#include "common/json_parse.h"
#include "common/status_macros.h"
#include "common/wire_utf8.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

using chatcart::c_api::Guard;
using chatcart::c_api::NullArgument;
using chatcart::c_api::Output;
namespace channels = chatcart::channels;
namespace json = chatcart::c_api::json;
using google::protobuf::ListValue;
using google::protobuf::Struct;
using google::protobuf::Value;

namespace {

absl::StatusOr<Value> MessageValue(const google::protobuf::Message& message) {
  CHATCART_ASSIGN_OR_RETURN(std::string text, json::SerializeMessage(CHATCART_FORMAT_JSON, message));
  Value value;
  if (absl::Status parsed = chatcart::JsonToMessage(text, "the message as a JSON value", &value);
      !parsed.ok()) {
    return absl::InternalError(parsed.message());
  }
  return value;
}

std::string_view KindName(channels::InboundKind kind) {
  switch (kind) {
    case channels::InboundKind::kMessage:
      return "message";
    case channels::InboundKind::kReferral:
      return "referral";
    case channels::InboundKind::kDelivery:
      return "delivery";
    case channels::InboundKind::kRead:
      return "read";
  }
  return "message";
}

absl::StatusOr<channels::InboundKind> ParseKind(std::string_view name) {
  for (auto kind : {channels::InboundKind::kMessage, channels::InboundKind::kReferral,
                    channels::InboundKind::kDelivery, channels::InboundKind::kRead}) {
    if (KindName(kind) == name) return kind;
  }
  return absl::InvalidArgumentError(absl::StrCat("message.kind: unknown kind \"", std::string(name),
                                                 "\" (message, referral, delivery, read)"));
}

absl::StatusOr<Value> InboundValue(const channels::InboundMessage& m) {
  Struct s;
  json::Set(&s, "channel", json::String(channels::ChannelName(m.channel)));
  json::Set(&s, "kind", json::String(KindName(m.kind)));
  json::Set(&s, "account", json::String(m.account));
  json::Set(&s, "shopper", json::String(m.shopper));
  json::Set(&s, "messageId", json::String(m.message_id));
  json::Set(&s, "timeMs", json::String(absl::StrCat(m.time_ms)));
  CHATCART_ASSIGN_OR_RETURN(Value input, MessageValue(m.input));
  json::Set(&s, "input", std::move(input));
  return json::Object(std::move(s));
}

absl::StatusOr<Struct> ParseObject(std::string_view text, const char* function, const char* what) {
  Struct s;
  CHATCART_RETURN_IF_ERROR(json::ParseMessage(CHATCART_FORMAT_JSON, text, function, what, &s));
  return s;
}

absl::StatusOr<channels::InboundMessage> ParseInbound(const Struct& in) {
  static const std::string kWhat = "message";
  CHATCART_RETURN_IF_ERROR(json::OnlyKeys(
      in, kWhat, {"channel", "kind", "account", "shopper", "messageId", "timeMs", "input"}));
  channels::InboundMessage m;
  for (const auto& [key, value] : in.fields()) {
    std::string where = absl::StrCat(kWhat, ".", key);
    if (key == "channel") {
      CHATCART_ASSIGN_OR_RETURN(std::string name, json::AsString(value, where));
      CHATCART_ASSIGN_OR_RETURN(m.channel, channels::ParseChannel(name));
    } else if (key == "kind") {
      CHATCART_ASSIGN_OR_RETURN(std::string name, json::AsString(value, where));
      CHATCART_ASSIGN_OR_RETURN(m.kind, ParseKind(name));
    } else if (key == "account") {
      CHATCART_ASSIGN_OR_RETURN(m.account, json::AsString(value, where));
    } else if (key == "shopper") {
      CHATCART_ASSIGN_OR_RETURN(m.shopper, json::AsString(value, where));
    } else if (key == "messageId") {
      CHATCART_ASSIGN_OR_RETURN(m.message_id, json::AsString(value, where));
    } else if (key == "timeMs") {
      CHATCART_ASSIGN_OR_RETURN(std::string ms, json::AsString(value, where));
      if (!absl::SimpleAtoi(ms, &m.time_ms)) {
        return absl::InvalidArgumentError(absl::StrCat(where, ": not an integer string"));
      }
    } else if (key == "input") {
      std::string text;
      auto status = google::protobuf::util::MessageToJsonString(value, &text);
      if (!status.ok()) return absl::InvalidArgumentError(std::string(status.message()));
      CHATCART_RETURN_IF_ERROR(json::ParseMessage(CHATCART_FORMAT_JSON, text, "observe",
                                                  "message.input", &m.input));
    }
  }
  return m;
}

absl::StatusOr<channels::RenderRequest> ParseRenderRequest(const Struct& in) {
  static const std::string kWhat = "render request";
  CHATCART_RETURN_IF_ERROR(json::OnlyKeys(
      in, kWhat, {"channel", "shopper", "account", "nowMs", "purpose", "event", "smsMaxSegments"}));
  channels::RenderRequest r;
  for (const auto& [key, value] : in.fields()) {
    std::string where = absl::StrCat(kWhat, ".", key);
    if (key == "channel") {
      CHATCART_ASSIGN_OR_RETURN(std::string name, json::AsString(value, where));
      CHATCART_ASSIGN_OR_RETURN(r.channel, channels::ParseChannel(name));
    } else if (key == "shopper") {
      CHATCART_ASSIGN_OR_RETURN(r.shopper, json::AsString(value, where));
    } else if (key == "account") {
      CHATCART_ASSIGN_OR_RETURN(r.account, json::AsString(value, where));
    } else if (key == "nowMs") {
      CHATCART_ASSIGN_OR_RETURN(r.now_ms, json::AsInteger(value, where, 0, int64_t{1} << 52));
    } else if (key == "purpose") {
      CHATCART_ASSIGN_OR_RETURN(std::string p, json::AsString(value, where));
      if (p == "response") {
        r.purpose = channels::Purpose::kResponse;
      } else if (p == "proactive") {
        r.purpose = channels::Purpose::kProactive;
      } else if (p == "human_agent") {
        r.purpose = channels::Purpose::kHumanAgent;
      } else {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": \"", p, "\" (response, proactive, human_agent)"));
      }
    } else if (key == "event") {
      CHATCART_ASSIGN_OR_RETURN(const Struct* event, json::AsObject(value, where));
      CHATCART_RETURN_IF_ERROR(json::OnlyKeys(*event, where, {"kind", "param"}));
      for (const auto& [k, v] : event->fields()) {
        if (k == "kind") {
          CHATCART_ASSIGN_OR_RETURN(*r.event.mutable_kind(), json::AsString(v, where + ".kind"));
        } else {
          CHATCART_ASSIGN_OR_RETURN(const Struct* params, json::AsObject(v, where + ".param"));
          for (const auto& [name, param] : params->fields()) {
            CHATCART_ASSIGN_OR_RETURN((*r.event.mutable_param())[name],
                                      json::AsString(param, absl::StrCat(where, ".param.", name)));
          }
        }
      }
    } else if (key == "smsMaxSegments") {
      CHATCART_ASSIGN_OR_RETURN(int64_t n, json::AsInteger(value, where, 1, 10));
      r.sms_max_segments = static_cast<int>(n);
    }
  }
  return r;
}

absl::Status ParseState(const char* state, size_t state_len, chatcart::v1::ChannelState* out) {
  if (state_len == 0) return absl::OkStatus();
  if (state == nullptr) return NullArgument("channel state", "state");
  // Before parsing: protobuf would log an ERROR line for an ill-formed
  // string (#22).
  if (std::string field = chatcart::IllFormedUtf8Field(*chatcart::v1::ChannelState::descriptor(),
                                                       std::string_view(state, state_len));
      !field.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("channel state: ", field, " is not well-formed UTF-8"));
  }
  if (!out->ParseFromArray(state, static_cast<int>(state_len))) {
    return absl::InvalidArgumentError("channel state: bytes are not a chatcart.v1.ChannelState");
  }
  return absl::OkStatus();
}

absl::Status OutputState(const chatcart::v1::ChannelState& state, char** out, size_t* len) {
  std::string bytes;
  state.SerializeToString(&bytes);
  return Output(bytes, out, len);
}

const chatcart::v1::ChannelPolicy& PolicyOf(const chatcart_engine_t* engine) {
  static const chatcart::v1::ChannelPolicy kNone;
  return engine == nullptr ? kNone : engine->rep->channel_policy();
}

}  // namespace

extern "C" {

chatcart_code chatcart_experimental_channel_parse(const char* channel, const char* body,
                                                  size_t body_len, const char* signature,
                                                  const char* url, int64_t received_ms,
                                                  const char* credentials, char** result,
                                                  size_t* result_len, char** errmsg) {
  static constexpr char kFn[] = "chatcart_experimental_channel_parse";
  return Guard(errmsg, [&]() -> absl::Status {
    CHATCART_C_REQUIRE(kFn, channel);
    CHATCART_C_REQUIRE(kFn, result);
    CHATCART_C_ASSIGN_BYTES(std::string_view raw, kFn, body, body_len);
    CHATCART_ASSIGN_OR_RETURN(channels::Channel which, channels::ParseChannel(channel));
    channels::Credentials creds;
    if (credentials != nullptr) {
      CHATCART_ASSIGN_OR_RETURN(Struct c, ParseObject(credentials, kFn, "credentials"));
      CHATCART_RETURN_IF_ERROR(json::OnlyKeys(
          c, "credentials", {"metaAppSecret", "metaVerifyToken", "twilioAuthToken",
                             "skipSignatureCheck"}));
      for (const auto& [key, value] : c.fields()) {
        std::string where = "credentials." + key;
        if (key == "metaAppSecret") {
          CHATCART_ASSIGN_OR_RETURN(creds.meta_app_secret, json::AsString(value, where));
        } else if (key == "metaVerifyToken") {
          CHATCART_ASSIGN_OR_RETURN(creds.meta_verify_token, json::AsString(value, where));
        } else if (key == "twilioAuthToken") {
          CHATCART_ASSIGN_OR_RETURN(creds.twilio_auth_token, json::AsString(value, where));
        } else {
          CHATCART_ASSIGN_OR_RETURN(creds.skip_signature_check, json::AsBool(value, where));
        }
      }
    }
    channels::WebhookRequest request;
    request.body = raw;
    if (signature != nullptr) request.signature = signature;
    if (url != nullptr) request.url = url;
    request.received_ms = received_ms;
    CHATCART_ASSIGN_OR_RETURN(channels::Inbound inbound,
                              channels::ParseWebhook(which, request, creds));
    ListValue messages, ignored;
    for (const channels::InboundMessage& m : inbound.messages) {
      CHATCART_ASSIGN_OR_RETURN(*messages.add_values(), InboundValue(m));
    }
    for (const channels::IgnoredEvent& e : inbound.ignored) {
      Struct s;
      json::Set(&s, "what", json::String(e.what));
      json::Set(&s, "why", json::String(e.why));
      *ignored.add_values() = json::Object(std::move(s));
    }
    Struct out;
    json::Set(&out, "messages", json::List(std::move(messages)));
    json::Set(&out, "ignored", json::List(std::move(ignored)));
    CHATCART_ASSIGN_OR_RETURN(std::string text, json::SerializeStruct(out));
    return Output(text, result, result_len);
  });
}

chatcart_code chatcart_experimental_channel_observe(
    const chatcart_engine_t* engine, const char* message, size_t message_len,
    const char* store_name, const char* state, size_t state_len, char** new_state,
    size_t* new_state_len, char** result, size_t* result_len, char** errmsg) {
  static constexpr char kFn[] = "chatcart_experimental_channel_observe";
  return Guard(errmsg, [&]() -> absl::Status {
    CHATCART_C_REQUIRE(kFn, new_state);
    CHATCART_C_REQUIRE(kFn, result);
    CHATCART_C_ASSIGN_BYTES(std::string_view text, kFn, message, message_len);
    CHATCART_ASSIGN_OR_RETURN(Struct in, ParseObject(text, kFn, "message"));
    CHATCART_ASSIGN_OR_RETURN(channels::InboundMessage m, ParseInbound(in));
    chatcart::v1::ChannelState channel_state;
    CHATCART_RETURN_IF_ERROR(ParseState(state, state_len, &channel_state));
    CHATCART_ASSIGN_OR_RETURN(
        channels::Observation seen,
        channels::Observe(m, PolicyOf(engine), store_name == nullptr ? "" : store_name,
                          &channel_state));
    Struct out;
    json::Set(&out, "duplicate", json::Bool(seen.duplicate));
    json::Set(&out, "forward", json::Bool(seen.forward));
    CHATCART_ASSIGN_OR_RETURN(Value input, MessageValue(seen.input));
    json::Set(&out, "input", std::move(input));
    if (seen.reply.has_value()) json::Set(&out, "reply", json::String(*seen.reply));
    json::Set(&out, "keyword", json::String(seen.keyword));
    CHATCART_ASSIGN_OR_RETURN(std::string json_text, json::SerializeStruct(out));
    // Outputs only on success, state last so that a failure changes nothing.
    char* result_copy = nullptr;
    size_t copy_len = 0;
    CHATCART_RETURN_IF_ERROR(Output(json_text, &result_copy, &copy_len));
    absl::Status state_status = OutputState(channel_state, new_state, new_state_len);
    if (!state_status.ok()) {
      std::free(result_copy);
      return state_status;
    }
    *result = result_copy;
    if (result_len != nullptr) *result_len = copy_len;
    return absl::OkStatus();
  });
}

chatcart_code chatcart_experimental_channel_render(
    const chatcart_engine_t* engine, const char* request, size_t request_len,
    const char* turn_result, size_t turn_result_len, const char* state, size_t state_len,
    char** new_state, size_t* new_state_len, char** result, size_t* result_len, char** errmsg) {
  static constexpr char kFn[] = "chatcart_experimental_channel_render";
  return Guard(errmsg, [&]() -> absl::Status {
    CHATCART_C_REQUIRE(kFn, new_state);
    CHATCART_C_REQUIRE(kFn, result);
    CHATCART_C_ASSIGN_BYTES(std::string_view request_text, kFn, request, request_len);
    CHATCART_C_ASSIGN_BYTES(std::string_view result_text, kFn, turn_result, turn_result_len);
    CHATCART_ASSIGN_OR_RETURN(Struct in, ParseObject(request_text, kFn, "render request"));
    CHATCART_ASSIGN_OR_RETURN(channels::RenderRequest r, ParseRenderRequest(in));
    chatcart::v1::TurnResult turn;
    CHATCART_RETURN_IF_ERROR(
        json::ParseMessage(CHATCART_FORMAT_JSON, result_text, kFn, "turn result", &turn));
    chatcart::v1::ChannelState channel_state;
    CHATCART_RETURN_IF_ERROR(ParseState(state, state_len, &channel_state));
    CHATCART_ASSIGN_OR_RETURN(std::vector<channels::OutboundMessage> messages,
                              channels::Render(turn, r, PolicyOf(engine), &channel_state));
    ListValue list;
    for (const channels::OutboundMessage& m : messages) {
      Struct s;
      json::Set(&s, "body", json::String(m.body));
      json::Set(&s, "contentType", json::String(m.content_type));
      if (!m.sms_text.empty()) {
        json::Set(&s, "smsText", json::String(m.sms_text));
        json::Set(&s, "smsEncoding",
                  json::String(m.sms_encoding == channels::SmsEncoding::kGsm7 ? "GSM-7" : "UCS-2"));
        json::Set(&s, "smsSegments", json::Number(m.sms_segments));
      }
      ListValue adjustments;
      for (const std::string& a : m.adjustments) *adjustments.add_values() = json::String(a);
      json::Set(&s, "adjustments", json::List(std::move(adjustments)));
      *list.add_values() = json::Object(std::move(s));
    }
    Struct out;
    json::Set(&out, "messages", json::List(std::move(list)));
    CHATCART_ASSIGN_OR_RETURN(std::string json_text, json::SerializeStruct(out));
    char* result_copy = nullptr;
    size_t copy_len = 0;
    CHATCART_RETURN_IF_ERROR(Output(json_text, &result_copy, &copy_len));
    absl::Status state_status = OutputState(channel_state, new_state, new_state_len);
    if (!state_status.ok()) {
      std::free(result_copy);
      return state_status;
    }
    *result = result_copy;
    if (result_len != nullptr) *result_len = copy_len;
    return absl::OkStatus();
  });
}

chatcart_code chatcart_experimental_channel_answer_subscribe(const char* query, size_t query_len,
                                                             const char* verify_token,
                                                             char** challenge, char** errmsg) {
  static constexpr char kFn[] = "chatcart_experimental_channel_answer_subscribe";
  return Guard(errmsg, [&]() -> absl::Status {
    CHATCART_C_REQUIRE(kFn, verify_token);
    CHATCART_C_REQUIRE(kFn, challenge);
    CHATCART_C_ASSIGN_BYTES(std::string_view text, kFn, query, query_len);
    CHATCART_ASSIGN_OR_RETURN(std::string answer, channels::AnswerSubscribe(text, verify_token));
    return Output(answer, challenge, nullptr);
  });
}

}  // extern "C"
