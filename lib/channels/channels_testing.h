// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Test helpers: every documented limit of a platform checked on a rendered
// payload (independently of the renderer: the payload is parsed back), and
// golden files (CHATCART_UPDATE_GOLDEN=1 rewrites them; review the diff).

#ifndef CHATCART_CHANNELS_CHANNELS_TESTING_H_
#define CHATCART_CHANNELS_CHANNELS_TESTING_H_

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "channels/cat.h"
#include "channels/text_fit.h"
#include "channels/wire.h"
#include "chatcart/channels.h"
#include "simdjson.h"

namespace chatcart::channels::testing {

using internal::Cat;

inline size_t Units(std::string_view s) { return internal::Utf16Length(s); }

// Appends to *problems each limit `m` breaks on `channel`.
inline void CheckLimits(Channel channel, const OutboundMessage& m, int sms_max_segments,
                        std::vector<std::string>* problems) {
  auto fail = [&](std::string what) { problems->push_back(std::move(what)); };
  if (channel == Channel::kSms) {
    SmsCost cost = SmsCostOf(m.sms_text);
    if (cost.encoding != m.sms_encoding) fail("sms encoding differs from the text's");
    if (cost.segments != m.sms_segments) fail("sms segments differ from the text's");
    if (m.sms_segments > sms_max_segments) fail(Cat("sms of ", m.sms_segments, " segments"));
    if (Units(m.sms_text) > static_cast<size_t>(Limits::kTwilioMaxChars)) fail("sms over 1600");
    auto form = internal::FormDecode(m.body);
    if (!form.ok()) return fail("sms body is not form encoding");
    bool body = false;
    for (const auto& [k, v] : *form) {
      if (k == "Body") body = v == m.sms_text;
    }
    if (!body) fail("sms Body is not the text");
    if (internal::ValidUtf8(m.sms_text) != m.sms_text) fail("sms text is not valid UTF-8");
    return;
  }
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(simdjson::padded_string(m.body)).get(root) != simdjson::SUCCESS) {
    return fail(Cat("not valid JSON (or not UTF-8): ", m.body.substr(0, 200)));
  }
  auto str = [](simdjson::dom::element e, std::string_view path) -> std::string_view {
    std::string_view out;
    if (e.at_pointer(path).get(out) != simdjson::SUCCESS) return {};
    return out;
  };
  auto at_most = [&](std::string_view value, int max, std::string_view what) {
    if (Units(value) > static_cast<size_t>(max)) {
      fail(Cat(what, " of ", Units(value), " > ", max, ": ", value.substr(0, 60)));
    }
  };
  if (channel == Channel::kMessenger) {
    at_most(str(root, "/message/text"), Limits::kMessengerText, "text");
    simdjson::dom::array qrs;
    if (root.at_pointer("/message/quick_replies").get(qrs) == simdjson::SUCCESS) {
      if (qrs.size() > static_cast<size_t>(Limits::kMessengerQuickReplies)) fail("quick replies > 13");
      for (auto q : qrs) {
        std::string_view title = str(q, "/title");
        if (title.empty()) fail("empty quick reply title");
        at_most(title, Limits::kMessengerQuickReplyTitle, "quick reply title");
        at_most(str(q, "/payload"), Limits::kMessengerPayload, "payload");
      }
      if (root.at_pointer("/message/text").error() && root.at_pointer("/message/attachment").error())
        fail("quick replies without text or attachment");
    }
    std::string_view type = str(root, "/message/attachment/payload/template_type");
    simdjson::dom::array elements;
    if (root.at_pointer("/message/attachment/payload/elements").get(elements) == simdjson::SUCCESS) {
      if (type == "generic") {
        if (elements.size() > static_cast<size_t>(Limits::kMessengerCarouselElements))
          fail("carousel > 10");
        for (auto e : elements) {
          at_most(str(e, "/title"), Limits::kMessengerElementTitle, "element title");
          at_most(str(e, "/subtitle"), Limits::kMessengerElementSubtitle, "element subtitle");
          simdjson::dom::array buttons;
          if (e.at_pointer("/buttons").get(buttons) == simdjson::SUCCESS) {
            if (buttons.size() > static_cast<size_t>(Limits::kMessengerElementButtons))
              fail("buttons > 3");
            for (auto b : buttons) at_most(str(b, "/title"), Limits::kMessengerButtonTitle, "button");
          }
        }
      } else if (elements.size() > static_cast<size_t>(Limits::kMessengerReceiptElements)) {
        fail("receipt elements > 100");
      }
    }
    std::string_view messaging_type = str(root, "/messaging_type");
    if (messaging_type != "RESPONSE" && messaging_type != "UPDATE" && messaging_type != "MESSAGE_TAG")
      fail(Cat("messaging_type ", messaging_type));
    return;
  }
  if (channel == Channel::kWhatsApp) {
    if (str(root, "/messaging_product") != "whatsapp") fail("messaging_product");
    at_most(str(root, "/text/body"), Limits::kWhatsAppText, "text body");
    at_most(str(root, "/image/caption"), Limits::kWhatsAppCaption, "caption");
    std::string_view kind = str(root, "/interactive/type");
    if (kind.empty()) return;
    std::string_view body = str(root, "/interactive/body/text");
    if (body.empty()) fail("interactive without body");
    at_most(body, Limits::kWhatsAppInteractiveBody, "interactive body");
    if (kind == "button") {
      simdjson::dom::array buttons;
      if (root.at_pointer("/interactive/action/buttons").get(buttons)) return fail("no buttons");
      if (buttons.size() > static_cast<size_t>(Limits::kWhatsAppButtons)) fail("buttons > 3");
      for (auto b : buttons) {
        at_most(str(b, "/reply/title"), Limits::kWhatsAppButtonTitle, "button title");
        at_most(str(b, "/reply/id"), Limits::kWhatsAppButtonId, "button id");
      }
    } else if (kind == "list") {
      at_most(str(root, "/interactive/action/button"), Limits::kWhatsAppListButton, "list button");
      simdjson::dom::array sections;
      if (root.at_pointer("/interactive/action/sections").get(sections)) return fail("no sections");
      if (sections.size() > 10) fail("sections > 10");
      size_t rows = 0;
      for (auto s : sections) {
        simdjson::dom::array list;
        if (s.at_pointer("/rows").get(list)) continue;
        for (auto r : list) {
          ++rows;
          at_most(str(r, "/title"), Limits::kWhatsAppRowTitle, "row title");
          at_most(str(r, "/description"), Limits::kWhatsAppRowDescription, "row description");
          at_most(str(r, "/id"), Limits::kWhatsAppRowId, "row id");
        }
      }
      if (rows > static_cast<size_t>(Limits::kWhatsAppListRows)) fail("rows > 10");
    } else {
      fail(Cat("interactive type ", kind));
    }
  }
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The messages as golden text: each body on a line, adjustments as "# ".
inline std::string GoldenText(const std::vector<OutboundMessage>& messages) {
  std::string out;
  for (const OutboundMessage& m : messages) {
    for (const std::string& a : m.adjustments) internal::Append(&out, "# ", a, "\n");
    if (!m.sms_text.empty()) {
      internal::Append(&out, "# sms ", m.sms_encoding == SmsEncoding::kGsm7 ? "GSM-7" : "UCS-2",
                       ", ", m.sms_segments, " segments\n");
    }
    internal::Append(&out, m.body, "\n");
  }
  return out;
}

// Compares `actual` with the file at `path`; with CHATCART_UPDATE_GOLDEN=1
// writes it instead. Returns an empty string when they agree.
inline std::string CompareGolden(const std::string& path, const std::string& actual) {
  const char* update = std::getenv("CHATCART_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return "";
  }
  std::string expected = ReadFile(path);
  if (expected == actual) return "";
  return Cat("golden ", path, " differs (CHATCART_UPDATE_GOLDEN=1 rewrites it; review the diff)\n",
             "--- expected\n", expected, "--- actual\n", actual);
}

}  // namespace chatcart::channels::testing

#endif  // CHATCART_CHANNELS_CHANNELS_TESTING_H_
