// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The conversation-set scorer (converse_set.h): the parser, the text helpers,
// and every assertion both holding and failing on turn results built by hand,
// so the scorer provably can fail whatever the engine does.

#include <memory>
#include <string>
#include <vector>

#include "chatcart/engine.h"
#include "converse_set.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

const StoreFacts& Demo() {
  static const StoreFacts* store = [] {
    absl::StatusOr<std::shared_ptr<const Engine>> engine =
        Engine::Create(std::string(CHATCART_SOURCE_DIR) + "/examples/bundles/demo");
    EXPECT_TRUE(engine.ok()) << engine.status();
    return new StoreFacts(*engine);
  }();
  return *store;
}

SetConversation ParseOne(const std::string& text) {
  absl::StatusOr<std::vector<SetConversation>> set = ParseConversationSet("t.conv", text);
  EXPECT_TRUE(set.ok()) << set.status();
  EXPECT_EQ(set->size(), 1u);
  return set->front();
}

// The names of the assertions that failed, in order.
std::vector<std::string> Failed(const SetTurn& turn, const v1::TurnResult& result,
                                const Cart* cart = nullptr,
                                const std::vector<std::string>& previous_texts = {},
                                const std::vector<std::string>& previous_shown = {}) {
  TurnObservation observed{&result, cart, &previous_texts, &previous_shown};
  std::vector<std::string> names;
  for (const AssertionFailure& f : CheckTurn(turn, "en", observed, Demo())) {
    names.emplace_back(AssertionName(f.assertion->kind));
  }
  return names;
}

v1::TurnResult Reply(const std::string& text, const std::string& template_id = "welcome",
                     const std::vector<std::string>& products = {}) {
  v1::TurnResult r;
  r.set_language("en");
  v1::Reply* reply = r.add_replies();
  reply->set_text(text);
  reply->set_template_id(template_id);
  for (const std::string& id : products) reply->add_products()->set_product_id(id);
  return r;
}

TEST(ConverseSetTest, ParsesConversationsWithDefaultsAndAssertions) {
  absl::StatusOr<std::vector<SetConversation>> set = ParseConversationSet("t.conv", R"(
# a comment
@store demo
@lang it
=== one
@tags gift critique
@seed 7
> cerco un regalo # the '#' is text
  kind gift
  shows-any toy-fire toy-farm   # a comment
  shown-all price<=40; category=Toys
  cart-has id=toy-fire; qty=2
  intent !help|greet
  allow repeat
@wait 30
* find_gift
=== two
@lang fr
! ad_click campaign=x
  silent
)");
  ASSERT_TRUE(set.ok()) << set.status();
  ASSERT_EQ(set->size(), 2u);
  const SetConversation& one = (*set)[0];
  EXPECT_EQ(one.store, "demo");
  EXPECT_EQ(one.lang, "it");
  EXPECT_EQ(one.seed, 7u);
  EXPECT_THAT(one.tags, testing::ElementsAre("gift", "critique"));
  ASSERT_EQ(one.turns.size(), 2u);
  EXPECT_EQ(one.turns[0].input.text(), "cerco un regalo # the '#' is text");
  EXPECT_THAT(one.turns[0].kinds, testing::ElementsAre("gift"));
  ASSERT_EQ(one.turns[0].assertions.size(), 4u);
  EXPECT_EQ(one.turns[0].assertions[0].values.size(), 2u);
  EXPECT_EQ(one.turns[0].assertions[1].constraints.size(), 2u);
  EXPECT_EQ(one.turns[0].assertions[2].quantity, 2);
  EXPECT_TRUE(one.turns[0].assertions[3].negated);
  EXPECT_TRUE(one.turns[0].allow_repeat);
  EXPECT_EQ(one.turns[1].input.payload(), "find_gift");
  EXPECT_EQ(one.turns[1].wait_minutes, 30);
  const SetConversation& two = (*set)[1];
  EXPECT_EQ(two.lang, "fr");
  EXPECT_EQ(two.turns[0].input.event().kind(), "ad_click");
  EXPECT_TRUE(two.turns[0].allow_silence);
}

