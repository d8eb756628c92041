// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Outbound: a golden payload per channel and limit, the windows, SMS MORE,
// and Meta's documented receipt example round-tripping.

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "channels/channels_testing.h"
#include "chatcart/channels.h"
#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "simdjson.h"

namespace chatcart::channels {
namespace {

using ::chatcart::testing::StatusIs;
using internal::Cat;
using ::testing::HasSubstr;

constexpr int64_t kNow = 1795000000000;
constexpr int64_t kHour = 3600 * 1000;

std::string GoldenPath(std::string_view name) {
  return Cat(chatcart::testing::SourceDir(), "/lib/channels/testdata/golden/", name, ".txt");
}

v1::ChannelState WrittenAgo(std::string_view channel, int64_t ago_ms) {
  v1::ChannelState state;
  state.set_channel(std::string(channel));
  state.set_last_shopper_message_ms(kNow - ago_ms);
  return state;
}

void Card(v1::Reply* reply, std::string id, std::string name, int64_t cents, std::string reason,
          bool image = true) {
  v1::ProductCard* p = reply->add_products();
  p->set_product_id(id);
  p->set_name(std::move(name));
  p->mutable_price()->set_minor_units(cents);
  p->mutable_price()->set_currency("EUR");
  p->set_price_text(
      Cat(cents / 100, ",", cents % 100 < 10 ? "0" : "", cents % 100, "\u00a0\u20ac"));
  p->add_reasons(std::move(reason));
  if (image) p->set_image(Cat("https://cdn.example/", id, ".jpg"));
  p->set_url(Cat("https://shop.example/p/", id));
}

void Option(v1::Reply* reply, std::string title, std::string payload) {
  v1::QuickReplyOption* o = reply->add_quick_replies();
  o->set_title(std::move(title));
  o->set_payload(std::move(payload));
}

// A turn with three product cards, its intro and three quick replies.
v1::TurnResult ThreeCards() {
  v1::TurnResult r;
  r.set_language("en");
  v1::Reply* reply = r.add_replies();
  reply->set_text("Here are 3 ideas for a 6-year-old (lego, under 40 euros):");
  Card(reply, "toy-fire", "Brickville Fire Station", 3499, "Loves lego: a build of 320 pieces");
  Card(reply, "toy-farm", "Brickville Farm", 2999, "Cheaper, and a favourite for ages 5-8");
  Card(reply, "toy-fox", "Plush Fox, 30 cm", 1701, "Another kind of gift, very soft", false);
  Option(reply, "Add the first", "add_first");
  Option(reply, "Show my cart", "show_cart");
  Option(reply, "Talk to a person", "human");
  return r;
}

RenderRequest Request(Channel channel) {
  RenderRequest request;
  request.channel = channel;
  request.shopper = channel == Channel::kSms ? "+15005550006" : "SHOPPER-1";
  request.account = "+15005550001";
  request.now_ms = kNow;
  return request;
}

void ExpectGolden(std::string_view name, Channel channel, const v1::TurnResult& result,
                  RenderRequest request, v1::ChannelState state = {},
                  const v1::ChannelPolicy& policy = {}) {
  request.channel = channel;
  if (state.channel().empty()) state = WrittenAgo(ChannelName(channel), kHour);
  auto out = Render(result, request, policy, &state);
  ASSERT_TRUE(out.ok()) << out.status();
  for (const OutboundMessage& m : *out) {
    std::vector<std::string> problems;
    testing::CheckLimits(channel, m, request.sms_max_segments, &problems);
    EXPECT_THAT(problems, ::testing::IsEmpty()) << m.body;
  }
  std::string diff = testing::CompareGolden(GoldenPath(name), testing::GoldenText(*out));
  EXPECT_TRUE(diff.empty()) << diff;
}

// ---------------------------------------------------------------- Messenger

TEST(RenderMessenger, CardsAsACarouselWithQuickRepliesOnTheLast) {
  ExpectGolden("messenger_three_cards", Channel::kMessenger, ThreeCards(),
               Request(Channel::kMessenger));
}

TEST(RenderMessenger, LongTextIsShortenedTo2000AtAWord) {
  v1::TurnResult r;
  std::string text;
  while (text.size() < 2600)
    text += "The Lumo CP-400 prints 10x15 photos for 39,99 \u20ac each month. ";
  r.add_replies()->set_text(text);
  ExpectGolden("messenger_long_text", Channel::kMessenger, r, Request(Channel::kMessenger));
}

TEST(RenderMessenger, AtMost13QuickRepliesWithTitlesOf20) {
  v1::TurnResult r;
  v1::Reply* reply = r.add_replies();
  reply->set_text("Which category?");
  for (int i = 1; i <= 15; ++i)
    Option(reply, Cat("Category number ", i, " of toys"), Cat("cat_", i));
  Option(reply, "Fine", std::string(1001, 'p'));  // a payload over 1,000: left out
  ExpectGolden("messenger_many_quick_replies", Channel::kMessenger, r,
               Request(Channel::kMessenger));
}

TEST(RenderMessenger, ACarouselOfMoreThanTenIsSplit) {
  v1::TurnResult r;
  v1::Reply* reply = r.add_replies();
  reply->set_text("All our printers:");
  for (int i = 1; i <= 12; ++i) {
    Card(reply, Cat("pr-", i),
         Cat("Lumo CP-", i,
             "00 Wireless Compact Photo Printer for iPhone and Android, Black Edition"),
         9900 + i, "Prints 10x15 photos in 47 seconds with dye-sublimation, lasting 100 years");
  }
  ExpectGolden("messenger_carousel_split", Channel::kMessenger, r, Request(Channel::kMessenger));
}

TEST(RenderMessenger, OutsideTheWindowAShippingUpdateGoesTaggedWithoutPromotions) {
  v1::TurnResult r = ThreeCards();
  r.mutable_replies(0)->set_text("Your order BMP-CQ4Z has shipped.");
  RenderRequest request = Request(Channel::kMessenger);
  request.purpose = Purpose::kProactive;
  request.event.set_kind("order_shipped");
  ExpectGolden("messenger_tagged_update", Channel::kMessenger, r, request,
               WrittenAgo("messenger", 30 * kHour));
}

TEST(RenderMessenger, WindowsRefuseWhatTheChannelWouldRefuse) {
  v1::ChannelPolicy policy;
  v1::TurnResult r = ThreeCards();
  RenderRequest request = Request(Channel::kMessenger);
  request.purpose = Purpose::kProactive;
  request.event.set_kind("cart_abandoned");
  v1::ChannelState state = WrittenAgo("messenger", 25 * kHour);
  EXPECT_THAT(Render(r, request, policy, &state),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("event \"cart_abandoned\" has no message tag")));
  // Within 24 hours a reminder goes out as an UPDATE.
  state = WrittenAgo("messenger", 23 * kHour);
  auto inside = Render(r, request, policy, &state);
  ASSERT_TRUE(inside.ok());
  EXPECT_THAT((*inside)[0].body, HasSubstr("\"messaging_type\":\"UPDATE\""));
  // The bundle may tag its own events.
  v1::MessengerTagRoute* route = policy.add_messenger_tag();
  route->set_event("cart_abandoned");
  route->set_tag("ACCOUNT_UPDATE");
  state = WrittenAgo("messenger", 25 * kHour);
  auto tagged = Render(r, request, policy, &state);
  ASSERT_TRUE(tagged.ok());
  EXPECT_THAT((*tagged)[0].body, HasSubstr("\"tag\":\"ACCOUNT_UPDATE\""));
  // A person may answer for 7 days under HUMAN_AGENT, not after.
  request.purpose = Purpose::kHumanAgent;
  state = WrittenAgo("messenger", 6 * 24 * kHour);
  auto agent = Render(r, request, {}, &state);
  ASSERT_TRUE(agent.ok());
  EXPECT_THAT((*agent)[0].body, HasSubstr("\"tag\":\"HUMAN_AGENT\""));
  state = WrittenAgo("messenger", 8 * 24 * kHour);
  EXPECT_THAT(Render(r, request, {}, &state),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("HUMAN_AGENT")));
  // An answer after 24 hours is refused too; after an ad, 7 days are open.
  request.purpose = Purpose::kResponse;
  state = WrittenAgo("messenger", 26 * kHour);
  EXPECT_THAT(Render(r, request, {}, &state),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("26 h 0 min ago")));
  state.set_ad_window_until_ms(kNow + kHour);
  EXPECT_TRUE(Render(r, request, {}, &state).ok());
  // Without any state only an answer goes out.
  request.purpose = Purpose::kProactive;
  EXPECT_THAT(Render(r, request, {}, nullptr), StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(Render(r, RenderRequest{.channel = Channel::kMessenger}, {}, nullptr),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("recipient")));
}

