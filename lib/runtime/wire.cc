// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Conversations::HandleJson / HandleBytes: Handle through the
// chatcart.v1.ConversationRequest/Response messages.

#include "engine/wire.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "chatcart/limits.h"
#include "chatcart/runtime.h"
#include "chatcart/v1/runtime.pb.h"
#include "common/json_parse.h"
#include "common/status_macros.h"
#include "common/utf8_scrub.h"
#include "common/wire_utf8.h"

namespace chatcart {
namespace {

ConversationInput FromRequest(v1::ConversationRequest& request) {
  ConversationInput input;
  input.conversation_id = std::move(*request.mutable_conversation_id());
  input.shopper = std::move(*request.mutable_shopper());
  input.message_id = std::move(*request.mutable_message_id());
  input.turn.Swap(request.mutable_turn());
  return input;
}

// An error's message as a protobuf string field holds it: well-formed UTF-8
// (a message may quote what a host handed in; protobuf logs an ERROR line
// for each ill-formed string it serializes, #22).
std::string ErrorText(const absl::Status& status) {
  std::string text = status.ToString();
  ScrubUtf8InPlace(&text);
  return text;
}

v1::ConversationResponse ToResponse(const ConversationOutput& output) {
  v1::ConversationResponse response;
  *response.mutable_result() = output.result;
  response.set_version(output.version);
  response.set_applied_count(output.applied_count);
  response.set_duplicate(output.duplicate);
  response.set_restarted(output.restarted);
  response.set_conflicts(output.conflicts);
  for (const v1::DeskEvent& e : output.desk_events) *response.add_desk_events() = e;
  if (!output.desk_status.ok()) response.set_desk_error(ErrorText(output.desk_status));
  return response;
}

// Desk calls that return a DeskUpdate (its events for shoppers are
// delivered); the rest return the desk's own JSON.
bool ReturnsUpdate(std::string_view call) {
  static constexpr std::string_view kCalls[] = {
      "request_agent", "shopper_message", "bot_message", "leave_queue", "leave_message",
      "rate",          "set_agent",       "heartbeat",   "set_availability", "decline",
      "claim",         "assign",          "note",        "snooze"};
  return std::find(std::begin(kCalls), std::end(kCalls), call) != std::end(kCalls);
}

absl::StatusOr<std::string> DeskOutputToJson(const DeskOutput& output) {
  v1::ConversationsDeskResponse response;
  *response.mutable_update() = output.update;
  for (const v1::DeskEvent& e : output.events) *response.add_events() = e;
  for (const DeskOutput::Delivery& d : output.shoppers) {
    v1::DeskDelivery* delivery = response.add_shoppers();
    delivery->set_conversation_id(d.conversation_id);
    *delivery->mutable_output() = ToResponse(d.output);
  }
  if (!output.delivery_status.ok()) {
    response.set_delivery_error(ErrorText(output.delivery_status));
  }
  return engine::DeterministicJson(response);
}

}  // namespace

absl::StatusOr<ConversationsOptions> ConversationsOptionsFromConfig(
    const v1::ConversationsConfig& c) {
  using std::chrono::milliseconds;
  ConversationsOptions o;
  if (c.has_idle_expiry_ms()) o.idle_expiry = milliseconds(c.idle_expiry_ms());
  if (c.has_remembered_messages()) o.remembered_messages = c.remembered_messages();
  if (c.has_remembered_results()) o.remembered_results = c.remembered_results();
  if (c.has_cart_abandoned_after_ms()) {
    o.cart_abandoned_after = milliseconds(c.cart_abandoned_after_ms());
  }
  if (c.has_seed()) o.seed = c.seed();
  if (c.has_max_conflict_retries()) o.max_conflict_retries = c.max_conflict_retries();
  if (c.has_lease_ttl_ms()) o.lease_ttl = milliseconds(c.lease_ttl_ms());
  if (c.has_lease_wait_ms()) o.lease_wait = milliseconds(c.lease_wait_ms());
  if (c.has_owner()) o.owner = c.owner();
  if (c.has_desk_skill()) o.desk_skill = c.desk_skill();
  if (c.has_store_name()) o.store_name = c.store_name();
  if (c.desk_policy().canned_reply_size() > 0) {
    CHATCART_ASSIGN_OR_RETURN(
        CannedReplies canned,
        CannedReplies::Create({c.desk_policy().canned_reply().begin(),
                               c.desk_policy().canned_reply().end()}));
    o.canned_replies = std::make_shared<const CannedReplies>(std::move(canned));
  }
  return o;
}

absl::StatusOr<std::string> ConversationOutputToJson(const ConversationOutput& output) {
  return engine::DeterministicJson(ToResponse(output));
}

std::string ConversationOutputToBytes(const ConversationOutput& output) {
  return engine::DeterministicBytes(ToResponse(output));
}

absl::StatusOr<std::string> Conversations::HandleJson(std::string_view request_json) {
  v1::ConversationRequest request;
  CHATCART_RETURN_IF_ERROR(engine::ParseJson(request_json, "ConversationRequest", &request));
  CHATCART_ASSIGN_OR_RETURN(ConversationOutput output, Handle(FromRequest(request)));
  return engine::DeterministicJson(ToResponse(output));
}

absl::StatusOr<std::string> Conversations::DeskCallJson(std::string_view request_json,
                                                        int64_t now_ms) {
  CHATCART_RETURN_IF_ERROR(NeedDesk());
  CHATCART_RETURN_IF_ERROR(CheckJsonLimits(request_json, "desk call"));
  v1::ConversationsDeskCall call;
  google::protobuf::util::JsonParseOptions lenient;
  lenient.ignore_unknown_fields = true;  // the desk's own keys
  CHATCART_RETURN_IF_ERROR(JsonToMessage(
      request_json, "the desk call is no JSON object with a \"call\" key", &call, lenient));
  absl::StatusOr<DeskOutput> out;
  if (call.call() == "accept") {
    out = Accept(call.agent(), call.conversation(), now_ms);
  } else if (call.call() == "agent_message") {
    out = AgentMessage(call.agent(), call.conversation(), call.message_id(), call.text(), now_ms);
  } else if (call.call() == "resolve") {
    out = Resolve(call.agent(), call.conversation(), now_ms);
  } else if (call.call() == "tick") {
    out = TickDesk(now_ms);
  } else if (call.call() == "suggest") {
    CHATCART_ASSIGN_OR_RETURN(v1::AgentSuggestions suggested,
                              SuggestForAgent(call.conversation(), call.text(), now_ms));
    return engine::DeterministicJson(suggested);
  } else {
    CHATCART_ASSIGN_OR_RETURN(std::string raw,
                              options_.desk->CallJson(request_json, absl::FromUnixMillis(now_ms)));
    if (!ReturnsUpdate(call.call())) return raw;
    v1::DeskUpdate update;
    auto read = google::protobuf::util::JsonStringToMessage(raw, &update);
    if (!read.ok()) return absl::InternalError("the desk's update does not read back");
    out = Deliver(update, now_ms);
  }
  if (!out.ok()) return out.status();
  return DeskOutputToJson(*out);
}

absl::StatusOr<std::string> Conversations::HandleBytes(std::string_view request_proto) {
  if (request_proto.size() > kMaxProtoBytes) {
    return absl::ResourceExhaustedError(absl::StrCat("ConversationRequest: ", request_proto.size(),
                                                     " bytes, over the limit of ", kMaxProtoBytes,
                                                     " (kMaxProtoBytes)"));
  }
  // Before parsing: protobuf would log an ERROR line for an ill-formed
  // string (#22).
  if (std::string field = IllFormedUtf8Field(*v1::ConversationRequest::descriptor(), request_proto);
      !field.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("ConversationRequest: ", field, " is not well-formed UTF-8"));
  }
  v1::ConversationRequest request;
  if (!request.ParseFromArray(request_proto.data(), static_cast<int>(request_proto.size()))) {
    return absl::InvalidArgumentError(
        absl::StrCat("the ", request_proto.size(),
                     " bytes given do not parse as a chatcart.v1.ConversationRequest"));
  }
  CHATCART_ASSIGN_OR_RETURN(ConversationOutput output, Handle(FromRequest(request)));
  return engine::DeterministicBytes(ToResponse(output));
}

}  // namespace chatcart