TEST(ConverseSetTest, RejectsMalformedLinesNamingThem) {
  struct Case {
    const char* text;
    const char* error;
  };
  for (const Case& c : {
           Case{"=== a\n@lang en\n> hi\n  showz toy-fire\n", "t.conv:4: unknown assertion"},
           Case{"> hi\n", "t.conv:1: a turn before any"},
           Case{"=== a\n> hi\n", "has no @lang"},
           Case{"=== a\n@lang en\n", "has no turns"},
           Case{"=== a\n@lang en\n> hi\n  shown lots\n", "t.conv:4: shown: needs a count"},
           Case{"=== a\n@lang en\n> hi\n  shown-all price\n", "t.conv:4: shown-all"},
           Case{"=== a\n@lang en\n> hi\n  cart-has qty=0\n", "qty needs a count"},
           Case{"=== a\n@lang en\n> hi\n  allow everything\n", "not repeat or fallback"},
           Case{"=== a b\n", "one id without spaces"},
           Case{"=== a\n@lang en\n@frobnicate\n", "unknown directive"},
       }) {
    absl::StatusOr<std::vector<SetConversation>> set = ParseConversationSet("t.conv", c.text);
    ASSERT_FALSE(set.ok()) << c.text;
    EXPECT_THAT(std::string(set.status().message()), HasSubstr(c.error)) << c.text;
  }
}

TEST(ConverseSetTest, ValidatesAgainstTheStore) {
  SetConversation c = ParseOne(R"(=== a
@lang de
> hi
  shows toy-nope
  shown-all megapixels>=12
  intent no_such_intent
  cart-total 1.234
  cart-has price<0
)");
  absl::Status s = ValidateConversation(c, Demo().engine());
  ASSERT_FALSE(s.ok());
  std::string m(s.message());
  EXPECT_THAT(m, HasSubstr("@lang de is not a locale"));
  EXPECT_THAT(m, HasSubstr("t.conv:4: shows toy-nope: no product \"toy-nope\""));
  EXPECT_THAT(m, HasSubstr("t.conv:5: shown-all megapixels>=12"));
  EXPECT_THAT(m, HasSubstr("t.conv:6: intent no_such_intent: the store has no intent"));
  EXPECT_THAT(m, HasSubstr("t.conv:7: cart-total 1.234"));
  EXPECT_THAT(m, HasSubstr("t.conv:8: cart-has price<0: no product of the catalog"));
  EXPECT_TRUE(
      ValidateConversation(ParseOne("=== a\n@lang en\n> hi\n  shows toy-fox\n"), Demo().engine())
          .ok());
}

TEST(ConverseTextTest, FoldsAndMatchesWholeWords) {
  EXPECT_EQ(FoldForMatch("Ça coûte 4,90\xC2\xA0€ l\xE2\x80\x99unité"), "ca coute 4,90 € l'unite");
  EXPECT_TRUE(ContainsWord("battery: 10 h", "10"));
  EXPECT_FALSE(ContainsWord("100 sheets", "10"));
  EXPECT_FALSE(ContainsWord("10x15 prints", "10"));
  EXPECT_TRUE(ContainsWord("10x15 prints", "10x15"));
  EXPECT_TRUE(ContainsWord("costa 4,90 €", "4,90"));
  EXPECT_FALSE(ContainsWord("anything", ""));
}

TEST(ConverseTextTest, GuessesTheReplyLanguage) {
  EXPECT_EQ(GuessReplyLanguage("Sorry, that didn't work: only 0 of product available", nullptr),
            "en");
  EXPECT_EQ(
      GuessReplyLanguage("Ho aggiunto il prodotto al carrello, il totale ora è 12 €", nullptr),
      "it");
  EXPECT_EQ(GuessReplyLanguage("J'ai ajouté le produit au panier pour vous", nullptr), "fr");
  EXPECT_EQ(GuessReplyLanguage("OK!", nullptr), "");
  // Words Italian shares with English or French count for neither.
  EXPECT_EQ(GuessReplyLanguage("Spedizione standard in 2-4 giorni, express in 24 ore. Spediamo in "
                               "Italia e in Francia.",
                               nullptr),
            "");
  EXPECT_EQ(GuessReplyLanguage("Scegli qui sotto, ce ne sono 100 come questo", nullptr), "it");
  // English product names do not make an Italian reply English.
  EXPECT_EQ(GuessReplyLanguage("Ho aggiunto USB-C to Lightning Cable, 1 m al carrello.", &Demo()),
            "it");
}

TEST(ConverseTextTest, FindsWhatLeaks) {
  EXPECT_EQ(LeakIn("Added Plush Fox, 30 cm to your cart.", &Demo()), "");
  EXPECT_EQ(LeakIn("Tracking: https://x.example/track?order_id=7", &Demo()), "");
  EXPECT_THAT(LeakIn("Hello {name}!", &Demo()), HasSubstr("placeholder"));
  EXPECT_THAT(LeakIn("see chatcart.added", &Demo()), HasSubstr("template id"));
  EXPECT_THAT(LeakIn("FAILED_PRECONDITION: no", &Demo()), HasSubstr("status code"));
  EXPECT_THAT(LeakIn("add_line: only 0 available", &Demo()), HasSubstr("identifier (add_line:)"));
  EXPECT_THAT(LeakIn("only 0 of product toy-micro available", &Demo()), HasSubstr("product id"));
}

