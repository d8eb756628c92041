// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Observe: the channel's rules on an inbound message. Duplicates (Meta and
// Twilio retry a webhook that was not answered 200 in time), the 24-hour
// window (opened and refreshed only by the shopper's messages:
// developers.facebook.com/docs/messenger-platform/policy/policy-overview;
// WhatsApp's customer-service window, docs.ycloud.com service-messages:
// "your own outbound messages do not refresh it"), and the SMS keywords:
// opt-out STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT plus Twilio's REVOKE
// and OPTOUT (twilio.com/docs/messaging/tutorials/advanced-opt-out), opt-in
// START, UNSTOP, YES, help HELP and INFO; exact, single-word, any case
// (Braze's SMS keyword rules). A HELP reply carries brand, program,
// frequency, "Msg&data rates may apply", how to stop and a contact (CTIA
// Messaging Principles and Best Practices); an opt-out gets one confirmation
// that nothing more will be sent.

#include <algorithm>
#include <string>

#include "channels/cat.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "channels/text_fit.h"
#include "chatcart/channels.h"
#include "common/strings.h"

namespace chatcart::channels {

using internal::Append;
using internal::Cat;
namespace {

constexpr int kRecentIds = 64;

constexpr std::string_view kOptOut[] = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL",
                                        "END",  "QUIT",    "REVOKE",      "OPTOUT"};
constexpr std::string_view kOptIn[] = {"START", "UNSTOP", "YES"};
constexpr std::string_view kHelp[] = {"HELP", "INFO"};

template <size_t N>
bool OneOf(std::string_view word, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// The message as one upper-case keyword, or empty when it is not one word of
// letters and digits (surrounding spaces and a final '.' or '!' allowed).
std::string Keyword(std::string_view text) {
  std::string word(absl::StripAsciiWhitespace(ToAbsl(text)));
  while (!word.empty() && (word.back() == '.' || word.back() == '!')) word.pop_back();
  if (word.empty() || word.size() > 32) return "";
  for (char c : word) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) return "";
  }
  return absl::AsciiStrToUpper(word);
}

std::string Program(const v1::ChannelPolicy& policy, std::string_view store_name) {
  if (!policy.sms().program().empty()) return policy.sms().program();
  return std::string(store_name.empty() ? "This service" : store_name);
}

}  // namespace

absl::StatusOr<Observation> Observe(const InboundMessage& message, const v1::ChannelPolicy& policy,
                                    std::string_view store_name, v1::ChannelState* state) {
  std::string_view name = ChannelName(message.channel);
  if (!state->channel().empty() && state->channel() != name) {
    return absl::InvalidArgumentError(Cat("channel state of \"", state->channel(),
                                                   "\" given a ", ToAbsl(name), " message"));
  }
  state->set_channel(std::string(name));
  Observation seen;
  seen.input = message.input;

  uint64_t id_hash = internal::Fnv1a64(message.message_id);
  const auto& recent = state->recent_message_ids();
  if (!message.message_id.empty() &&
      std::find(recent.begin(), recent.end(), id_hash) != recent.end()) {
    seen.duplicate = true;
    return seen;
  }
  if (!message.message_id.empty()) {
    state->add_recent_message_ids(id_hash);
    if (state->recent_message_ids_size() > kRecentIds) {
      auto* ids = state->mutable_recent_message_ids();
      ids->erase(ids->begin(), ids->begin() + (ids->size() - kRecentIds));
    }
  }

  if (message.kind == InboundKind::kDelivery || message.kind == InboundKind::kRead) {
    return seen;  // receipts open no window and are no turn
  }
  // The shopper acted: the window opens or refreshes.
  if (message.time_ms > state->last_shopper_message_ms()) {
    state->set_last_shopper_message_ms(message.time_ms);
  }
  if (message.kind == InboundKind::kReferral && message.input.event().kind() == "ad_click" &&
      message.channel == Channel::kMessenger) {
    state->set_ad_window_until_ms(message.time_ms + Limits::kAdWindowMs);
  }

  if (message.channel != Channel::kSms || message.input.text().empty()) {
    seen.forward = !(message.channel == Channel::kSms && state->sms_opted_out());
    return seen;
  }
  std::string word = Keyword(message.input.text());
  std::string program = Program(policy, store_name);
  if (OneOf(word, kOptOut)) {
    seen.keyword = "opt_out";
    if (!state->sms_opted_out()) {
      // One confirmation; nothing after it.
      state->set_sms_opted_out(true);
      state->set_sms_opted_out_ms(message.time_ms);
      state->clear_sms_more();
      seen.reply = Cat(program, ": you are unsubscribed and will receive no further "
                                "messages. Reply START to subscribe again.");
    }
    return seen;
  }
  if (OneOf(word, kHelp)) {
    seen.keyword = "help";
    std::string frequency =
        policy.sms().frequency().empty() ? "Msg frequency varies" : policy.sms().frequency();
    std::string contact = policy.sms().contact().empty()
                              ? std::string()
                              : Cat(" Help: ", policy.sms().contact(), ".");
    seen.reply = Cat(program, ": shopping help by text. ", frequency,
                              ". Msg&data rates may apply. Reply STOP to cancel.", contact);
    return seen;
  }
  if (state->sms_opted_out()) {
    if (OneOf(word, kOptIn)) {
      seen.keyword = "opt_in";
      state->set_sms_opted_out(false);
      state->set_sms_opted_out_ms(0);
      seen.reply = Cat(program, ": you are subscribed again. Reply HELP for help, STOP to "
                                "cancel. Msg&data rates may apply.");
    }
    return seen;  // nothing else reaches the bot of an opted-out shopper
  }
  if (word == "MORE" && !state->sms_more().empty()) {
    seen.keyword = "more";
    std::string waiting = state->sms_more();
    size_t separator = waiting.find('\x1e');  // render_internal.h kSmsPartSeparator
    seen.reply = waiting.substr(0, separator);
    state->set_sms_more(separator == std::string::npos ? "" : waiting.substr(separator + 1));
    return seen;
  }
  for (const v1::SmsKeyword& keyword : policy.sms().keyword()) {
    if (!word.empty() && absl::AsciiStrToUpper(keyword.word()) == word) {
      seen.keyword = "keyword";
      seen.input.clear_text();
      if (!keyword.payload().empty()) {
        seen.input.set_payload(keyword.payload());
      } else {
        seen.input.mutable_event()->set_kind(keyword.event());
        (*seen.input.mutable_event()->mutable_param())["keyword"] = word;
      }
      seen.forward = true;
      return seen;
    }
  }
  state->clear_sms_more();  // a new message: the rest of the last reply is moot
  seen.forward = true;
  return seen;
}

}  // namespace chatcart::channels