// ---------------------------------------------------------------- receipt

// Meta's documented receipt example (developers.facebook.com/docs/
// messenger-platform/reference/templates/receipt), parsed into a Receipt,
// renders back to the same JSON (numbers compared by value: Meta writes 50
// where chatcart writes 50.00).
void ExpectSameJson(simdjson::dom::element a, simdjson::dom::element b, const std::string& path) {
  using simdjson::dom::element_type;
  auto numeric = [](simdjson::dom::element e) {
    return e.type() == element_type::INT64 || e.type() == element_type::UINT64 ||
           e.type() == element_type::DOUBLE;
  };
  if (numeric(a) && numeric(b)) {
    double x = a.is_double() ? a.get_double().value() : double(a.get_int64().value());
    double y = b.is_double() ? b.get_double().value() : double(b.get_int64().value());
    EXPECT_DOUBLE_EQ(x, y) << path;
    return;
  }
  ASSERT_EQ(a.type(), b.type()) << path;
  if (a.type() == element_type::OBJECT) {
    simdjson::dom::object ao = a.get_object(), bo = b.get_object();
    EXPECT_EQ(ao.size(), bo.size()) << path;
    for (auto field : ao) {
      simdjson::dom::element other;
      ASSERT_EQ(bo.at_key(field.key).get(other), simdjson::SUCCESS) << path << "." << field.key;
      ExpectSameJson(field.value, other, Cat(path, ".", field.key));
    }
  } else if (a.type() == element_type::ARRAY) {
    simdjson::dom::array aa = a.get_array(), ba = b.get_array();
    ASSERT_EQ(aa.size(), ba.size()) << path;
    for (size_t i = 0; i < aa.size(); ++i)
      ExpectSameJson(aa.at(i), ba.at(i), Cat(path, "[", i, "]"));
  } else if (a.type() == element_type::STRING) {
    EXPECT_EQ(std::string_view(a.get_string()), std::string_view(b.get_string())) << path;
  }
}