TEST(ConverseCheckTest, EachAssertionHoldsAndFails) {
  SetConversation c = ParseOne(R"(=== a
@lang en
> x
  intent find_gift
  act gift_picks
  state gift/*
  shows toy-fire
  shows-any toy-fire toy-fox
  hides pr-zen10
  shown 2
  shown-all category=Toys; price<=40
  shown-none interests=science
  shown-new
  mentions 34.99|nothing
  mentions-not lumo
  no-handoff
)");
  v1::TurnResult good =
      Reply("Here are 2 ideas, from €34.99:", "gift_picks", {"toy-fire", "toy-farm"});
  good.mutable_trace()->set_intent("find_gift");
  good.mutable_trace()->set_state("gift/collect");
  EXPECT_THAT(Failed(c.turns[0], good), IsEmpty());

  v1::TurnResult bad = Reply("Lumo is {x}", "chatcart.not_understood", {"pr-zen10", "toy-micro"});
  bad.set_language("it");
  bad.mutable_trace()->set_intent("help");
  bad.mutable_trace()->set_state("photo/ask");
  bad.add_host_actions()->set_kind("handoff");
  EXPECT_THAT(
      Failed(c.turns[0], bad, nullptr, {"Lumo is {x}"}, {"toy-micro"}),
      testing::ElementsAre("intent", "act", "state", "shows", "shows-any", "hides", "shown-all",
                           "shown-none", "shown-new", "mentions", "mentions-not", "no-handoff",
                           "no-leak", "lang", "not-fallback", "no-repeat"));
}

TEST(ConverseCheckTest, NegationsCountsAndDefaultsLift) {
  SetConversation c = ParseOne(R"(=== a
@lang en
> x
  intent !greet|help
  act !chatcart.not_understood
  state !gift/*
  shown >= 1
  handoff
  offers-human
  quick-reply person
> y
  silent
  act chatcart.not_understood
  allow repeat
)");
  v1::TurnResult r = Reply("Hello there, how are you?");
  r.mutable_trace()->set_intent("greet");
  r.mutable_trace()->set_state("gift/collect");
  EXPECT_THAT(Failed(c.turns[0], r), testing::ElementsAre("intent", "state", "shown", "handoff",
                                                          "offers-human", "quick-reply"));
  r.mutable_trace()->set_intent("find_gift");
  r.mutable_trace()->set_state("main/welcome");
  r.mutable_replies(0)->add_products()->set_product_id("toy-fox");
  r.add_host_actions()->set_kind("handoff");
  r.mutable_replies(0)->add_quick_replies()->set_title("Talk to a person");
  EXPECT_THAT(Failed(c.turns[0], r), IsEmpty());

  // `silent` lifts `replied`; `act chatcart.not_understood` lifts `not-fallback`.
  v1::TurnResult none;
  none.set_language("en");
  EXPECT_THAT(Failed(c.turns[1], none), testing::ElementsAre("act"));
  v1::TurnResult fallback = Reply("Sorry, I didn't catch that.", "chatcart.not_understood");
  EXPECT_THAT(Failed(c.turns[1], fallback, nullptr, {"Sorry, I didn't catch that."}),
              testing::ElementsAre("silent"));
}

TEST(ConverseCheckTest, ChecksTheCart) {
  std::shared_ptr<const CartPolicy> policy = *CartPolicy::FromJson(R"({"currency": "EUR"})");
  Cart cart = *Cart::Create(policy, "c");
  commands::AddLine add;
  add.product_id = "toy-fox";
  add.quantity = 2;
  add.unit_price = *Money::Parse("18.90", "EUR");
  add.title = "Plush Fox";
  CartCommand command;
  command.action = add;
  ASSERT_TRUE(cart.Apply(command).ok());
  SetConversation c = ParseOne(R"(=== a
@lang en
> x
  cart-has id=toy-fox; qty=2
  cart-has category=Toys; price<20
  cart-lacks id=toy-fire
  cart-lines 1
  cart-items 2
  cart-total 37.80
> y
  cart-has id=toy-fox; qty=1
  cart-lacks interests=plush
  cart-lines 0
  cart-items > 2
  cart-total 37.79
)");
  v1::TurnResult r = Reply("Your cart holds two foxes.");
  EXPECT_THAT(Failed(c.turns[0], r, &cart), IsEmpty());
  EXPECT_THAT(
      Failed(c.turns[1], r, &cart),
      testing::ElementsAre("cart-has", "cart-lacks", "cart-lines", "cart-items", "cart-total"));
  // Without a cart: no lines, a total of 0.
  EXPECT_THAT(
      Failed(c.turns[0], r, nullptr),
      testing::ElementsAre("cart-has", "cart-has", "cart-lines", "cart-items", "cart-total"));
}

}  // namespace
}  // namespace chatcart::cli
