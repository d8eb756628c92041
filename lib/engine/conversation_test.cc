// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Conversations with the demo store end to end: what each turn asks, shows,
// adds and says, in en/it/fr. Golden transcripts in tests/conversations/
// check exact wording; these tests check behaviour.

#include <string>
#include <vector>

#include "chatcart/session.h"
#include "engine/demo_testing.h"
#include "engine/shopper_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Conversation;
using ::chatcart::testing::ShownIds;
using ::chatcart::testing::Templates;
using ::chatcart::testing::Text;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(Conversation, TheGiftFinderAsksOnlyWhatIsUnknown) {
  Conversation c;
  v1::TurnResult r = c.Say("I need a gift for my 6 year old under 40 euros");
  EXPECT_EQ(r.trace().intent(), "find_gift");
  EXPECT_THAT(Templates(r), Contains("ask_interest"));
  EXPECT_THAT(Templates(r), Not(Contains("ask_age")));
  EXPECT_THAT(Templates(r), Not(Contains("ask_budget")));
  r = c.Say("she loves lego");
  EXPECT_THAT(Templates(r), Contains("gift_picks"));
  ASSERT_GT(r.replies_size(), 0);
  int products = 0;
  for (const v1::Reply& reply : r.replies()) products += reply.products_size();
  EXPECT_GT(products, 0);
}

TEST(Conversation, PhotoPrintingAsksWhichPhoneAndRecommendsForBoth) {
  Conversation c;
  v1::TurnResult r = c.Say("how can I print photos from my phone?");
  EXPECT_EQ(r.trace().intent(), "print_photos");
  EXPECT_THAT(Templates(r), Contains("ask_phone"));
  r = c.Say("I have an iPhone and my wife has a Windows phone");
  EXPECT_THAT(Templates(r), Contains("printer_picks"));
  const std::vector<std::string> picked = ShownIds(r);
  // Only printers that work with both phones; never the ten-ink iPhone-only one.
  EXPECT_THAT(picked, Not(Contains("pr-zen10")));
  EXPECT_THAT(picked, Not(Contains("pr-snap")));
  EXPECT_THAT(picked, Contains("pr-tank3"));
}

TEST(Conversation, CartCodeCheckoutAndAnOrderWithAReference) {
  Conversation c;
  c.Say("a gift for my 6 year old who loves lego, under 80 euros");
  v1::TurnResult r = c.Say("add the first one");
  EXPECT_THAT(Templates(r), Contains("chatcart.added"));
  r = c.Say("apply code WELCOME10");
  EXPECT_THAT(Templates(r), Contains("chatcart.code_applied"));
  r = c.Say("checkout");
  EXPECT_THAT(Templates(r), Contains("chatcart.confirm"));
  EXPECT_THAT(Templates(r), Contains("ask_ok"));
  r = c.Say("ok");
  EXPECT_THAT(Templates(r), Contains("chatcart.order_placed"));
  ASSERT_EQ(r.host_actions_size(), 1);
  EXPECT_EQ(r.host_actions(0).kind(), "payment_request");
  EXPECT_THAT(r.host_actions(0).param().at("reference"),
              ::testing::MatchesRegex("[0-9A-Z]{3}-[0-9A-Z]{4}"));
}

TEST(Conversation, ConfirmingAfterTheCartChangedAsksAgain) {
  Conversation c;
  c.Say("a gift for my 6 year old who loves lego, under 80 euros");
  c.Say("add the first one");
  c.Say("checkout");
  c.Say("add the second one");  // interrupts the confirmation; the question resumes
  v1::TurnResult r = c.Say("ok");
  EXPECT_THAT(Templates(r), Contains("chatcart.confirmation_stale"));
  EXPECT_THAT(Templates(r), Not(Contains("chatcart.order_placed")));
}

TEST(Conversation, AddingToAPlacedOrderIsPreviewedThenConfirmed) {
  Conversation c;
  c.Say("a gift for my 6 year old who loves lego, under 80 euros");
  c.Say("add the first one");
  c.Say("checkout");
  c.Say("ok");
  v1::TurnResult r = c.Say("can I add something to my existing order?");
  EXPECT_THAT(Templates(r), Contains("ask_amend_product"));
  c.Say("the plush fox");
  r = c.Say("yes");
  EXPECT_THAT(Templates(r), Contains("chatcart.amended"));
}