v1::Money Usd(simdjson::dom::element e) {
  double value = e.is_double() ? e.get_double().value() : double(e.get_int64().value());
  v1::Money m;
  m.set_currency("USD");
  m.set_minor_units(static_cast<int64_t>(value * 100 + (value >= 0 ? 0.5 : -0.5)));
  return m;
}

TEST(Receipt, MetasDocumentedExampleRoundTrips) {
  std::string doc = testing::ReadFile(
      Cat(chatcart::testing::SourceDir(), "/lib/channels/testdata/meta_receipt_example.json"));
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.parse(simdjson::padded_string(doc)).value();
  simdjson::dom::element p = root.at_pointer("/message/attachment/payload").value();
  Receipt r;
  r.recipient_name = std::string(p["recipient_name"].get_string().value());
  r.order_number = std::string(p["order_number"].get_string().value());
  r.currency = std::string(p["currency"].get_string().value());
  r.payment_method = std::string(p["payment_method"].get_string().value());
  r.order_url = std::string(p["order_url"].get_string().value());
  r.timestamp = std::stoll(std::string(p["timestamp"].get_string().value()));
  Receipt::Address a;
  a.street_1 = std::string(p.at_pointer("/address/street_1").get_string().value());
  a.street_2 = std::string(p.at_pointer("/address/street_2").get_string().value());
  a.city = std::string(p.at_pointer("/address/city").get_string().value());
  a.postal_code = std::string(p.at_pointer("/address/postal_code").get_string().value());
  a.state = std::string(p.at_pointer("/address/state").get_string().value());
  a.country = std::string(p.at_pointer("/address/country").get_string().value());
  r.address = a;
  r.subtotal = Usd(p.at_pointer("/summary/subtotal").value());
  r.shipping_cost = Usd(p.at_pointer("/summary/shipping_cost").value());
  r.total_tax = Usd(p.at_pointer("/summary/total_tax").value());
  r.total_cost = Usd(p.at_pointer("/summary/total_cost").value());
  for (auto adj : p["adjustments"].get_array()) {
    r.adjustments.push_back(
        {std::string(adj["name"].get_string().value()), Usd(adj["amount"].value())});
  }
  for (auto e : p["elements"].get_array()) {
    Receipt::Element el;
    el.title = std::string(e["title"].get_string().value());
    el.subtitle = std::string(e["subtitle"].get_string().value());
    el.quantity = e["quantity"].get_int64().value();
    el.price = Usd(e["price"].value());
    el.image_url = std::string(e["image_url"].get_string().value());
    r.elements.push_back(el);
  }
  // 75.00 + 4.95 + 6.19 - 20 - 10 = 56.14, exactly, in cents.
  EXPECT_EQ(r.subtotal->minor_units() + r.shipping_cost->minor_units() +
                r.total_tax->minor_units() - r.adjustments[0].amount.minor_units() -
                r.adjustments[1].amount.minor_units(),
            r.total_cost.minor_units());
  auto rendered = RenderMessengerReceipt(r, "<PSID>", "");
  ASSERT_TRUE(rendered.ok()) << rendered.status();
  simdjson::dom::parser parser2;
  simdjson::dom::element back = parser2.parse(simdjson::padded_string(rendered->body)).value();
  ExpectSameJson(root, back, "$");
  EXPECT_THAT(rendered->body, HasSubstr("\"total_cost\":56.14"));
  // Required fields are required.
  r.payment_method.clear();
  EXPECT_THAT(RenderMessengerReceipt(r, "<PSID>"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("payment_method")));
}

