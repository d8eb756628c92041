// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Questions about the products shown, answered from their facts, names and
// descriptions, and what the answer puts in focus.

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "engine/shopper_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::CartIds;
using ::chatcart::testing::Say;
using ::chatcart::testing::ShownIds;
using ::chatcart::testing::StoreEngine;
using ::chatcart::testing::Templates;
using ::chatcart::testing::Text;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// "Quanto viene grande una volta finito?" after two gift ideas: only the
// puzzle's description says a size, so "mettilo nel carrello" means it.
TEST(ProductQuestions, AFactDescribedOfOneProductShownPutsItInFocus) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("puzzle", 1);
  const v1::TurnResult ideas =
      Say(*session, "ciao, regalo x mia suocera che ha 64 anni, adora i puzzle. nn più di 20 euro");
  ASSERT_THAT(ShownIds(ideas), Contains("toy-puzzle"));
  ASSERT_GT(ShownIds(ideas).size(), 1u);
  EXPECT_THAT(Text(Say(*session, "quanto viene grande una volta finito?")), HasSubstr("68x48"));
  Say(*session, "perfetto mettilo nel carrello");
  EXPECT_THAT(CartIds(*session), ElementsAre("toy-puzzle"));
}

// "Quanto pesa?" where neither laptop's name or description says a weight:
// the weight is not known, and the price is not given instead.
TEST(ProductQuestions, AMeasureNoProductSaysIsUnknownNotThePrice) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("peso", 1);
  ASSERT_THAT(ShownIds(Say(*session, "mi serve un portatile per la scuola, max 600 euro")),
              Not(::testing::IsEmpty()));
  const v1::TurnResult weight = Say(*session, "quanto pesa?");
  EXPECT_THAT(Templates(weight), ElementsAre("chatcart.fact_unknown"));
  EXPECT_THAT(Text(weight), HasSubstr("peso"));
  EXPECT_THAT(Text(weight), Not(HasSubstr("€")));
}

// "Do you sell those?" after naming the microscope asks of the microscope
// (sold out), not of the crystal lab the last answer was about.
TEST(ProductQuestions, AProductNamedInAQuestionBeatsThePointer) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("microscope", 1);
  Say(*session, "my nephew turns 8 on saturday, he's mad about space and experiments. max 25 euro");
  Say(*session, "and how long do the crystals take to grow");
  const v1::TurnResult r =
      Say(*session, "he's got a microscope on his wishlist too, do you sell those?");
  EXPECT_THAT(Templates(r), Contains("chatcart.have_it_sold_out"));
  EXPECT_THAT(ShownIds(r), ElementsAre("toy-micro"));
}

// "Il a quel goût ?", "che gusto ha?", "how does it taste": the tasting
// notes; "goûter" (to taste) asks nothing of them.
TEST(ProductQuestions, TasteAsksTheTastingNotes) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("gout", 1);
  Say(*session, "vous avez du déca ?");
  const v1::TurnResult taste = Say(*session, "il a quel goût ?");
  EXPECT_THAT(Templates(taste), ElementsAre("chatcart.fact"));
  EXPECT_THAT(Text(taste), HasSubstr("Notes"));
  EXPECT_THAT(Templates(Say(*session, "un coffret pour goûter plusieurs thés peut-être ?")),
              Not(Contains("chatcart.fact")));
}

// "Can i pay with apple pay" with shoes in the cart asks how one pays, not
// to check out, though the classifier hears a checkout in "pay": the shoe
// shop has no answer about payment and says so.
TEST(StoreQuestions, APaymentQuestionIsNoCheckout) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("apple-pay", 1);
  Say(*session, "aggiungi un cappellino passo nero");
  ASSERT_EQ(::chatcart::testing::CartIds(*session).size(), 1u);
  const v1::TurnResult r = Say(*session, "can i pay with apple pay");
  EXPECT_THAT(Templates(r), Contains("chatcart.no_info"));
  EXPECT_THAT(Templates(r), Not(Contains("chatcart.confirm")));
  EXPECT_THAT(Templates(Say(*session, "vai al pagamento")), Not(Contains("chatcart.no_info")));
}