TEST(Conversation, AHumanCanBeAskedForAnytime) {
  Conversation c;
  c.Say("I need a gift for my nephew");
  v1::TurnResult r = c.Say("can I speak to a human?");
  EXPECT_THAT(Templates(r), Contains("chatcart.handoff"));
  ASSERT_GE(r.host_actions_size(), 1);
  EXPECT_EQ(r.host_actions(0).kind(), "handoff");
}

TEST(Conversation, AnAdClickInvitesWithItsCampaign) {
  Conversation c;
  v1::TurnInput input;
  input.mutable_event()->set_kind("ad_click");
  (*input.mutable_event()->mutable_param())["campaign"] = "laptops-fall";
  v1::TurnResult r = c.Run(input);
  EXPECT_THAT(Text(r), HasSubstr("laptops-fall"));
  EXPECT_THAT(Text(r), HasSubstr("PC specialist"));
}

TEST(Conversation, SpeaksItalianAndFrench) {
  Conversation it;
  v1::TurnResult r = it.Say("cerco un regalo per mio figlio di 6 anni");
  EXPECT_EQ(r.language(), "it");
  EXPECT_EQ(r.trace().intent(), "find_gift");
  Conversation fr;
  r = fr.Say("bonjour, je cherche un cadeau");
  EXPECT_EQ(r.language(), "fr");
}

// The reasons of every product card of a turn.
std::vector<std::string> Reasons(const v1::TurnResult& r) {
  std::vector<std::string> reasons;
  for (const v1::Reply& reply : r.replies()) {
    for (const v1::ProductCard& card : reply.products()) {
      reasons.insert(reasons.end(), card.reasons().begin(), card.reasons().end());
    }
  }
  return reasons;
}

TEST(Conversation, ReasonsNameAttributesAndValuesInTheSessionsLanguage) {
  Conversation it;
  it.Say("cerco un regalo per mio figlio di 8 anni, sotto i 30 euro");
  v1::TurnResult r = it.Say("gli piace la scienza");
  ASSERT_EQ(r.language(), "it");
  EXPECT_THAT(Reasons(r), Contains("Interessi: scienza"));
  EXPECT_THAT(Text(r), Not(HasSubstr("Interests")));

  Conversation fr;
  fr.Say("je cherche un cadeau pour un enfant de 8 ans, moins de 30 euros");
  r = fr.Say("il adore les sciences");
  ASSERT_EQ(r.language(), "fr");
  EXPECT_THAT(Reasons(r), Contains("Centres d'intérêt : sciences"));

  // English keeps the mapping's label and the value as the catalog holds it.
  Conversation en;
  r = en.Say("a gift for my 8 year old who loves science, under 30 euros");
  EXPECT_THAT(Reasons(r), Contains("Interests: science"));
}

// The demo mapping labels its devices for "*" (every language): each
// session's language names the attribute its way and the values the same.
TEST(Conversation, ValueLabelsForEveryLanguageReadTheSameInEach) {
  const struct {
    const char* language;
    const char* ask;
    const char* phones;
    const char* reason;
  } kCases[] = {
      {"en", "how can I print photos from my phone?",
       "I have an iPhone and my wife has a Windows phone", "Works with: iPhone, Windows Phone"},
      {"it", "come posso stampare le foto dal mio telefono?",
       "ho un iPhone e mia moglie ha un Windows phone", "Compatibile con: iPhone, Windows Phone"},
      {"fr", "comment imprimer des photos depuis mon téléphone ?",
       "j'ai un iPhone et ma femme a un Windows phone", "Compatible avec : iPhone, Windows Phone"},
  };
  for (const auto& c : kCases) {
    Conversation conversation;
    conversation.Say(c.ask);
    v1::TurnResult r = conversation.Say(c.phones);
    ASSERT_EQ(r.language(), c.language);
    EXPECT_THAT(Reasons(r), Contains(c.reason)) << c.language;
    // Not the catalog's raw values, which the "*" labels replace.
    EXPECT_THAT(Text(r), Not(HasSubstr("windows_phone"))) << c.language;
  }
}

}  // namespace
}  // namespace chatcart