TEST(Receipt, FromAPlacedOrderAfterTheTurnsReplies) {
  v1::Order order;
  order.set_reference("BMP-CQ4Z");
  order.set_currency("EUR");
  v1::OrderLine* line = order.add_lines();
  line->set_title("Brickville Fire Station");
  line->set_quantity(2);
  line->mutable_unit_price()->set_minor_units(3499);
  line->mutable_unit_price()->set_currency("EUR");
  v1::CartTotals* totals = order.mutable_totals();
  auto money = [](int64_t cents) {
    v1::Money m;
    m.set_minor_units(cents);
    m.set_currency("EUR");
    return m;
  };
  *totals->mutable_subtotal() = money(6998);
  *totals->mutable_discount() = money(-700);
  *totals->mutable_shipping() = money(0);
  *totals->mutable_tax() = money(1136);
  totals->set_prices_include_tax(true);
  *totals->mutable_grand_total() = money(6298);
  order.add_discount_codes("WELCOME10");
  v1::TurnResult r;
  r.set_language("en");
  r.add_replies()->set_text("Thank you! Order BMP-CQ4Z is placed for \u20ac62.98.");
  RenderRequest request = Request(Channel::kMessenger);
  request.receipt = ReceiptFromOrder(order, "Giulia Rossi", "Pay by link");
  ExpectGolden("messenger_receipt_after_order", Channel::kMessenger, r, request);
}

// ---------------------------------------------------------------- WhatsApp

TEST(RenderWhatsApp, CardsAsImagesThenReplyButtons) {
  ExpectGolden("whatsapp_three_cards", Channel::kWhatsApp, ThreeCards(),
               Request(Channel::kWhatsApp));
}

TEST(RenderWhatsApp, ThreeShortOptionsCarryTheTextAsButtons) {
  v1::TurnResult r;
  v1::Reply* reply = r.add_replies();
  reply->set_text("Reply OK to buy, or no to keep shopping.");
  Option(reply, "OK", "yes");
  Option(reply, "No", "no");
  Option(reply, "Show my cart", "show_cart");
  ExpectGolden("whatsapp_buttons", Channel::kWhatsApp, r, Request(Channel::kWhatsApp));
}

