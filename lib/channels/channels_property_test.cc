// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Property: random turn results (long texts, many quick replies and cards,
// emoji, mixed scripts, ill-formed UTF-8, prices) render on every channel
// within every limit, as valid JSON / form encoding, deterministically, and
// never cut a price or a UTF-8 sequence.

#include <random>
#include <string>

#include "channels/channels_testing.h"
#include "chatcart/channels.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::channels {
namespace {

using internal::Cat;

constexpr std::string_view kWords[] = {
    "gift",   "regalo",       "cadeau",  "\u20ac",    "34,99\u00a0\u20ac", "$12.50",
    "USD 40", "\U0001F381",   "\u00e8",  "\u0107",   "\u4e2d\u6587",      "\u0627\u0644\u0639",
    "{[|]}",  "\U0001F44D\U0001F3FD", "caff\u00e8", "laptop", "Brickville", "\xff\xfe",
    "\n",     "super-long-word-without-any-space-at-all-for-sure-yes", "OK", "\u2019",
    "a.",     "b!", "c?", "\u00a0", "e\u0301", "\u200d"};

std::string RandomText(std::mt19937& rng, int max_words) {
  std::uniform_int_distribution<int> count(0, max_words);
  std::uniform_int_distribution<size_t> pick(0, std::size(kWords) - 1);
  std::string text;
  int n = count(rng);
  for (int i = 0; i < n; ++i) {
    if (i > 0) text += ' ';
    text += kWords[pick(rng)];
  }
  return text;
}

v1::TurnResult RandomResult(std::mt19937& rng) {
  v1::TurnResult r;
  const char* languages[] = {"en", "it", "fr", ""};
  r.set_language(languages[rng() % 4]);
  int replies = 1 + rng() % 3;
  for (int i = 0; i < replies; ++i) {
    v1::Reply* reply = r.add_replies();
    reply->set_text(RandomText(rng, rng() % 4 == 0 ? 900 : 30));
    int options = rng() % 4 == 0 ? rng() % 20 : rng() % 4;
    for (int q = 0; q < options; ++q) {
      v1::QuickReplyOption* o = reply->add_quick_replies();
      o->set_title(RandomText(rng, 6));
      o->set_payload(rng() % 10 == 0 ? std::string(1000 + rng() % 300, 'p') : Cat("p", q));
    }
    int cards = rng() % 5 == 0 ? rng() % 14 : rng() % 3;
    for (int c = 0; c < cards; ++c) {
      v1::ProductCard* p = reply->add_products();
      p->set_product_id(Cat("id-", c));
      p->set_name(RandomText(rng, 20));
      p->mutable_price()->set_minor_units(rng() % 100000);
      p->mutable_price()->set_currency("EUR");
      p->set_price_text(Cat(rng() % 1000, ",99\u00a0\u20ac"));
      for (int k = rng() % 3; k > 0; --k) p->add_reasons(RandomText(rng, 25));
      if (rng() % 2) p->set_image(Cat("https://cdn.example/", c, ".jpg"));
      if (rng() % 2) p->set_url(Cat("https://shop.example/", c));
    }
  }
  return r;
}

TEST(RenderProperty, RandomTurnResultsKeepEveryLimitOfEveryChannel) {
  std::mt19937 rng(20261123);
  int messages = 0;
  for (int round = 0; round < 400; ++round) {
    v1::TurnResult result = RandomResult(rng);
    for (Channel channel : {Channel::kMessenger, Channel::kWhatsApp, Channel::kSms, Channel::kWeb}) {
      RenderRequest request;
      request.channel = channel;
      request.shopper = "S";
      request.account = "+15005550001";
      request.now_ms = 1000;
      request.sms_max_segments = 1 + static_cast<int>(rng() % 4);
      v1::ChannelState state;
      state.set_last_shopper_message_ms(999);
      auto out = Render(result, request, {}, &state);
      ASSERT_TRUE(out.ok()) << out.status();
      auto again = Render(result, request, {}, &state);
      ASSERT_TRUE(again.ok());
      ASSERT_EQ(out->size(), again->size());
      for (size_t i = 0; i < out->size(); ++i) {
        const OutboundMessage& m = (*out)[i];
        EXPECT_EQ(m.body, (*again)[i].body) << "not deterministic";
        std::vector<std::string> problems;
        testing::CheckLimits(channel, m, request.sms_max_segments, &problems);
        EXPECT_THAT(problems, ::testing::IsEmpty())
            << ChannelName(channel) << " round " << round << ": " << m.body.substr(0, 300);
        ++messages;
      }
      // Every SMS part waiting for MORE fits too.
      if (channel == Channel::kSms && !state.sms_more().empty()) {
        std::string waiting = state.sms_more();
        size_t start = 0;
        while (start <= waiting.size()) {
          size_t end = waiting.find('\x1e', start);
          if (end == std::string::npos) end = waiting.size();
          OutboundMessage part = RenderSmsText(waiting.substr(start, end - start), "S", "F");
          std::vector<std::string> problems;
          testing::CheckLimits(Channel::kSms, part, request.sms_max_segments, &problems);
          EXPECT_THAT(problems, ::testing::IsEmpty()) << part.sms_text;
          start = end + 1;
        }
      }
    }
  }
  EXPECT_GT(messages, 2000);
}

TEST(RenderProperty, ShorteningNeverCutsInsideAPrice) {
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text = RandomText(rng, 40);
    size_t max = 1 + rng() % 120;
    std::string out = internal::FitText(text, max);
    ASSERT_LE(internal::Utf16Length(out), max) << text;
    // Every price that survives is whole: "34,99 €" is never "34,99…"
    // without its euro sign.
    std::string body = out.size() >= 3 && out.substr(out.size() - 3) == "\u2026"
                           ? out.substr(0, out.size() - 3)
                           : out;
    if (body.size() < text.size()) {
      std::string_view before(body);
      EXPECT_FALSE(!before.empty() && before.back() >= '0' && before.back() <= '9' &&
                   std::string_view(text).substr(body.size(), 4) == "\u00a0\u20ac")
          << "a price lost its currency: " << out;
    }
  }
}

}  // namespace
}  // namespace chatcart::channels
