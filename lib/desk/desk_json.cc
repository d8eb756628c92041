// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Desk::CallJson: every desk call as one JSON object in and a protobuf JSON
// message out, for the C API and the Python binding (and any host that
// speaks JSON).

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/desk.h"
#include "chatcart/limits.h"
#include "common/echo.h"
#include "common/json_parse.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace chatcart {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

class Request {
 public:
  explicit Request(const Struct& s) : s_(s) {}

  absl::StatusOr<std::string> String(const std::string& key, bool required = true) const {
    auto it = s_.fields().find(key);
    if (it == s_.fields().end()) {
      if (!required) return std::string();
      return absl::InvalidArgumentError(
          absl::StrCat("desk call \"", Echo(call()), "\": \"", Echo(key), "\" is missing"));
    }
    if (it->second.kind_case() != Value::kStringValue) {
      return absl::InvalidArgumentError(
          absl::StrCat("desk call \"", Echo(call()), "\": \"", Echo(key), "\" must be a string"));
    }
    return it->second.string_value();
  }
  absl::StatusOr<int64_t> Number(const std::string& key, bool required = true) const {
    auto it = s_.fields().find(key);
    if (it == s_.fields().end()) {
      if (!required) return 0;
      return absl::InvalidArgumentError(
          absl::StrCat("desk call \"", Echo(call()), "\": \"", Echo(key), "\" is missing"));
    }
    if (it->second.kind_case() != Value::kNumberValue) {
      return absl::InvalidArgumentError(
          absl::StrCat("desk call \"", Echo(call()), "\": \"", Echo(key), "\" must be a number"));
    }
    return static_cast<int64_t>(it->second.number_value());
  }
  absl::StatusOr<std::vector<std::string>> Strings(const std::string& key) const {
    std::vector<std::string> out;
    auto it = s_.fields().find(key);
    if (it == s_.fields().end()) return out;
    if (it->second.kind_case() != Value::kListValue) {
      return absl::InvalidArgumentError(absl::StrCat("desk call \"", Echo(call()), "\": \"",
                                                     Echo(key), "\" must be a list of strings"));
    }
    for (const Value& v : it->second.list_value().values()) {
      if (v.kind_case() != Value::kStringValue) {
        return absl::InvalidArgumentError(absl::StrCat("desk call \"", Echo(call()), "\": \"",
                                                       Echo(key), "\" must be a list of strings"));
      }
      out.push_back(v.string_value());
    }
    return out;
  }
  std::string call() const {
    auto it = s_.fields().find("call");
    return it == s_.fields().end() ? "" : it->second.string_value();
  }

 private:
  const Struct& s_;
};

absl::StatusOr<std::string> ToJson(const google::protobuf::Message& m) {
  std::string out;
  google::protobuf::util::JsonPrintOptions options;
  auto status = google::protobuf::util::MessageToJsonString(m, &out, options);
  if (!status.ok()) return absl::InternalError(std::string(status.message()));
  return out;
}

template <typename T>
absl::StatusOr<std::string> Out(absl::StatusOr<T> result) {
  if (!result.ok()) return result.status();
  return ToJson(*result);
}

}  // namespace