TEST(RenderWhatsApp, FourOptionsOrALongTitleBecomeAList) {
  v1::TurnResult r;
  r.set_language("it");
  v1::Reply* reply = r.add_replies();
  reply->set_text("Come posso aiutarti?");
  Option(reply, "Trova un regalo", "find_gift");
  Option(reply, "Stampare foto dal telefono Android", "print_photos");
  Option(reply, "Un portatile", "find_laptop");
  Option(reply, "Parla con una persona", "human");
  ExpectGolden("whatsapp_list", Channel::kWhatsApp, r, Request(Channel::kWhatsApp));
}

TEST(RenderWhatsApp, AtMostTenRowsAndLongTextShortenedTo4096) {
  v1::TurnResult r;
  v1::Reply* reply = r.add_replies();
  std::string text;
  while (text.size() < 5000)
    text += "Ecco le nostre idee regalo \U0001F381 per bambini di 6 anni. ";
  reply->set_text(text);
  for (int i = 1; i <= 12; ++i) Option(reply, Cat("Idea ", i), Cat("idea_", i));
  ExpectGolden("whatsapp_long_text_many_options", Channel::kWhatsApp, r,
               Request(Channel::kWhatsApp));
}

// Issue #22, found by channels_render_fuzzer: a quick-reply payload of
// stray continuation bytes (0x96) counted 43 UTF-16 units but was written as
// 209 (a U+FFFD each), over WhatsApp's 200-unit row id; an ill-formed button
// title likewise passed the 20-unit check. Such payloads are dropped (the
// platform would hand back another id) and ill-formed titles go to a list,
// whose row titles are fitted. Every limit is checked on the output.
std::vector<OutboundMessage> RenderChecked(Channel channel, const v1::TurnResult& r) {
  v1::ChannelState state = WrittenAgo(ChannelName(channel), kHour);
  auto out = Render(r, Request(channel), {}, &state);
  EXPECT_TRUE(out.ok()) << out.status();
  if (!out.ok()) return {};
  for (const OutboundMessage& m : *out) {
    std::vector<std::string> problems;
    testing::CheckLimits(channel, m, 1, &problems);
    EXPECT_THAT(problems, ::testing::IsEmpty()) << m.body;
  }
  return *std::move(out);
}

TEST(RenderWhatsApp, Issue22IllFormedPayloadsAreDroppedAndIllFormedTitlesBecomeAList) {
  const std::string stray(209, '\x96');  // the fuzzer's run, long enough for the limit
  v1::TurnResult r;
  v1::Reply* reply = r.add_replies();
  reply->set_text("Ciao! Ecco le idee per te.");
  Option(reply, "Stray", stray);
  Option(reply, "Trova un regalo", "find_gift");
  auto out = RenderChecked(Channel::kWhatsApp, r);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_THAT(out[0].body, HasSubstr("find_gift"));
  EXPECT_THAT(out[0].body, ::testing::Not(HasSubstr("Stray")));
  EXPECT_THAT(out[0].body, ::testing::Not(HasSubstr("\uFFFD")));

  // The reproducer as the fuzzer read it: its second line is both the title
  // and the payload of a quick reply.
  std::ifstream in(Cat(chatcart::testing::SourceDir(),
                       "/lib/channels/testdata/fuzz/render_ill_formed_row_id.txt"),
                   std::ios::binary);
  std::string line((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_NE(line.find('\n'), std::string::npos);
  line = line.substr(line.find('\n') + 1);
  if (!line.empty() && line.back() == '\n') line.pop_back();
  v1::TurnResult fuzzed;
  Option(fuzzed.add_replies(), line, line);
  fuzzed.mutable_replies(0)->set_text("# sms UCS-2, 1 segments");
  for (Channel channel : {Channel::kWhatsApp, Channel::kMessenger}) {
    auto rendered = RenderChecked(channel, fuzzed);
    ASSERT_EQ(rendered.size(), 1u);
    EXPECT_THAT(rendered[0].body, ::testing::Not(HasSubstr("To=")));
  }

  // Three short options, one with an ill-formed title: a list, not buttons.
  v1::TurnResult titles;
  v1::Reply* three = titles.add_replies();
  three->set_text("Reply OK to buy.");
  Option(three, "OK", "yes");
  Option(three, std::string(30, '\x96'), "no");
  Option(three, "Cart", "show_cart");
  auto list = RenderChecked(Channel::kWhatsApp, titles);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_THAT(list[0].body, HasSubstr("\"type\":\"list\""));
  EXPECT_THAT(list[0].body, HasSubstr("\"id\":\"no\""));
}

TEST(RenderWhatsApp, OutsideTheWindowOnlyAnApprovedTemplate) {
  v1::ChannelPolicy policy;
  v1::WhatsAppTemplate* t = policy.add_whatsapp_template();
  t->set_name("order_shipped_1");
  t->set_language("it");
  t->set_category("UTILITY");
  t->add_event("order_shipped");
  t->add_parameter("reference");
  t->add_parameter("tracking_url");
  v1::WhatsAppTemplate* en = policy.add_whatsapp_template();
  *en = *t;
  en->set_name("order_shipped_en");
  en->set_language("en_US");
  v1::TurnResult r = ThreeCards();
  r.set_language("it");
  RenderRequest request = Request(Channel::kWhatsApp);
  request.purpose = Purpose::kProactive;
  request.event.set_kind("order_shipped");
  (*request.event.mutable_param())["reference"] = "BMP-CQ4Z";
  (*request.event.mutable_param())["tracking_url"] = "https://track.example/BMP-CQ4Z";
  ExpectGolden("whatsapp_template", Channel::kWhatsApp, r, request,
               WrittenAgo("whatsapp", 48 * kHour), policy);
  v1::ChannelState state = WrittenAgo("whatsapp", 48 * kHour);
  request.event.mutable_param()->erase("tracking_url");
  EXPECT_THAT(Render(r, request, policy, &state),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("\"tracking_url\"")));
  request.event.set_kind("cart_abandoned");
  EXPECT_THAT(Render(r, request, policy, &state),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("no approved template for event \"cart_abandoned\"")));
  request.purpose = Purpose::kHumanAgent;
  EXPECT_THAT(Render(r, request, policy, &state),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("48 h 0 min ago")));
  // Inside the window the replies go out as they are.
  state = WrittenAgo("whatsapp", 2 * kHour);
  request.purpose = Purpose::kProactive;
  EXPECT_TRUE(Render(r, request, policy, &state).ok());
}

