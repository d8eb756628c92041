// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The per-platform renderers behind Render, after the window check decided
// how the messages may go out. Thread-safe.

#ifndef CHATCART_CHANNELS_RENDER_INTERNAL_H_
#define CHATCART_CHANNELS_RENDER_INTERNAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "chatcart/channels.h"

namespace chatcart::channels::internal {

// How the window check lets a message out.
struct Delivery {
  // Messenger: "RESPONSE", "UPDATE" or "MESSAGE_TAG" (with `tag`).
  std::string messaging_type = "RESPONSE";
  std::string tag;
  // Tagged messages may not carry promotions: product cards are left out.
  bool no_promotions = false;
  // WhatsApp outside the window: the template to send instead.
  const v1::WhatsAppTemplate* whatsapp_template = nullptr;
};

// The few words the renderers add, in the turn's language (en, it, fr).
struct Words {
  std::string_view view;          // a product's URL button
  std::string_view options;       // WhatsApp list button
  std::string_view choose;        // WhatsApp interactive body when the text went before
  std::string_view reply_more;    // SMS: how to get the rest
};
const Words& WordsFor(std::string_view language);

absl::StatusOr<std::vector<OutboundMessage>> RenderMessenger(const v1::TurnResult& result,
                                                             const RenderRequest& request,
                                                             const Delivery& delivery);
absl::StatusOr<std::vector<OutboundMessage>> RenderWhatsApp(const v1::TurnResult& result,
                                                            const RenderRequest& request,
                                                            const Delivery& delivery);
absl::StatusOr<std::vector<OutboundMessage>> RenderSms(const v1::TurnResult& result,
                                                       const RenderRequest& request,
                                                       v1::ChannelState* state);
absl::StatusOr<std::vector<OutboundMessage>> RenderWeb(const v1::TurnResult& result,
                                                       const RenderRequest& request);

// Repeated adjustments once each, with a count: "quick reply title
// shortened to 20 (13 times)".
void CollapseAdjustments(std::vector<std::string>* adjustments);

// The separator of the SMS parts waiting for MORE in ChannelState.sms_more.
inline constexpr char kSmsPartSeparator = '\x1e';

}  // namespace chatcart::channels::internal

#endif  // CHATCART_CHANNELS_RENDER_INTERNAL_H_
