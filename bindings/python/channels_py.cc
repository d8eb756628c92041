// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// _chatcart's channel functions (chatcart/channels.h), wrapped by the
// chatcart.channels façade. Channel state crosses as ChannelState bytes;
// turn results as protobuf JSON text or binary bytes. Pure functions: the
// GIL is released around the work.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "chatcart/channels.h"
#include "chatcart/wire.h"
#include "common_py.h"
#include "google/protobuf/util/json_util.h"
#include "proto_py.h"
#include "pybind11/pybind11.h"
#include "pybind11/stl.h"

namespace py = pybind11;

namespace chatcart::python {
namespace {

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

channels::Channel ChannelOrThrow(const std::string& name) {
  return ValueOrThrow(channels::ParseChannel(name));
}

std::string InputJson(const v1::TurnInput& input) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  (void)google::protobuf::util::MessageToJsonString(input, &json, options);
  return json;
}

v1::ChannelState StateOrThrow(const py::bytes& bytes) {
  v1::ChannelState state;
  std::string data = bytes;
  if (data.empty()) return state;
  // Checked before parsing, so protobuf logs no ERROR line (#22).
  if (absl::Status parsed = ParseBytes(data, "channel state", &state); !parsed.ok()) {
    ThrowStatus(parsed);
  }
  return state;
}

const v1::ChannelPolicy& PolicyOf(const std::shared_ptr<PyEngine>& engine) {
  static const v1::ChannelPolicy kNone;
  return engine == nullptr ? kNone : engine->engine->channel_policy();
}

}  // namespace