// ---------------------------------------------------------------- SMS

TEST(RenderSms, ProductsAsLinesAndQuickRepliesAsNumberedChoices) {
  ExpectGolden("sms_three_cards", Channel::kSms, ThreeCards(), Request(Channel::kSms));
}

TEST(RenderSms, NumberedChoicesTheEngineAddedAreNotRepeated) {
  v1::TurnResult r;
  v1::Reply* reply = r.add_replies();
  reply->set_text("Hi! How can I help?\n1. Find a gift\n2. Talk to a person");
  Option(reply, "Find a gift", "find_gift");
  Option(reply, "Talk to a person", "human");
  auto out = Render(r, Request(Channel::kSms), {}, nullptr);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ((*out)[0].sms_text, "Hi! How can I help?\n1. Find a gift\n2. Talk to a person");
}

TEST(RenderSms, AnEmojiMakesItUcs2) {
  v1::TurnResult r;
  r.add_replies()->set_text("Ciao! Ecco le idee \U0001F381 per te.");
  ExpectGolden("sms_ucs2", Channel::kSms, r, Request(Channel::kSms));
}

// "- " before a word longer than a part: the cut at a word boundary left
// nothing (its trailing "-" dropped) and the whole reply went as one SMS of
// 20 segments for a limit of 1 (#22, channels_render_fuzzer; input
// lib/channels/testdata/fuzz/render_sms_dash_before_a_long_word.txt). It is cut
// within the word now.
TEST(RenderSms, Issue22ADashBeforeAWordLongerThanAPartStaysWithinTheSegments) {
  std::string word;
  for (int i = 0; i < 60; ++i) word += "\u4e2d\u6587";  // UCS-2, 120 units
  // Alone, the whole reply went as one SMS; after a sentence, the rest was
  // dropped (nothing waited for MORE).
  for (const std::string& text : {"- " + word + " and more.", "Ideas:\n- " + word + " and more."}) {
    v1::TurnResult r;
    r.add_replies()->set_text(text);
    for (int max = 1; max <= 3; ++max) {
      RenderRequest request = Request(Channel::kSms);
      request.sms_max_segments = max;
      v1::ChannelState state;
      auto out = Render(r, request, {}, &state);
      ASSERT_TRUE(out.ok()) << out.status();
      ASSERT_EQ(out->size(), 1u);
      std::vector<std::string> problems;
      testing::CheckLimits(Channel::kSms, (*out)[0], max, &problems);
      EXPECT_THAT(problems, ::testing::IsEmpty()) << max << " " << text;
      EXPECT_LE((*out)[0].sms_segments, max) << text;
      if (max == 1) EXPECT_FALSE(state.sms_more().empty()) << text;  // 3 parts fit it all
    }
  }
}