// "La moins chère des deux" after the two printers that work with a Lumia
// and the kiosk voucher shown beside them: the cheaper printer.
TEST(ProductQuestions, OfTheTwoMeansTheFirstTwoShown) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("deux", 1);
  const v1::TurnResult shown =
      Say(*session,
          "bonjour j'ai encore un vieux nokia lumia, y a une imprimante photo qui marche avec ?");
  ASSERT_GT(ShownIds(shown).size(), 2u);
  const std::string text = Text(Say(*session, "la moins chère des deux c'est laquelle ?"));
  EXPECT_THAT(text, HasSubstr("Lumo"));
  EXPECT_THAT(text, Not(HasSubstr("Kiosk")));
}

// "Are they real leather?" of loafers described in Italian ("in pelle"): the
// yes quotes the description and the shopper's own word beside it.
TEST(ProductQuestions, ADescriptionInAnotherLanguageIsGlossedWithTheShoppersWord) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("leather", 1);
  Say(*session,
      "want to surprise my bf with loafers, he's a 42 i think, brown, nothing crazy expensive");
  const v1::TurnResult r = Say(*session, "are they real leather");
  EXPECT_THAT(Templates(r), Contains("chatcart.fact_described_yes"));
  EXPECT_THAT(Text(r), HasSubstr("pelle"));
  EXPECT_THAT(Text(r), HasSubstr("(leather)"));
}

// "How many cups does it make" of the french press found counts cups; it
// names no espresso cups.
TEST(ProductQuestions, TheNounCountedNamesNoProduct) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("cups", 1);
  Say(*session, "do you sell french presses? mine just broke");
  const std::string text = Text(Say(*session, "how many cups does it make"));
  EXPECT_THAT(text, HasSubstr("8 tasses"));
  EXPECT_THAT(text, Not(HasSubstr("Tasses espresso")));
}

// "Mi fai parlare con qualcuno? volevo sapere se fate prezzi per i bar"
// after coffees were shown: a person, not the prices of those shown.
TEST(ProductQuestions, AskingForAPersonBeatsAQuestionAboutWhatWasShown) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("bar", 1);
  Say(*session, "ciao vorrei del caffè in grani");
  Say(*session, "macchina espresso");
  ASSERT_THAT(ShownIds(Say(*session, "boh nn so, indifferente")), Not(::testing::IsEmpty()));
  const v1::TurnResult r =
      Say(*session, "senti, mi fai parlare con qualcuno? volevo sapere se fate prezzi per i bar");
  EXPECT_THAT(Templates(r), Not(Contains("chatcart.facts")));
  bool handoff = false;
  for (const v1::HostActionRequest& action : r.host_actions()) {
    handoff = handoff || action.kind() == "handoff";
  }
  EXPECT_TRUE(handoff) << r.DebugString();
}

// "Je cherche les chelsea lago en noir, pointure 37": the black 37 is sold
// out, said so with what there is, not the card of another size.
TEST(ProductQuestions, AProductAskedForInAVariantSaysWhetherThatVariantIsThere) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("chelsea", 1);
  const v1::TurnResult r = Say(*session, "je cherche les chelsea lago en noir, pointure 37");
  EXPECT_THAT(Templates(r), Contains("chatcart.variant_sold_out"));
  EXPECT_THAT(ShownIds(r), Not(Contains("chelsea-lago-black-36")));
}

// "C'est pour quel âge ?": from and up to, both ends of the age range.
TEST(ProductQuestions, AnAgeAskedIsTheRange) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("age", 1);
  Say(*session, "je voudrais le xylophone");
  const v1::TurnResult r = Say(*session, "c'est pour quel âge ?");
  const std::vector<std::string> templates = Templates(r);
  EXPECT_EQ(std::count(templates.begin(), templates.end(), "chatcart.fact"), 2) << r.DebugString();
}

// "Il y a quoi dans la mallette ?" of a product named from the catalog: what
// it holds, not whether it is sold; "limité à combien de décibels ?" the dB.
TEST(ProductQuestions, WhatANamedProductHoldsAndItsDecibels) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto art = demo->NewSession("mallette", 1);
  Say(*art, "bonjour, ma filleule a 8 ans et adore dessiner, max 30 euros");
  EXPECT_THAT(Templates(Say(*art, "il y a quoi dans la mallette ?")),
              Not(Contains("chatcart.have_it")));
  auto kids = demo->NewSession("decibels", 1);
  Say(*kids, "vous avez un casque pour enfants ?");
  EXPECT_THAT(Text(Say(*kids, "il est limité à combien de décibels ?")), HasSubstr("85"));
}

