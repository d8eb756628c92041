// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Render: the messaging windows first, then the platform's renderer.
//
// Messenger: the standard messaging window is 24 hours from the person's
// last message, up to 7 days after a Click-to-Messenger ad; outside it only
// message tags, which may not carry promotions: POST_PURCHASE_UPDATE,
// ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE, and HUMAN_AGENT for a person's
// reply within 7 days (developers.facebook.com/docs/messenger-platform/
// policy/policy-overview, .../send-messages/message-tags; the legacy tags
// were removed on 4 March 2020). WhatsApp: free-form messages only within
// the 24-hour customer-service window the user's messages open; outside it
// an approved template (developers.facebook.com/docs/whatsapp/
// conversation-types; Twilio error 63016). SMS: nothing after an opt-out.

#include <algorithm>
#include <string>
#include <utility>

#include "channels/cat.h"
#include "absl/strings/str_cat.h"
#include "channels/render_internal.h"
#include "common/locale.h"
#include "common/strings.h"

namespace chatcart::channels {

using internal::Append;
using internal::Cat;
namespace internal {

const Words& WordsFor(std::string_view language) {
  static const Words kEn{"View", "Options", "Choose an option:", "Reply MORE for more."};
  static const Words kIt{"Vedi", "Opzioni", "Scegli un'opzione:", "Rispondi MORE per il resto."};
  static const Words kFr{"Voir", "Options", "Choisissez une option :",
                         "R\u00e9pondez MORE pour la suite."};
  if (LocaleSpeaks(language, "it")) return kIt;
  if (LocaleSpeaks(language, "fr")) return kFr;
  return kEn;
}

void CollapseAdjustments(std::vector<std::string>* adjustments) {
  std::vector<std::pair<std::string, int>> counted;
  for (std::string& a : *adjustments) {
    auto it = std::find_if(counted.begin(), counted.end(),
                           [&](const auto& c) { return c.first == a; });
    if (it == counted.end()) {
      counted.emplace_back(std::move(a), 1);
    } else {
      ++it->second;
    }
  }
  adjustments->clear();
  for (auto& [text, n] : counted) {
    adjustments->push_back(n == 1 ? std::move(text) : Cat(text, " (", n, " times)"));
  }
}

namespace {

std::string Hours(int64_t ms) {
  return Cat(ms / 3600000, " h ", (ms / 60000) % 60, " min");
}

std::string_view BuiltinTag(std::string_view event) {
  if (event == "order_placed" || event == "order_shipped" || event == "order_delivered" ||
      event == "order_amended" || event == "order_cancelled" || event == "payment_received") {
    return "POST_PURCHASE_UPDATE";
  }
  return "";
}

std::string_view LanguageOf(std::string_view code) {
  size_t cut = code.find_first_of("_-");
  return code.substr(0, cut);
}

absl::StatusOr<Delivery> CheckWindow(const v1::TurnResult& result, const RenderRequest& request,
                                     const v1::ChannelPolicy& policy,
                                     const v1::ChannelState* state) {
  Delivery delivery;
  std::string_view channel = ChannelName(request.channel);
  if (request.channel == Channel::kSms) {
    if (state != nullptr && state->sms_opted_out()) {
      return absl::FailedPreconditionError(
          Cat("sms: ", request.shopper, " opted out (STOP) and has not opted back in: ",
                       "nothing may be sent until they text START"));
    }
    return delivery;
  }
  if (request.channel == Channel::kWeb) return delivery;

  const int64_t last = state == nullptr ? 0 : state->last_shopper_message_ms();
  const int64_t since = request.now_ms - last;
  bool open;
  if (state == nullptr) {
    // No state: only an answer to the message just received can go out.
    open = request.purpose == Purpose::kResponse;
  } else {
    open = (last > 0 && since <= Limits::kWindowMs) ||
           (request.channel == Channel::kMessenger && request.now_ms <= state->ad_window_until_ms());
  }
  if (open) {
    delivery.messaging_type = request.purpose == Purpose::kProactive ? "UPDATE" : "RESPONSE";
    return delivery;
  }
  std::string why = last == 0 ? std::string("the shopper never wrote")
                              : Cat("the shopper's last message was ", Hours(since), " ago");
  if (request.channel == Channel::kMessenger) {
    if (request.purpose == Purpose::kHumanAgent) {
      if (last > 0 && since <= Limits::kHumanAgentWindowMs) {
        delivery.messaging_type = "MESSAGE_TAG";
        delivery.tag = "HUMAN_AGENT";
        return delivery;
      }
      return absl::FailedPreconditionError(Cat(
          "messenger: ", why, ", beyond the 7 days a person may reply under HUMAN_AGENT"));
    }
    if (request.purpose == Purpose::kProactive) {
      std::string tag(BuiltinTag(request.event.kind()));
      for (const v1::MessengerTagRoute& route : policy.messenger_tag()) {
        if (route.event() == request.event.kind()) tag = route.tag();
      }
      if (!tag.empty()) {
        delivery.messaging_type = "MESSAGE_TAG";
        delivery.tag = tag;
        delivery.no_promotions = true;
        return delivery;
      }
      return absl::FailedPreconditionError(Cat(
          "messenger: ", why, ", outside the 24-hour standard messaging window, and event \"",
          request.event.kind(),
          "\" has no message tag (POST_PURCHASE_UPDATE, ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE; "
          "tags may not carry promotions)"));
    }
    return absl::FailedPreconditionError(
        Cat("messenger: ", why, ": the 24-hour window to answer has closed"));
  }
  // WhatsApp: a template or nothing.
  if (request.purpose == Purpose::kProactive) {
    const v1::WhatsAppTemplate* any = nullptr;
    for (const v1::WhatsAppTemplate& t : policy.whatsapp_template()) {
      for (const std::string& event : t.event()) {
        if (event != request.event.kind()) continue;
        if (LanguageOf(t.language()) == LanguageOf(result.language())) {
          delivery.whatsapp_template = &t;
          return delivery;
        }
        if (any == nullptr) any = &t;
      }
    }
    if (any != nullptr) {
      delivery.whatsapp_template = any;
      return delivery;
    }
    return absl::FailedPreconditionError(Cat(
        "whatsapp: ", why, ", outside the 24-hour customer-service window, and the bundle "
        "declares no approved template for event \"", request.event.kind(), "\""));
  }
  return absl::FailedPreconditionError(Cat(
      ToAbsl(channel), ": ", why, ": the 24-hour customer-service window has closed (only an ",
      "approved template may go out)"));
}

}  // namespace
}  // namespace internal

absl::StatusOr<std::vector<OutboundMessage>> Render(const v1::TurnResult& result,
                                                    const RenderRequest& request,
                                                    const v1::ChannelPolicy& policy,
                                                    v1::ChannelState* state) {
  if (request.shopper.empty()) {
    return absl::InvalidArgumentError(
        Cat(ToAbsl(ChannelName(request.channel)), ": the recipient (shopper) is empty"));
  }
  if (request.channel == Channel::kSms && request.account.empty()) {
    return absl::InvalidArgumentError("sms: the sending number (account) is empty");
  }
  absl::StatusOr<internal::Delivery> delivery =
      internal::CheckWindow(result, request, policy, state);
  if (!delivery.ok()) return delivery.status();
  switch (request.channel) {
    case Channel::kMessenger:
      return internal::RenderMessenger(result, request, *delivery);
    case Channel::kWhatsApp:
      return internal::RenderWhatsApp(result, request, *delivery);
    case Channel::kSms:
      return internal::RenderSms(result, request, state);
    case Channel::kWeb:
      return internal::RenderWeb(result, request);
  }
  return absl::InvalidArgumentError("unknown channel");
}

}  // namespace chatcart::channels