TEST(RenderSms, ALongReplyIsCutAtASentenceAndTheRestWaitsForMore) {
  v1::TurnResult r;
  std::string text;
  for (int i = 1; i <= 12; ++i) {
    text += Cat("Idea ", i, ": the Brickville set number ", i, " costs \u20ac", 20 + i,
                ".99 and ships tomorrow. ");
  }
  r.add_replies()->set_text(text);
  RenderRequest request = Request(Channel::kSms);
  request.sms_max_segments = 2;
  v1::ChannelState state = WrittenAgo("sms", kHour);
  auto first = Render(r, request, {}, &state);
  ASSERT_TRUE(first.ok());
  std::string golden = testing::GoldenText(*first);
  EXPECT_FALSE(state.sms_more().empty());
  // MORE sends the next part, then the next, until nothing waits.
  std::string all = (*first)[0].sms_text;
  for (int i = 0; i < 10 && !state.sms_more().empty(); ++i) {
    InboundMessage more;
    more.channel = Channel::kSms;
    more.message_id = Cat("more-", i);
    more.time_ms = kNow + i;
    more.input.set_text("more");
    auto seen = Observe(more, {}, "Bricks", &state);
    ASSERT_TRUE(seen.ok());
    ASSERT_TRUE(seen->reply.has_value());
    EXPECT_EQ(seen->keyword, "more");
    OutboundMessage part = RenderSmsText(*seen->reply, "+15005550006", "+15005550001");
    std::vector<std::string> problems;
    testing::CheckLimits(Channel::kSms, part, 2, &problems);
    EXPECT_THAT(problems, ::testing::IsEmpty());
    golden += testing::GoldenText({part});
    all += "\n" + part.sms_text;
  }
  EXPECT_TRUE(state.sms_more().empty());
  // Every sentence arrived, each whole.
  for (int i = 1; i <= 12; ++i) EXPECT_THAT(all, HasSubstr(Cat("costs \u20ac", 20 + i, ".99 and")));
  std::string diff = testing::CompareGolden(GoldenPath("sms_more"), golden);
  EXPECT_TRUE(diff.empty()) << diff;
}

TEST(RenderSms, NothingGoesToAShopperWhoOptedOut) {
  v1::ChannelState state = WrittenAgo("sms", kHour);
  state.set_sms_opted_out(true);
  RenderRequest request = Request(Channel::kSms);
  for (Purpose purpose : {Purpose::kResponse, Purpose::kProactive, Purpose::kHumanAgent}) {
    request.purpose = purpose;
    EXPECT_THAT(Render(ThreeCards(), request, {}, &state),
                StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("opted out")));
  }
  request.account.clear();
  state.set_sms_opted_out(false);
  EXPECT_THAT(Render(ThreeCards(), request, {}, &state),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("sending number")));
}

// ---------------------------------------------------------------- web

TEST(RenderWeb, EverythingAsJsonForTheWidget) {
  v1::TurnResult r = ThreeCards();
  v1::CartSummary* cart = r.add_replies()->mutable_cart();
  r.mutable_replies(1)->set_text("Your cart:");
  v1::CartSummaryLine* line = cart->add_lines();
  line->set_product_id("toy-fire");
  line->set_title("Brickville Fire Station");
  line->set_quantity(2);
  line->mutable_line_total()->set_minor_units(6998);
  line->mutable_line_total()->set_currency("EUR");
  *cart->mutable_total() = line->line_total();
  cart->set_total_text("\u20ac69.98");
  cart->set_version(3);
  ExpectGolden("web_cards_and_cart", Channel::kWeb, r, Request(Channel::kWeb));
}

}  // namespace
}  // namespace chatcart::channels