void DefineChannels(py::module_& m) {
  py::class_<channels::InboundMessage>(m, "InboundMessage")
      .def_property_readonly("channel",
                             [](const channels::InboundMessage& i) {
                               return std::string(channels::ChannelName(i.channel));
                             })
      .def_property_readonly("kind",
                             [](const channels::InboundMessage& i) {
                               return std::string(KindName(i.kind));
                             })
      .def_readonly("account", &channels::InboundMessage::account)
      .def_readonly("shopper", &channels::InboundMessage::shopper)
      .def_readonly("message_id", &channels::InboundMessage::message_id)
      .def_readonly("time_ms", &channels::InboundMessage::time_ms)
      .def_property_readonly("input",
                             [](const channels::InboundMessage& i) { return MessageToPython(i.input); })
      .def_property_readonly("input_json",
                             [](const channels::InboundMessage& i) { return InputJson(i.input); });

  m.def(
      "channel_parse",
      [](const std::string& channel, const py::bytes& body, std::optional<std::string> signature,
         std::optional<std::string> url, int64_t received_ms, const std::string& meta_app_secret,
         const std::string& twilio_auth_token, bool skip_signature_check) {
        channels::Channel which = ChannelOrThrow(channel);
        std::string raw = body;
        channels::Credentials creds;
        creds.meta_app_secret = meta_app_secret;
        creds.twilio_auth_token = twilio_auth_token;
        creds.skip_signature_check = skip_signature_check;
        channels::WebhookRequest request;
        request.body = raw;
        if (signature) request.signature = *signature;
        if (url) request.url = *url;
        request.received_ms = received_ms;
        absl::StatusOr<channels::Inbound> inbound;
        {
          py::gil_scoped_release release;
          inbound = channels::ParseWebhook(which, request, creds);
        }
        channels::Inbound value = ValueOrThrow(std::move(inbound));
        std::vector<std::pair<std::string, std::string>> ignored;
        for (const auto& e : value.ignored) ignored.emplace_back(e.what, e.why);
        return py::make_tuple(std::move(value.messages), ignored);
      },
      py::arg("channel"), py::arg("body"), py::arg("signature"), py::arg("url"),
      py::arg("received_ms"), py::arg("meta_app_secret"), py::arg("twilio_auth_token"),
      py::arg("skip_signature_check"));

  m.def(
      "channel_observe",
      [](const channels::InboundMessage& message, const py::bytes& state_bytes,
         const std::shared_ptr<PyEngine>& engine, const std::string& store_name) {
        v1::ChannelState state = StateOrThrow(state_bytes);
        absl::StatusOr<channels::Observation> seen;
        {
          py::gil_scoped_release release;
          seen = channels::Observe(message, PolicyOf(engine), store_name, &state);
        }
        channels::Observation value = ValueOrThrow(std::move(seen));
        py::dict out;
        out["duplicate"] = value.duplicate;
        out["forward"] = value.forward;
        out["input"] = MessageToPython(value.input);
        out["input_json"] = InputJson(value.input);
        out["reply"] = value.reply.has_value() ? py::object(py::str(*value.reply)) : py::none();
        out["keyword"] = value.keyword;
        std::string bytes;
        state.SerializeToString(&bytes);
        return py::make_tuple(out, py::bytes(bytes));
      },
      py::arg("message"), py::arg("state"), py::arg("engine"), py::arg("store_name"));

  m.def(
      "channel_render",
      [](const py::object& turn_result, const std::string& channel, const std::string& shopper,
         const std::string& account, int64_t now_ms, const std::string& purpose,
         const std::string& event_kind, const std::vector<std::pair<std::string, std::string>>& params,
         int sms_max_segments, const py::bytes& state_bytes, const std::shared_ptr<PyEngine>& engine) {
        v1::TurnResult result;
        if (py::isinstance<py::bytes>(turn_result)) {
          std::string data = turn_result.cast<py::bytes>();
          if (absl::Status parsed = ParseBytes(data, "turn result", &result); !parsed.ok()) {
            ThrowStatus(parsed);
          }
        } else {
          std::string json = turn_result.cast<std::string>();
          if (absl::Status parsed = ParseJson(json, "turn result", &result); !parsed.ok()) {
            ThrowStatus(parsed);
          }
        }
        channels::RenderRequest request;
        request.channel = ChannelOrThrow(channel);
        request.shopper = shopper;
        request.account = account;
        request.now_ms = now_ms;
        if (purpose == "response") {
          request.purpose = channels::Purpose::kResponse;
        } else if (purpose == "proactive") {
          request.purpose = channels::Purpose::kProactive;
        } else if (purpose == "human_agent") {
          request.purpose = channels::Purpose::kHumanAgent;
        } else {
          ThrowStatus(absl::InvalidArgumentError("purpose: \"" + purpose +
                                                 "\" (response, proactive, human_agent)"));
        }
        request.event.set_kind(event_kind);
        for (const auto& [k, v] : params) (*request.event.mutable_param())[k] = v;
        request.sms_max_segments = sms_max_segments;
        v1::ChannelState state = StateOrThrow(state_bytes);
        absl::StatusOr<std::vector<channels::OutboundMessage>> out;
        {
          py::gil_scoped_release release;
          out = channels::Render(result, request, PolicyOf(engine), &state);
        }
        std::vector<channels::OutboundMessage> messages = ValueOrThrow(std::move(out));
        py::list list;
        for (const channels::OutboundMessage& message : messages) {
          py::dict d;
          d["body"] = py::bytes(message.body);
          d["content_type"] = message.content_type;
          d["sms_text"] = message.sms_text;
          d["sms_encoding"] = message.sms_encoding == channels::SmsEncoding::kNone ? ""
                              : message.sms_encoding == channels::SmsEncoding::kGsm7
                                  ? "GSM-7"
                                  : "UCS-2";
          d["sms_segments"] = message.sms_segments;
          d["adjustments"] = message.adjustments;
          list.append(d);
        }
        std::string bytes;
        state.SerializeToString(&bytes);
        return py::make_tuple(list, py::bytes(bytes));
      },
      py::arg("turn_result"), py::arg("channel"), py::arg("shopper"), py::arg("account"),
      py::arg("now_ms"), py::arg("purpose"), py::arg("event_kind"), py::arg("event_params"),
      py::arg("sms_max_segments"), py::arg("state"), py::arg("engine"));

  m.def(
      "meta_signature",
      [](const py::bytes& body, const std::string& secret) {
        return channels::MetaSignature(std::string(body), secret);
      },
      py::arg("body"), py::arg("app_secret"));
  m.def(
      "twilio_signature",
      [](const std::string& url, const py::bytes& form, const std::string& token) {
        return ValueOrThrow(channels::TwilioSignature(url, std::string(form), token));
      },
      py::arg("url"), py::arg("form_body"), py::arg("auth_token"));
  m.def(
      "answer_subscribe",
      [](const std::string& query, const std::string& token) {
        return ValueOrThrow(channels::AnswerSubscribe(query, token));
      },
      py::arg("query"), py::arg("verify_token"));
  m.def(
      "sms_cost",
      [](const std::string& text) {
        channels::SmsCost cost = channels::SmsCostOf(text);
        return py::make_tuple(cost.encoding == channels::SmsEncoding::kGsm7 ? "GSM-7" : "UCS-2",
                              cost.units, cost.segments);
      },
      py::arg("text"));
}

}  // namespace chatcart::python
