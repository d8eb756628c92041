// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Messenger Send API and WhatsApp Cloud API payloads within their limits.
//
// Messenger (developers.facebook.com/docs/messenger-platform): text up to
// 2,000 characters (reference/send-api); up to 13 quick replies, titles
// truncated past 20 (send-messages/quick-replies; Instagram's page: "allows
// up to 20 characters before being truncated"), payload up to 1,000; the
// generic template's carousel up to 10 elements, title and subtitle 80
// characters each, up to 3 buttons (send-messages/template/generic); button
// titles 20.
//
// WhatsApp (developers.facebook.com/docs/whatsapp/cloud-api/messages):
// text body up to 4,096 characters (text-messages); reply buttons: up to 3,
// title 20, id 256, body 1,024 (interactive-reply-buttons-messages); list:
// up to 10 sections with at most 10 rows in all, row title 24, description
// 72, row id 200, button 20 (interactive-list-messages); image captions
// 1,024 (image-messages). Templates outside the window (template-messages).

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "channels/cat.h"
#include "channels/render_internal.h"
#include "channels/text_fit.h"
#include "channels/wire.h"

namespace chatcart::channels::internal {
namespace {

using L = Limits;

std::string Fit(std::string_view text, size_t max, std::vector<std::string>* adjustments,
                std::string_view what) {
  bool cut = false;
  std::string out = FitText(text, max, "\u2026", &cut);
  if (cut) adjustments->push_back(Cat(what, " shortened to ", max));
  return out;
}

// Key and `text`, shortened to `max` only when it does not fit (no copy
// when it does: the common case).
void FitMember(JsonWriter& w, std::string_view key, std::string_view text, size_t max,
               std::vector<std::string>* adjustments, std::string_view what) {
  if (Utf16Length(text) <= max && IsValidUtf8(text)) {
    w.Member(key, text);
  } else {
    w.Member(key, Fit(text, max, adjustments, what));
  }
}

OutboundMessage Json(std::string body) {
  OutboundMessage m;
  m.body = std::move(body);
  m.content_type = "application/json";
  return m;
}

// ---------------------------------------------------------------- Messenger

// One Send API request: `message_fields` is the inside of "message".
OutboundMessage MessengerRequest(const RenderRequest& request, const Delivery& delivery,
                                 std::string_view message_fields) {
  std::string body;
  body.reserve(message_fields.size() + 128);
  JsonWriter w(&body);
  w.BeginObject().Key("recipient").BeginObject().Member("id", request.shopper).EndObject();
  w.Member("messaging_type", delivery.messaging_type);
  if (!delivery.tag.empty()) w.Member("tag", delivery.tag);
  w.Key("message");
  body.push_back('{');
  body.append(message_fields);
  body.append("}}");
  return Json(std::move(body));
}

void AppendQuickReplies(const v1::Reply& reply, std::string* fields,
                        std::vector<std::string>* adjustments) {
  std::string qr;
  JsonWriter w(&qr);
  int kept = 0, dropped = 0;
  w.BeginArray();
  for (const v1::QuickReplyOption& option : reply.quick_replies()) {
    // An ill-formed payload is dropped too: the JSON would carry U+FFFD for
    // each stray byte, longer than Utf16Length counted and not the host's id.
    if (option.title().empty() || option.payload().empty() || !IsValidUtf8(option.payload()) ||
        Utf16Length(option.payload()) > L::kMessengerPayload || kept == L::kMessengerQuickReplies) {
      ++dropped;
      continue;
    }
    w.BeginObject().Member("content_type", "text");
    FitMember(w, "title", option.title(), L::kMessengerQuickReplyTitle, adjustments,
              "quick reply title");
    w.Member("payload", option.payload()).EndObject();
    ++kept;
  }
  w.EndArray();
  if (dropped > 0) {
    adjustments->push_back(
        Cat(dropped, " quick replies left out (at most ", L::kMessengerQuickReplies,
            ", each with a title and a payload of at most ", L::kMessengerPayload, ")"));
  }
  if (kept > 0) Append(fields, ",\"quick_replies\":", qr);
}

std::string GenericTemplate(const google::protobuf::RepeatedPtrField<v1::ProductCard>& products,
                            int begin, int end, const Words& words,
                            std::vector<std::string>* adjustments) {
  std::string fields;
  JsonWriter w(&fields);
  w.Key("attachment").BeginObject().Member("type", "template").Key("payload").BeginObject();
  w.Member("template_type", "generic").Key("elements").BeginArray();
  for (int i = begin; i < end; ++i) {
    const v1::ProductCard& p = products.Get(i);
    w.BeginObject();
    FitMember(w, "title", p.name().empty() ? p.product_id() : p.name(), L::kMessengerElementTitle,
              adjustments, "card title");
    // The price is kept whole: only the reason after it is shortened.
    std::string subtitle = p.price_text();
    if (p.reasons_size() > 0) {
      size_t used = Utf16Length(subtitle) + (subtitle.empty() ? 0 : 3);
      if (used < L::kMessengerElementSubtitle) {
        std::string reason =
            Fit(p.reasons(0), L::kMessengerElementSubtitle - used, adjustments, "card reason");
        subtitle = subtitle.empty() ? reason : Cat(subtitle, " \u00b7 ", reason);
      }
    }
    if (subtitle.empty()) subtitle = p.product_id();
    FitMember(w, "subtitle", subtitle, L::kMessengerElementSubtitle, adjustments, "card subtitle");
    if (!p.image().empty()) w.Member("image_url", p.image());
    if (!p.url().empty()) {
      w.Key("default_action").BeginObject().Member("type", "web_url").Member("url", p.url());
      w.EndObject();
      w.Key("buttons").BeginArray().BeginObject().Member("type", "web_url").Member("url", p.url());
      FitMember(w, "title", words.view, L::kMessengerButtonTitle, adjustments, "button title");
      w.EndObject().EndArray();
    }
    w.EndObject();
  }
  w.EndArray().EndObject().EndObject();
  return fields;
}

}  // namespace

absl::StatusOr<std::vector<OutboundMessage>> RenderMessenger(const v1::TurnResult& result,
                                                             const RenderRequest& request,
                                                             const Delivery& delivery) {
  std::vector<OutboundMessage> out;
  const Words& words = WordsFor(result.language());
  for (const v1::Reply& reply : result.replies()) {
    std::vector<std::string> adjustments;
    std::vector<std::string> fields;  // one message's fields each
    const std::string& text = reply.text();
    if (!text.empty()) {
      std::string f;
      JsonWriter w(&f);
      FitMember(w, "text", text, L::kMessengerText, &adjustments, "text");
      fields.push_back(std::move(f));
    }
    int n = reply.products_size();
    if (n > 0 && delivery.no_promotions) {
      adjustments.push_back(
          Cat(n, " product cards left out (a message tag may not ", "carry promotions)"));
      n = 0;
    }
    for (int begin = 0; begin < n; begin += L::kMessengerCarouselElements) {
      int end = std::min(n, begin + L::kMessengerCarouselElements);
      fields.push_back(GenericTemplate(reply.products(), begin, end, words, &adjustments));
    }
    if (n > L::kMessengerCarouselElements) {
      adjustments.push_back(Cat("carousel split in ", (n + L::kMessengerCarouselElements - 1) /
                                                          L::kMessengerCarouselElements));
    }
    if (reply.quick_replies_size() > 0) {
      if (fields.empty()) {
        std::string f;
        JsonWriter(&f).Member("text", words.choose);
        fields.push_back(std::move(f));
      }
      AppendQuickReplies(reply, &fields.back(), &adjustments);
    }
    CollapseAdjustments(&adjustments);
    for (size_t i = 0; i < fields.size(); ++i) {
      OutboundMessage m = MessengerRequest(request, delivery, fields[i]);
      if (i == 0) m.adjustments = adjustments;
      out.push_back(std::move(m));
    }
  }
  if (request.receipt.has_value()) {
    absl::StatusOr<OutboundMessage> receipt = RenderMessengerReceipt(
        *request.receipt, request.shopper, delivery.messaging_type, delivery.tag);
    if (!receipt.ok()) return receipt.status();
    out.push_back(*std::move(receipt));
  }
  return out;
}

// ---------------------------------------------------------------- WhatsApp

namespace {

void WhatsAppHead(const RenderRequest& request, std::string_view type, JsonWriter& w) {
  w.BeginObject().Member("messaging_product", "whatsapp").Member("recipient_type", "individual");
  w.Member("to", request.shopper).Member("type", type);
}

OutboundMessage WhatsAppText(const RenderRequest& request, std::string_view text,
                             std::vector<std::string>* adjustments) {
  std::string body;
  JsonWriter w(&body);
  WhatsAppHead(request, "text", w);
  w.Key("text").BeginObject().Key("preview_url").Bool(false);
  FitMember(w, "body", text, L::kWhatsAppText, adjustments, "text");
  w.EndObject().EndObject();
  return Json(std::move(body));
}

// Reply buttons when every option fits (at most 3, titles up to 20), else a
// list of up to 10 rows.
OutboundMessage WhatsAppChoices(const RenderRequest& request, const v1::Reply& reply,
                                std::string_view body_text, const Words& words,
                                std::vector<std::string>* adjustments) {
  std::vector<const v1::QuickReplyOption*> options;
  int dropped = 0;
  for (const v1::QuickReplyOption& option : reply.quick_replies()) {
    // Ill-formed ids are dropped as for Messenger (a fuzzed 0x96
    // run gave a 209-unit row id that Utf16Length counted as 43).
    if (option.title().empty() || option.payload().empty() || !IsValidUtf8(option.payload()) ||
        Utf16Length(option.payload()) > L::kWhatsAppRowId) {
      ++dropped;
      continue;
    }
    options.push_back(&option);
  }
  bool buttons = options.size() <= static_cast<size_t>(L::kWhatsAppButtons);
  for (const v1::QuickReplyOption* o : options) {
    if (Utf16Length(o->title()) > static_cast<size_t>(L::kWhatsAppButtonTitle) ||
        !IsValidUtf8(o->title())) {
      buttons = false;  // buttons take the title as is; a list row fits it
    }
  }
  std::string body;
  JsonWriter w(&body);
  WhatsAppHead(request, "interactive", w);
  w.Key("interactive").BeginObject().Member("type", buttons ? "button" : "list");
  w.Key("body").BeginObject();
  FitMember(w, "text", body_text, L::kWhatsAppInteractiveBody, adjustments, "interactive body");
  w.EndObject().Key("action").BeginObject();
  if (buttons) {
    w.Key("buttons").BeginArray();
    for (const v1::QuickReplyOption* o : options) {
      w.BeginObject().Member("type", "reply").Key("reply").BeginObject();
      w.Member("id", o->payload()).Member("title", o->title()).EndObject().EndObject();
    }
    w.EndArray();
  } else {
    adjustments->push_back("quick replies as a list");
    w.Member("button", Fit(words.options, L::kWhatsAppListButton, adjustments, "list button"));
    w.Key("sections").BeginArray().BeginObject().Key("rows").BeginArray();
    size_t rows = std::min(options.size(), static_cast<size_t>(L::kWhatsAppListRows));
    for (size_t i = 0; i < rows; ++i) {
      const v1::QuickReplyOption* o = options[i];
      bool cut = false;
      std::string title = FitText(o->title(), L::kWhatsAppRowTitle, "\u2026", &cut);
      w.BeginObject().Member("id", o->payload()).Member("title", title);
      if (cut) {
        adjustments->push_back(
            Cat("row title shortened to ", L::kWhatsAppRowTitle, ", in full in its description"));
        w.Member("description",
                 Fit(o->title(), L::kWhatsAppRowDescription, adjustments, "row description"));
      }
      w.EndObject();
    }
    dropped += static_cast<int>(options.size() - rows);
    w.EndArray().EndObject().EndArray();
  }
  w.EndObject().EndObject().EndObject();
  if (dropped > 0) {
    adjustments->push_back(Cat(dropped, " quick replies left out (at most ", L::kWhatsAppListRows,
                               " rows, ids of at most ", L::kWhatsAppRowId, ")"));
  }
  return Json(std::move(body));
}

OutboundMessage WhatsAppProduct(const RenderRequest& request, const v1::ProductCard& p,
                                std::vector<std::string>* adjustments) {
  std::string caption = p.name().empty() ? p.product_id() : p.name();
  if (!p.price_text().empty()) Append(&caption, "\n", p.price_text());
  for (const std::string& reason : p.reasons()) Append(&caption, "\n", reason);
  if (!p.url().empty()) Append(&caption, "\n", p.url());
  if (p.image().empty()) return WhatsAppText(request, caption, adjustments);
  std::string body;
  JsonWriter w(&body);
  WhatsAppHead(request, "image", w);
  w.Key("image").BeginObject().Member("link", p.image());
  FitMember(w, "caption", caption, L::kWhatsAppCaption, adjustments, "image caption");
  w.EndObject().EndObject();
  return Json(std::move(body));
}

absl::StatusOr<OutboundMessage> WhatsAppTemplateMessage(const RenderRequest& request,
                                                        const v1::WhatsAppTemplate& t) {
  std::string body;
  JsonWriter w(&body);
  WhatsAppHead(request, "template", w);
  w.Key("template").BeginObject().Member("name", t.name());
  w.Key("language").BeginObject().Member("code", t.language()).EndObject();
  if (t.parameter_size() > 0) {
    w.Key("components").BeginArray().BeginObject().Member("type", "body");
    w.Key("parameters").BeginArray();
    for (const std::string& name : t.parameter()) {
      auto it = request.event.param().find(name);
      if (it == request.event.param().end() || it->second.empty()) {
        return absl::InvalidArgumentError(
            Cat("whatsapp: template \"", t.name(), "\" needs the event param \"", name,
                "\", which event \"", request.event.kind(), "\" lacks"));
      }
      w.BeginObject().Member("type", "text").Member("text", ValidUtf8(it->second)).EndObject();
    }
    w.EndArray().EndObject().EndArray();
  }
  w.EndObject().EndObject();
  OutboundMessage m = Json(std::move(body));
  m.adjustments.push_back(Cat("outside the 24-hour window: template \"", t.name(), "\" (",
                              t.language(), ") instead of the turn's replies"));
  return m;
}

}  // namespace

absl::StatusOr<std::vector<OutboundMessage>> RenderWhatsApp(const v1::TurnResult& result,
                                                            const RenderRequest& request,
                                                            const Delivery& delivery) {
  std::vector<OutboundMessage> out;
  if (delivery.whatsapp_template != nullptr) {
    absl::StatusOr<OutboundMessage> m =
        WhatsAppTemplateMessage(request, *delivery.whatsapp_template);
    if (!m.ok()) return m.status();
    out.push_back(*std::move(m));
    return out;
  }
  const Words& words = WordsFor(result.language());
  for (const v1::Reply& reply : result.replies()) {
    std::vector<std::string> adjustments;
    std::vector<OutboundMessage> messages;
    const std::string& text = reply.text();
    bool choices = reply.quick_replies_size() > 0;
    // The text carries the buttons when nothing comes between them and it fits.
    bool text_in_choices = choices && reply.products_size() == 0 && !text.empty() &&
                           Utf16Length(text) <= static_cast<size_t>(L::kWhatsAppInteractiveBody);
    if (!text.empty() && !text_in_choices) {
      messages.push_back(WhatsAppText(request, text, &adjustments));
    }
    for (const v1::ProductCard& p : reply.products()) {
      messages.push_back(WhatsAppProduct(request, p, &adjustments));
    }
    if (choices) {
      messages.push_back(WhatsAppChoices(request, reply, text_in_choices ? text : words.choose,
                                         words, &adjustments));
    }
    CollapseAdjustments(&adjustments);
    if (!messages.empty()) messages.front().adjustments = std::move(adjustments);
    for (OutboundMessage& m : messages) out.push_back(std::move(m));
  }
  return out;
}

}  // namespace chatcart::channels::internal