// "Which is the lightest?" of sneakers shown: the weight, least first;
// "elle s'allume ?" of the scooter: its light-up wheels, as described.
TEST(ProductQuestions, LightestAndLightUp) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto rome = scarpe->NewSession("rome", 1);
  Say(*rome, "hi im off to rome for a week of walking, need light comfy sneakers. womens 38");
  EXPECT_THAT(Templates(Say(*rome, "which is the lightest?")), Contains("chatcart.which_lowest"));
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto scooter = demo->NewSession("scooter", 1);
  Say(*scooter, "coucou, je cherche un cadeau pour mon neveu qui a 3 ans, il adore être dehors");
  Say(*scooter, "50 euros max");
  const v1::TurnResult lit = Say(*scooter, "elle s'allume ?");
  EXPECT_THAT(Templates(lit), Contains(::testing::StartsWith("chatcart.fact_described")));
}

// "How do you brew it?": the minutes and the degrees of the description.
TEST(ProductQuestions, HowToBrewIsEveryNumberOfTheBrewing) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("brew", 1);
  Say(*session, "do you have japanese green tea?");
  const std::string text = Text(Say(*session, "how do you brew it?"));
  EXPECT_THAT(text, HasSubstr("2 min"));
  EXPECT_THAT(text, HasSubstr("70"));
}

// "Lequel est le plus corsé ?", "how strong is it": the intensity.
TEST(ProductQuestions, StrongAsksTheIntensity) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("corse", 1);
  Say(*session, "je cherche un café pour ma moka, plutôt chocolaté");
  EXPECT_THAT(Templates(Say(*session, "lequel est le plus corsé ?")),
              Contains("chatcart.which_highest"));
}

// "Do they come in black?" of boots made only in brown: a question about
// the boots shown ("they" points at them), answered with the colours they
// come in, not the search run again in black.
TEST(Questions, AColourAProductNeverComesInIsSaidWithThoseItDoes) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  for (const auto& [language, first, asked, brown] :
       {std::tuple{"en", "winter boots for men, size 42, suede", "do they come in black?", "brown"},
        std::tuple{"fr", "il me faut des boots pour l'hiver, homme, 42, en daim",
                   "elles existent en noir ?", "marron"}}) {
    auto session = scarpe->NewSession(std::string("bosco-") + language, 1);
    ASSERT_THAT(ShownIds(Say(*session, first)), ElementsAre("bosco-brown-42"));
    v1::TurnResult result = Say(*session, asked);
    EXPECT_THAT(Templates(result), Contains("chatcart.variant_missing")) << language;
    EXPECT_THAT(Text(result), HasSubstr(brown)) << language;
  }
}

// "Does it do normal 10x15 photos?" of the Inkwell Tank in focus: "it"
// points at the printer; "10x15" is the format asked about, not the name
// of the 10x15 kiosk voucher shown beside it, so "ok add it" adds the
// printer.
TEST(Questions, AFormatAskedOfTheProductPointedAtNamesNoOther) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("tank", 1);
  Say(*session,
      "hi, my grandad wants to print photos of the grandkids from his android phone at home. he "
      "hates buying ink cartridges, what would u suggest");
  Say(*session, "the inkwell tank one, how much does a print cost roughly");
  EXPECT_THAT(Text(Say(*session, "does it do normal 10x15 photos?")), HasSubstr("Inkwell Tank"));
  Say(*session, "ok add it");
  EXPECT_THAT(CartIds(*session), ElementsAre("pr-tank3"));
}

// "Vous avez le microscope junior ?" of one sold out: shown, and said to be
// out of stock.
TEST(Questions, AProductAskedForThatIsSoldOutIsSaidToBe) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("micro", 1);
  v1::TurnResult result = Say(*session, "vous avez le microscope junior ?");
  EXPECT_THAT(ShownIds(result), ElementsAre("toy-micro"));
  EXPECT_THAT(Templates(result), Contains("chatcart.out_of_stock"));
  // One in stock is not.
  auto other = demo->NewSession("fox", 1);
  EXPECT_THAT(Templates(Say(*other, "vous avez le renard en peluche ?")),
              Not(Contains("chatcart.out_of_stock")));
}

