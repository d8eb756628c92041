// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Channels: a webhook parsed with its signature checked, and a turn with
// three product cards rendered for each channel (budgets: 5 µs each).

#include <string>

#include "benchmark/benchmark.h"
#include "chatcart/channels.h"

namespace chatcart::channels {
namespace {

constexpr char kMessengerBody[] =
    R"({"object":"page","entry":[{"id":"PAGE-1","time":1795000000100,"messaging":[)"
    R"({"sender":{"id":"6254899931223487"},"recipient":{"id":"PAGE-1"},"timestamp":1795000000000,)"
    R"("message":{"mid":"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlq",)"
    R"("text":"a gift for my 6 year old who loves lego, under 40 euros"}}]}]})";

constexpr char kWhatsAppBody[] =
    R"({"object":"whatsapp_business_account","entry":[{"id":"WABA-1","changes":[{"field":"messages",)"
    R"("value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111",)"
    R"("phone_number_id":"PNID-7"},"contacts":[{"profile":{"name":"Giulia"},"wa_id":"393331234567"}],)"
    R"("messages":[{"from":"393331234567","id":"wamid.HBgLMzkzMzMxMjM0NTY3FQIAEhggQTRBRkE1",)"
    R"("timestamp":"1795000000","type":"text","text":{"body":"un regalo per mio figlio di 6 anni"}}]}}]}]})";

constexpr char kTwilioBody[] =
    "ToCountry=US&ToState=CA&SmsMessageSid=SM1f0e8ae6ade43cb3c0ce4525424e404f&NumMedia=0&ToCity="
    "&FromZip=&SmsSid=SM1f0e8ae6ade43cb3c0ce4525424e404f&FromState=CA&SmsStatus=received&FromCity="
    "&Body=a+gift+for+my+6+year+old&FromCountry=US&To=%2B15005550001&ToZip=&NumSegments=1"
    "&MessageSid=SM1f0e8ae6ade43cb3c0ce4525424e404f&AccountSid=AC0123456789abcdef0123456789abcdef"
    "&From=%2B15005550006&ApiVersion=2010-04-01";

void BM_Channels_ParseMessengerSigned(benchmark::State& state) {
  Credentials creds;
  creds.meta_app_secret = "0123456789abcdef0123456789abcdef";
  std::string signature = MetaSignature(kMessengerBody, creds.meta_app_secret);
  for (auto _ : state) {
    auto inbound = ParseWebhook(Channel::kMessenger,
                                {.body = kMessengerBody, .signature = signature}, creds);
    benchmark::DoNotOptimize(inbound);
  }
}
BENCHMARK(BM_Channels_ParseMessengerSigned);

void BM_Channels_ParseWhatsAppSigned(benchmark::State& state) {
  Credentials creds;
  creds.meta_app_secret = "0123456789abcdef0123456789abcdef";
  std::string signature = MetaSignature(kWhatsAppBody, creds.meta_app_secret);
  for (auto _ : state) {
    auto inbound = ParseWebhook(Channel::kWhatsApp,
                                {.body = kWhatsAppBody, .signature = signature}, creds);
    benchmark::DoNotOptimize(inbound);
  }
}
BENCHMARK(BM_Channels_ParseWhatsAppSigned);

void BM_Channels_ParseTwilioSigned(benchmark::State& state) {
  Credentials creds;
  creds.twilio_auth_token = "0123456789abcdef0123456789abcdef";
  std::string url = "https://shop.example/webhooks/sms";
  std::string signature = *TwilioSignature(url, kTwilioBody, creds.twilio_auth_token);
  for (auto _ : state) {
    auto inbound = ParseWebhook(
        Channel::kSms, {.body = kTwilioBody, .signature = signature, .url = url}, creds);
    benchmark::DoNotOptimize(inbound);
  }
}
BENCHMARK(BM_Channels_ParseTwilioSigned);

v1::TurnResult ThreeCards() {
  v1::TurnResult r;
  r.set_language("en");
  v1::Reply* reply = r.add_replies();
  reply->set_text("Here are 3 ideas for a 6-year-old (lego, under 40 euros):");
  const char* names[] = {"Brickville Fire Station", "Brickville Farm", "Plush Fox, 30 cm"};
  const char* prices[] = {"\u20ac34.99", "\u20ac29.99", "\u20ac17.01"};
  for (int i = 0; i < 3; ++i) {
    v1::ProductCard* p = reply->add_products();
    p->set_product_id("toy-" + std::to_string(i));
    p->set_name(names[i]);
    p->mutable_price()->set_minor_units(3499 - i * 500);
    p->mutable_price()->set_currency("EUR");
    p->set_price_text(prices[i]);
    p->add_reasons("Loves lego: a build of 320 pieces, for ages 6 to 9");
    p->set_image("https://cdn.example/toy-" + std::to_string(i) + ".jpg");
    p->set_url("https://shop.example/p/toy-" + std::to_string(i));
  }
  for (const char* title : {"Add the first", "Show my cart", "Talk to a person"}) {
    v1::QuickReplyOption* o = reply->add_quick_replies();
    o->set_title(title);
    o->set_payload(title);
  }
  return r;
}

void RenderThreeCards(benchmark::State& state, Channel channel) {
  v1::TurnResult result = ThreeCards();
  RenderRequest request;
  request.channel = channel;
  request.shopper = "6254899931223487";
  request.account = "+15005550001";
  request.now_ms = 1795000000000;
  v1::ChannelPolicy policy;
  v1::ChannelState base;
  base.set_last_shopper_message_ms(request.now_ms - 1000);
  size_t bytes = 0;
  for (auto _ : state) {
    v1::ChannelState channel_state = base;
    auto out = Render(result, request, policy, &channel_state);
    bytes += out->front().body.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_Channels_RenderThreeCardsMessenger(benchmark::State& state) {
  RenderThreeCards(state, Channel::kMessenger);
}
BENCHMARK(BM_Channels_RenderThreeCardsMessenger);

void BM_Channels_RenderThreeCardsWhatsApp(benchmark::State& state) {
  RenderThreeCards(state, Channel::kWhatsApp);
}
BENCHMARK(BM_Channels_RenderThreeCardsWhatsApp);

void BM_Channels_RenderThreeCardsSms(benchmark::State& state) {
  RenderThreeCards(state, Channel::kSms);
}
BENCHMARK(BM_Channels_RenderThreeCardsSms);

void BM_Channels_RenderThreeCardsWeb(benchmark::State& state) {
  RenderThreeCards(state, Channel::kWeb);
}
BENCHMARK(BM_Channels_RenderThreeCardsWeb);

}  // namespace
}  // namespace chatcart::channels
