// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// ValidateChannelPolicy. WhatsApp template names are lower case letters,
// digits and underscores, up to 512 characters; categories MARKETING,
// UTILITY, AUTHENTICATION (developers.facebook.com/docs/whatsapp/
// business-management-api/message-templates). Messenger's message tags
// (developers.facebook.com/docs/messenger-platform/send-messages/
// message-tags); HUMAN_AGENT is for people and chosen by Render, not routed.

#include <set>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "channels/cat.h"
#include "chatcart/channels.h"

namespace chatcart::channels {
namespace {

using internal::Cat;

bool IsTemplateName(std::string_view name) {
  if (name.empty() || name.size() > 512) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// "en", "fil", "en_US", "zh_HK".
bool IsLanguageCode(std::string_view code) {
  size_t underscore = code.find('_');
  std::string_view lang = code.substr(0, underscore);
  if (lang.size() < 2 || lang.size() > 3) return false;
  for (char c : lang) {
    if (c < 'a' || c > 'z') return false;
  }
  if (underscore == std::string_view::npos) return true;
  std::string_view region = code.substr(underscore + 1);
  if (region.size() != 2) return false;
  for (char c : region) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

constexpr std::string_view kReserved[] = {"STOP",  "STOPALL", "UNSUBSCRIBE", "CANCEL", "END",
                                          "QUIT",  "REVOKE",  "OPTOUT",      "START",  "UNSTOP",
                                          "YES",   "HELP",    "INFO",        "MORE"};

}  // namespace

std::vector<PolicyProblem> ValidateChannelPolicy(const v1::ChannelPolicy& policy) {
  std::vector<PolicyProblem> problems;
  auto add = [&](std::string field, int index, std::string subfield, int subindex,
                 std::string message) {
    problems.push_back({std::move(field), index, std::move(subfield), subindex, std::move(message)});
  };
  std::set<std::pair<std::string, std::string>> seen;
  for (int i = 0; i < policy.whatsapp_template_size(); ++i) {
    const v1::WhatsAppTemplate& t = policy.whatsapp_template(i);
    std::string at = Cat("whatsapp_template[", i, "]");
    if (!IsTemplateName(t.name())) {
      add("whatsapp_template", i, "", -1,
          Cat(at, ".name: \"", t.name(),
              "\" is not a template name (lower case letters, digits and underscores)"));
    }
    if (!IsLanguageCode(t.language())) {
      add("whatsapp_template", i, "", -1,
          Cat(at, ".language: \"", t.language(), "\" is not a language code such as en or en_US"));
    }
    if (t.category() != "UTILITY" && t.category() != "MARKETING" &&
        t.category() != "AUTHENTICATION") {
      add("whatsapp_template", i, "", -1,
          Cat(at, ".category: \"", t.category(), "\" (want UTILITY, MARKETING or AUTHENTICATION)"));
    }
    if (t.event_size() == 0) {
      add("whatsapp_template", i, "", -1, Cat(at, ": names no event it serves"));
    }
    for (const std::string& p : t.parameter()) {
      if (p.empty()) add("whatsapp_template", i, "", -1, Cat(at, ".parameter: an empty name"));
    }
    if (!seen.insert({t.name(), t.language()}).second) {
      add("whatsapp_template", i, "", -1,
          Cat(at, ": template \"", t.name(), "\" in ", t.language(), " is declared twice"));
    }
  }
  for (int i = 0; i < policy.messenger_tag_size(); ++i) {
    const v1::MessengerTagRoute& route = policy.messenger_tag(i);
    std::string at = Cat("messenger_tag[", i, "]");
    if (route.event().empty()) add("messenger_tag", i, "", -1, Cat(at, ".event is required"));
    if (route.tag() != "POST_PURCHASE_UPDATE" && route.tag() != "ACCOUNT_UPDATE" &&
        route.tag() != "CONFIRMED_EVENT_UPDATE") {
      add("messenger_tag", i, "", -1,
          Cat(at, ".tag: \"", route.tag(),
              "\" (want POST_PURCHASE_UPDATE, ACCOUNT_UPDATE or CONFIRMED_EVENT_UPDATE)"));
    }
  }
  if (policy.has_sms()) {
    const v1::SmsPolicy& sms = policy.sms();
    if (sms.contact().empty()) {
      add("sms", -1, "", -1, "sms.contact is required: HELP replies must say how to reach the store");
    }
    std::set<std::string> words;
    for (int i = 0; i < sms.keyword_size(); ++i) {
      const v1::SmsKeyword& k = sms.keyword(i);
      std::string at = Cat("sms.keyword[", i, "]");
      std::string word = absl::AsciiStrToUpper(k.word());
      bool one_word = !word.empty() && word.size() <= 32;
      for (char c : word) one_word = one_word && absl::ascii_isalnum(static_cast<unsigned char>(c));
      if (!one_word) {
        add("sms", -1, "keyword", i,
            Cat(at, ".word: \"", k.word(), "\" is not one word of letters and digits"));
      }
      for (std::string_view reserved : kReserved) {
        if (word == reserved) {
          add("sms", -1, "keyword", i, Cat(at, ".word: ", reserved, " is reserved"));
        }
      }
      if (k.payload().empty() == k.event().empty()) {
        add("sms", -1, "keyword", i, Cat(at, ": exactly one of payload and event"));
      }
      if (one_word && !words.insert(word).second) {
        add("sms", -1, "keyword", i, Cat(at, ".word: ", word, " is declared twice"));
      }
    }
  }
  return problems;
}

}  // namespace chatcart::channels