// "whats in the world teas box?" (no apostrophe) asks what the box holds,
// not whether the store has it; "whats in my cart" is still the cart.
TEST(Questions, WhatsInWithoutTheApostropheAsksWhatItHolds) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("whats", 1);
  Say(*session, "my mum loves green tea, it's her birthday. around 30 eur?");
  EXPECT_THAT(Text(Say(*session, "whats in the world teas box?")), HasSubstr("Sencha"));
  EXPECT_THAT(Templates(Say(*session, "whats in my cart")), Not(Contains("chatcart.product")));
}

// "Le titan il a combien de ram ?" then "et la batterie elle tient
// combien ?": "elle" points at the Titan asked about, not the three laptops
// shown before it.
TEST(Questions, ElleAsksOfTheProductInFocus) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("titan", 1);
  Say(*session,
      "mon fils veut un pc portable pour jouer, il a mis 900€ de côté mais je peux compléter");
  Say(*session, "le titan il a combien de ram ?");
  const std::string answer = Text(Say(*session, "et la batterie elle tient combien ?"));
  EXPECT_THAT(answer, HasSubstr("Titan"));
  EXPECT_THAT(answer, Not(HasSubstr("Nimbus")));
}

// "Laquelle est la plus légère ?", "qual è la più leggera?": the weight,
// least first (as "which is the lightest?"); "avete qualcosa di più
// leggero?" stays a critique.
TEST(Questions, TheLightestAskedInItalianAndFrenchIsTheWeight) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto fr = scarpe->NewSession("legere", 1);
  Say(*fr, "je cherche des baskets blanches pour femme en 39, les plus légères possible");
  EXPECT_THAT(Text(Say(*fr, "laquelle est la plus légère ?")), HasSubstr("210"));
  auto it = scarpe->NewSession("leggera", 1);
  Say(*it, "sneakers bianche da donna, taglia 39");
  EXPECT_THAT(Text(Say(*it, "qual è la più leggera?")), HasSubstr("210"));
  EXPECT_THAT(ShownIds(Say(*it, "avete qualcosa di più leggero?")), Not(ElementsAre()));
}

// "Di che cotone è la maglietta?" of the "T-shirt in cotone bio" in the
// cart: "maglietta" is the t-shirt (the glossary), so its cotton is said.
TEST(Questions, AGarmentNamedInItalianIsTheOneMeant) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("maglietta", 1);
  Say(*session, "una felpa col cappuccio nera taglia L per mio figlio");
  Say(*session, "e una t-shirt bianca M");
  EXPECT_THAT(Text(Say(*session, "di che cotone è la maglietta?")), HasSubstr("bio"));
}

// "Do the quietone anc headphones work with android?" as a first message:
// a question about the headphones named in full (answered, and their card
// shown), not the printers "android" would find.
TEST(Questions, AProductNamedInFullIsAskedAboutNotSearchedAround) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("quietone", 1);
  v1::TurnResult result = Say(*session, "do the quietone anc headphones work with android?");
  EXPECT_THAT(Templates(result), Contains("chatcart.works_with_yes"));
  EXPECT_THAT(ShownIds(result), ElementsAre("aud-quiet"));
}

// "Da dove viene?", "il vient d'où ?" of the coffee shown: its origin.
TEST(Questions, WhereItComesFromIsItsOrigin) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("viene", 1);
  Say(*session, "got a french press for xmas, what coffee goes with it? i like fruity stuff");
  EXPECT_THAT(Text(Say(*session, "da dove viene?")), HasSubstr("Etiopia"));
}

// "What teas are in it" of the tea box shown; "il tient combien d'heures ?",
// "ils tiennent combien de temps ?" of headphones: their battery.
TEST(Questions, WhatIsInItAndHowLongItLasts) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("teas", 1);
  Say(*session, "need a gift for my boss, she loves tea, around 25 euros");
  EXPECT_THAT(Text(Say(*session, "what teas are in the coffret thés du monde? what's in it")),
              HasSubstr("Sencha"));
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto buds = demo->NewSession("buds", 1);
  Say(*buds, "vous avez les écouteurs budlite ?");
  EXPECT_THAT(Text(Say(*buds, "ils tiennent combien de temps ?")), HasSubstr("20"));
}

}  // namespace
}  // namespace chatcart