absl::StatusOr<std::string> Desk::CallJson(std::string_view request_json, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(CheckJsonLimits(request_json, "desk call"));
  Struct s;
  CHATCART_RETURN_IF_ERROR(JsonToMessage(request_json, "desk call: not a JSON object", &s));
  Request r(s);
  const std::string call = r.call();
  auto conv = [&]() { return r.String("conversation"); };
  auto agent = [&]() { return r.String("agent"); };
  if (call == "request_agent") {
    HandoffRequest h;
    CHATCART_ASSIGN_OR_RETURN(h.conversation_id, conv());
    CHATCART_ASSIGN_OR_RETURN(h.skill, r.String("skill", false));
    CHATCART_ASSIGN_OR_RETURN(h.language, r.String("language", false));
    CHATCART_ASSIGN_OR_RETURN(h.reason, r.String("reason", false));
    CHATCART_ASSIGN_OR_RETURN(h.title, r.String("title", false));
    CHATCART_ASSIGN_OR_RETURN(h.channel, r.String("channel", false));
    CHATCART_ASSIGN_OR_RETURN(std::string priority, r.String("priority", false));
    if (!priority.empty() && !v1::DeskPriority_Parse(priority, &h.priority)) {
      return absl::InvalidArgumentError(
          absl::StrCat("desk call \"request_agent\": unknown priority \"", Echo(priority), "\""));
    }
    return Out(RequestAgent(h, now));
  }
  if (call == "shopper_message" || call == "bot_message") {
    CHATCART_ASSIGN_OR_RETURN(std::string c, conv());
    CHATCART_ASSIGN_OR_RETURN(std::string text, r.String("text"));
    return Out(call == "bot_message" ? BotMessage(c, text, now) : ShopperMessage(c, text, now));
  }
  if (call == "leave_queue") {
    CHATCART_ASSIGN_OR_RETURN(std::string c, conv());
    return Out(LeaveQueue(c, now));
  }
  if (call == "leave_message") {
    CHATCART_ASSIGN_OR_RETURN(std::string c, conv());
    CHATCART_ASSIGN_OR_RETURN(std::string text, r.String("text", false));
    CHATCART_ASSIGN_OR_RETURN(std::string contact, r.String("contact", false));
    return Out(LeaveMessage(c, text, contact, now));
  }
  if (call == "rate") {
    CHATCART_ASSIGN_OR_RETURN(std::string c, conv());
    CHATCART_ASSIGN_OR_RETURN(int64_t score, r.Number("score"));
    CHATCART_ASSIGN_OR_RETURN(std::string comment, r.String("comment", false));
    return Out(Rate(c, static_cast<int>(score), comment, now));
  }
  if (call == "set_agent") {
    AgentProfile p;
    CHATCART_ASSIGN_OR_RETURN(p.id, agent());
    CHATCART_ASSIGN_OR_RETURN(p.name, r.String("name", false));
    CHATCART_ASSIGN_OR_RETURN(p.skills, r.Strings("skills"));
    CHATCART_ASSIGN_OR_RETURN(p.languages, r.Strings("languages"));
    CHATCART_ASSIGN_OR_RETURN(int64_t capacity, r.Number("capacity", false));
    p.capacity = static_cast<int>(capacity);
    return Out(SetAgent(p, now));
  }
  if (call == "heartbeat") {
    CHATCART_ASSIGN_OR_RETURN(std::string a, agent());
    return Out(Heartbeat(a, now));
  }
  if (call == "set_availability") {
    CHATCART_ASSIGN_OR_RETURN(std::string a, agent());
    CHATCART_ASSIGN_OR_RETURN(std::string name, r.String("availability"));
    v1::DeskAgent::Availability availability;
    if (!v1::DeskAgent::Availability_Parse(name, &availability)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "desk call \"set_availability\": availability must be ONLINE, AWAY or OFFLINE, not \"",
          Echo(name), "\""));
    }
    return Out(SetAvailability(a, availability, now));
  }
  if (call == "accept" || call == "decline" || call == "claim" || call == "resolve" ||
      call == "assign") {
    CHATCART_ASSIGN_OR_RETURN(std::string c, conv());
    CHATCART_ASSIGN_OR_RETURN(std::string a, r.String("agent", call != "resolve"));
    if (call == "accept") return Out(Accept(a, c, now));
    if (call == "decline") return Out(Decline(a, c, now));
    if (call == "claim") return Out(Claim(a, c, now));
    if (call == "assign") return Out(Assign(c, a, now));
    return Out(Resolve(a, c, now));
  }
  if (call == "agent_message" || call == "note") {
    CHATCART_ASSIGN_OR_RETURN(std::string c, conv());
    CHATCART_ASSIGN_OR_RETURN(std::string a, agent());
    CHATCART_ASSIGN_OR_RETURN(std::string text, r.String("text"));
    return Out(call == "note" ? AddNote(a, c, text, now) : AgentMessage(a, c, text, now));
  }
  if (call == "snooze") {
    CHATCART_ASSIGN_OR_RETURN(std::string c, conv());
    CHATCART_ASSIGN_OR_RETURN(std::string a, agent());
    CHATCART_ASSIGN_OR_RETURN(int64_t until, r.Number("untilUnixMs"));
    return Out(Snooze(a, c, absl::FromUnixMillis(until), now));
  }
  if (call == "tick") return Out(Tick(now));
  if (call == "queue_status") {
    CHATCART_ASSIGN_OR_RETURN(std::string c, conv());
    return Out(QueueStatus(c, now));
  }
  if (call == "conversation") {
    CHATCART_ASSIGN_OR_RETURN(std::string c, conv());
    return Out(Conversation(c));
  }
  if (call == "agent") {
    CHATCART_ASSIGN_OR_RETURN(std::string a, agent());
    return Out(Agent(a));
  }
  if (call == "transcript") {
    CHATCART_ASSIGN_OR_RETURN(std::string c, conv());
    return Out(Transcript(c));
  }
  if (call == "transcript_email") {
    CHATCART_ASSIGN_OR_RETURN(std::string c, conv());
    TranscriptEmailOptions o;
    CHATCART_ASSIGN_OR_RETURN(o.subject, r.String("subject", false));
    CHATCART_ASSIGN_OR_RETURN(o.reply_to, r.String("replyTo", false));
    return Out(TranscriptEmail(c, o));
  }
  if (call == "queue_stats") {
    CHATCART_ASSIGN_OR_RETURN(std::string skill, r.String("skill", false));
    CHATCART_ASSIGN_OR_RETURN(std::string language, r.String("language", false));
    return Out(QueueStats(skill, language));
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "desk call: unknown \"call\": \"", Echo(call),
      "\" (request_agent, shopper_message, bot_message, leave_queue, leave_message, rate, "
      "set_agent, heartbeat, set_availability, accept, decline, claim, assign, agent_message, "
      "note, snooze, resolve, tick, queue_status, conversation, agent, transcript, "
      "transcript_email, queue_stats)"));
}

}  // namespace chatcart
