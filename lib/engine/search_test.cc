// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Products found by their names when no flow takes a turn: a short request
// by all its words, a longer one by a word that names a few products alone.

#include <memory>
#include <string>
#include <vector>

#include "chatcart/cart.h"
#include "chatcart/engine.h"
#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "engine/shopper_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

std::vector<std::string> Shown(Session& session, const std::string& text) {
  v1::TurnInput input;
  input.set_text(text);
  input.mutable_time()->set_seconds(1795428000);
  absl::StatusOr<v1::TurnResult> result = session.HandleTurn(input);
  EXPECT_OK(result) << text;
  std::vector<std::string> shown;
  if (!result.ok()) return shown;
  for (const v1::Reply& reply : result->replies()) {
    for (const v1::ProductCard& card : reply.products()) shown.push_back(card.product_id());
  }
  return shown;
}

TEST(CatalogSearch, ALongRequestNothingElseTakesIsSearchedByAWordOfIt) {
  absl::StatusOr<std::shared_ptr<const Engine>> engine =
      Engine::Create(::chatcart::testing::SourceDir() + "/examples/bundles/demo");
  ASSERT_OK(engine);
  std::unique_ptr<Session> session = (*engine)->NewSession("tube", 1);
  // No flow of the demo's takes it; "headphones" names the demo's three.
  EXPECT_THAT(Shown(*session, "need headphones for the tube, proper noise cancelling, they have "
                              "to work with my pixel"),
              ::testing::Contains(std::string("aud-quiet")));
}

TEST(CatalogSearch, AGreetingThatGoesOnWithARequestGivesWayToTheSearch) {
  absl::StatusOr<std::shared_ptr<const Engine>> engine =
      Engine::Create(::chatcart::testing::SourceDir() + "/examples/bundles/demo");
  ASSERT_OK(engine);
  std::unique_ptr<Session> session = (*engine)->NewSession("salut", 1);
  EXPECT_THAT(Shown(*session, "salut, je cherche des écouteurs pour ma fille de 13 ans, max 60 €"),
              ::testing::Contains(std::string("aud-buds")));
  // A greeting alone is still a greeting: nothing shown.
  std::unique_ptr<Session> hello = (*engine)->NewSession("hello", 1);
  EXPECT_THAT(Shown(*hello, "salut !"), ::testing::IsEmpty());
}

// A hello that goes on names what it wants even where no word search finds
// it ("moka" names a product in capacities): the equipment search, not the
// welcome.
TEST(CatalogSearch, AHelloThatGoesOnIsMoreThanAHello) {
  std::shared_ptr<const Engine> brulerie = ::chatcart::testing::StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  std::unique_ptr<Session> session = brulerie->NewSession("moka", 1);
  EXPECT_THAT(::chatcart::testing::ShownIds(::chatcart::testing::Say(
                  *session, "ciao, mi si è rotta la moka, ne avete una da 6 tazze?")),
              ::testing::ElementsAre("moka-6"));
}

// The template of the turn's last reply.
std::string LastTemplate(Session& session, const std::string& text) {
  v1::TurnInput input;
  input.set_text(text);
  input.mutable_time()->set_seconds(1795428000);
  absl::StatusOr<v1::TurnResult> result = session.HandleTurn(input);
  EXPECT_OK(result) << text;
  if (!result.ok() || result->replies_size() == 0) return "";
  return result->replies(result->replies_size() - 1).template_id();
}

TEST(FlowByFacts, AStatementOfFactsAShoeSearchTakesStartsIt) {
  absl::StatusOr<std::shared_ptr<const Engine>> engine =
      Engine::Create(::chatcart::testing::SourceDir() + "/examples/bundles/scarpe");
  ASSERT_OK(engine);
  // No intent, no type of shoe named: a colour and a size the shoe finder
  // takes (and the clothes finder's sizes do not hold).
  std::unique_ptr<Session> nurse = (*engine)->NewSession("nurse", 1);
  EXPECT_EQ(LastTemplate(*nurse,
                         "faccio l'infermiera e sto in piedi 12 ore, cerco qualcosa di "
                         "comodo e leggero, bianco, porto il 39"),
            "ask_style");
  // A size guide heard in a statement that asks nothing is not taken.
  std::unique_ptr<Session> interview = (*engine)->NewSession("interview", 1);
  EXPECT_EQ(LastTemplate(*interview,
                         "got a job interview next week, need smart black shoes, "
                         "size 44, dont want to go over 150"),
            "ask_style");
  // The category the search looks in, named, is one of the facts.
  std::unique_ptr<Session> woods = (*engine)->NewSession("woods", 1);
  EXPECT_EQ(LastTemplate(*woods,
                         "corro nei boschi anche quando piove, mi serve una scarpa che non faccia "
                         "entrare l'acqua. porto il 43"),
            "ask_style");
  // Asked, it is.
  std::unique_ptr<Session> guide = (*engine)->NewSession("guide", 1);
  EXPECT_NE(LastTemplate(*guide, "what size should i take?"), "ask_style");
}

// "Needs 16gb ram minimum" names no choice and fills no slot, but the
// laptops' RAM can meet it: with the budget, two facts the laptop search
// takes. The budget said as "don't want to go over 900" reads "max 900".
TEST(FlowByFacts, AWishItsProductsMeetCountsAsAFact) {
  std::shared_ptr<const Engine> demo = ::chatcart::testing::StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  std::unique_ptr<Session> session = demo->NewSession("uni", 1);
  const v1::TurnResult r = ::chatcart::testing::Say(
      *session,
      "son's starting uni in september, says he needs 16gb ram minimum. i don't want to go over "
      "900");
  EXPECT_THAT(::chatcart::testing::ShownIds(r),
              ::testing::UnorderedElementsAre("lap-aero14", "lap-aero15"));
  EXPECT_THAT(::chatcart::testing::Text(r), ::testing::HasSubstr("max 900"));
  EXPECT_THAT(::chatcart::testing::Text(r), ::testing::Not(::testing::HasSubstr("over 900")));
}

// Socks named in the shoe search start the clothes search with this turn's
// colour and size (not the shoes' size 40 with "M"); "3 of the small packs"
// of the camomile shown stays a variant, not the tea gear.
TEST(OtherSearch, AnotherSearchsChoiceNamedStartsIt) {
  using ::chatcart::testing::Say;
  using ::chatcart::testing::ShownIds;
  std::shared_ptr<const Engine> scarpe = ::chatcart::testing::StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  std::unique_ptr<Session> nurse = scarpe->NewSession("nurse", 1);
  Say(*nurse,
      "I'm a nurse, on my feet 12 hrs a day, need comfy trainers. womens 40, white or grey, "
      "nothing flashy");
  Say(*nurse, "ok the nuvola in grey then");
  ASSERT_THAT(::chatcart::testing::CartIds(*nurse), ::testing::ElementsAre("nuvola-grey-40"));
  EXPECT_THAT(ShownIds(Say(*nurse, "chuck in a pack of the sports socks too, black, M")),
              ::testing::ElementsAre("calzini-black-M"));
  // "Chuck in": the one pack that fits is added.
  EXPECT_THAT(::chatcart::testing::CartIds(*nurse),
              ::testing::ElementsAre("nuvola-grey-40", "calzini-black-M"));
  std::shared_ptr<const Engine> brulerie = ::chatcart::testing::StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  std::unique_ptr<Session> tea = brulerie->NewSession("camomile", 1);
  Say(*tea, "hi do u have camomile tea");
  Say(*tea, "3 of the small packs pls");
  EXPECT_THAT(::chatcart::testing::CartIds(*tea), ::testing::ElementsAre("camomille-100g"));
  EXPECT_THAT(::chatcart::testing::CartQuantities(*tea), ::testing::ElementsAre(3));
}

// A device and a budget the photo search takes, said outright, start it
// before one word of the text ("print") names the kiosk voucher.
TEST(FlowByFacts, FactsSaidOutrightComeBeforeAWordThatNamesAProduct) {
  std::shared_ptr<const Engine> demo = ::chatcart::testing::StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  std::unique_ptr<Session> session = demo->NewSession("gran", 1);
  const std::vector<std::string> shown = ::chatcart::testing::ShownIds(::chatcart::testing::Say(
      *session,
      "my gran has a samsung and wants to print pics of the great grandkids for her fridge. "
      "she's not techy at all. nothing over 150"));
  EXPECT_THAT(shown, ::testing::Contains("pr-cp400"));
}

// A coffee for the moka just bought is a new search: the moka's "da 6"
// is no budget of it.
TEST(OtherSearch, ASearchAfterAnotherKeepsNoneOfItsBudget) {
  std::shared_ptr<const Engine> brulerie = ::chatcart::testing::StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  std::unique_ptr<Session> session = brulerie->NewSession("moka-caffe", 1);
  ::chatcart::testing::Say(*session, "ciao, mi si è rotta la moka, ne avete una da 6 tazze?");
  ::chatcart::testing::Say(*session, "ok la prendo da 6");
  const v1::TurnResult coffee =
      ::chatcart::testing::Say(*session, "e un caffè per la moka, mi piace nocciolato");
  EXPECT_THAT(::chatcart::testing::Text(coffee), ::testing::Not(::testing::HasSubstr("6,00")));
  EXPECT_GE(::chatcart::testing::ShownIds(coffee).size(), 2u);
}

// "He also needs white sports socks, size L, 2 packs" after high tops were
// added in the shoe search: the one pack that fits, two of it.
TEST(OtherSearch, AlsoNeedingAnotherKindAfterAnAddTakesTheOneThatFits) {
  std::shared_ptr<const Engine> scarpe = ::chatcart::testing::StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  std::unique_ptr<Session> session = scarpe->NewSession("socks-l", 1);
  ::chatcart::testing::Say(
      *session,
      "my son wants black high tops, the canvas kind. he's only 14 and allready a 45 lol");
  ::chatcart::testing::Say(*session, "ok the 45 then, add them");
  ASSERT_THAT(::chatcart::testing::CartIds(*session), ::testing::ElementsAre("tela-alta-black-45"));
  ::chatcart::testing::Say(*session, "he also needs white sports socks, size L, 2 packs");
  EXPECT_THAT(::chatcart::testing::CartIds(*session),
              ::testing::ElementsAre("tela-alta-black-45", "calzini-white-L"));
  EXPECT_THAT(::chatcart::testing::CartQuantities(*session), ::testing::ElementsAre(1, 2));
}

// "Budget around 600": laptops near 600, none at 899 or 1,299.
TEST(Budgets, AroundIsNearNotAnyPriceAbove) {
  std::shared_ptr<const Engine> demo = ::chatcart::testing::StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  std::unique_ptr<Session> session = demo->NewSession("around", 1);
  const std::vector<std::string> shown = ::chatcart::testing::ShownIds(::chatcart::testing::Say(
      *session,
      "need a laptop for uni, battery has to last a whole day of lectures, budget around 600"));
  EXPECT_THAT(shown, ::testing::Contains("lap-aero14"));
  EXPECT_THAT(shown, ::testing::Not(::testing::Contains("lap-titan16")));
  EXPECT_THAT(shown, ::testing::Not(::testing::Contains("lap-aero15")));
}

std::vector<std::string> CartProducts(const Session& session) {
  std::vector<std::string> ids;
  if (session.cart() == nullptr) return ids;
  for (const CartLine& line : session.cart()->state().lines) {
    ids.push_back(line.sku.empty() ? line.product_id : line.sku);
  }
  return ids;
}

TEST(AnotherChoice, AnotherKindNamedAfterAnAddIsANewSearchNotAVariant) {
  absl::StatusOr<std::shared_ptr<const Engine>> engine =
      Engine::Create(::chatcart::testing::SourceDir() + "/examples/bundles/scarpe");
  ASSERT_OK(engine);
  std::unique_ptr<Session> session = (*engine)->NewSession("ballerines", 1);
  Shown(*session, "bonjour, je cherche des mocassins pour le bureau, en rouge, je fais du 37");
  Shown(*session, "parfait je les prends");
  ASSERT_THAT(CartProducts(*session), ::testing::ElementsAre("nappa-red-37"));
  // Not the loafers in black: flats, black, 37.
  EXPECT_THAT(Shown(*session, "et des ballerines noires pour le week-end, même pointure"),
              ::testing::Contains(std::string("luna-black-37")));
  EXPECT_THAT(CartProducts(*session), ::testing::ElementsAre("nappa-red-37"));
  // Asked for as a question: the same.
  std::unique_ptr<Session> asked = (*engine)->NewSession("ballerina", 1);
  Shown(*asked, "cerco dei sandali beige nel 39");
  EXPECT_THAT(Shown(*asked, "mi fai vedere una ballerina nera nel 39?"),
              ::testing::Contains(std::string("luna-black-39")));
}

TEST(StoreQuestions, TheShippingAskedIsNotTheTotal) {
  absl::StatusOr<std::shared_ptr<const Engine>> engine =
      Engine::Create(::chatcart::testing::SourceDir() + "/examples/bundles/scarpe");
  ASSERT_OK(engine);
  std::unique_ptr<Session> session = (*engine)->NewSession("spedizione", 1);
  LastTemplate(*session, "add the cappellino passo in black");
  ASSERT_THAT(CartProducts(*session), ::testing::SizeIs(1));
  EXPECT_NE(LastTemplate(*session, "quanto pago di spedizione?"), "chatcart.cart_summary");
  EXPECT_EQ(LastTemplate(*session, "whats the total w shipping"), "chatcart.cart_summary");
}

TEST(StoreQuestions, WhenItWouldArriveIfIOrderIsAboutShippingEvenMidQuestion) {
  absl::StatusOr<std::shared_ptr<const Engine>> engine =
      Engine::Create(::chatcart::testing::SourceDir() + "/examples/bundles/demo");
  ASSERT_OK(engine);
  std::unique_ptr<Session> session = (*engine)->NewSession("arrive", 1);
  ASSERT_EQ(LastTemplate(*session, "a gift for my niece"), "ask_age");
  // Not a failed answer to the age question.
  const std::string said = LastTemplate(*session, "if i order today when would it get here");
  EXPECT_NE(said, "ask_age");
  EXPECT_NE(said, "ask_age_2");
}

TEST(AreYouABot, ThePersonItSpeaksOfIsOffered) {
  absl::StatusOr<std::shared_ptr<const Engine>> engine =
      Engine::Create(::chatcart::testing::SourceDir() + "/examples/bundles/brulerie");
  ASSERT_OK(engine);
  std::unique_ptr<Session> session = (*engine)->NewSession("bot", 1);
  LastTemplate(*session, "when are you open?");
  EXPECT_EQ(LastTemplate(*session, "are you a bot btw?"), "chatcart.offer_human");
}

TEST(Focus, TheOneProductAFactWasKnownForIsWhatThemMeans) {
  absl::StatusOr<std::shared_ptr<const Engine>> engine =
      Engine::Create(::chatcart::testing::SourceDir() + "/examples/bundles/scarpe");
  ASSERT_OK(engine);
  std::unique_ptr<Session> session = (*engine)->NewSession("them", 1);
  ASSERT_THAT(Shown(*session, "looking for knee high boots for winter, brown, womens 40"),
              ::testing::SizeIs(::testing::Gt(1)));
  // Only the Cortina has a heel height in the catalog.
  Shown(*session, "how high is the heel");
  Shown(*session, "ok i'll take them");
  EXPECT_THAT(CartProducts(*session), ::testing::ElementsAre("cortina-brown-40"));
}

TEST(References, ANameSaidWithAttributeWordsIsFoundWithoutThem) {
  absl::StatusOr<std::shared_ptr<const Engine>> engine =
      Engine::Create(::chatcart::testing::SourceDir() + "/examples/bundles/demo");
  ASSERT_OK(engine);
  std::unique_ptr<Session> session = (*engine)->NewSession("casque", 1);
  v1::TurnInput input;
  input.set_text("bon. le casque à réduction de bruit, il marche avec un windows phone ?");
  input.mutable_time()->set_seconds(1795428000);
  absl::StatusOr<v1::TurnResult> result = session->HandleTurn(input);
  ASSERT_OK(result);
  ASSERT_GT(result->replies_size(), 0);
  // "bruit" and "windows phone" are attribute words: the QuietOne is named
  // by the rest and the question is answered about it.
  EXPECT_THAT(result->replies(0).text(), ::testing::HasSubstr("QuietOne")) << result->DebugString();
}

TEST(CatalogSearch, ACritiqueOfProductsFoundByNameRefinesTheirCategory) {
  absl::StatusOr<std::shared_ptr<const Engine>> engine =
      Engine::Create(::chatcart::testing::SourceDir() + "/examples/bundles/demo");
  ASSERT_OK(engine);
  std::unique_ptr<Session> session = (*engine)->NewSession("cheaper", 1);
  const std::vector<std::string> found = Shown(
      *session,
      "need headphones for the tube, proper noise cancelling, they have to work with my pixel");
  ASSERT_THAT(found, ::testing::Contains(std::string("aud-quiet")));
  const std::vector<std::string> cheaper =
      Shown(*session, "bit pricey tbh. anything cheaper that still works with android?");
  ASSERT_FALSE(cheaper.empty());
  for (const std::string& id : cheaper) {
    EXPECT_THAT(found, ::testing::Not(::testing::Contains(id))) << id << " was shown already";
    EXPECT_TRUE(id.starts_with("aud-")) << id << " is no headphone";
  }
}

TEST(KnownCode, AStoreCodeSaidAnyHowIsApplied) {
  absl::StatusOr<std::shared_ptr<const Engine>> engine =
      Engine::Create(::chatcart::testing::SourceDir() + "/examples/bundles/demo");
  ASSERT_OK(engine);
  for (const std::string text : {"TOYS5", "oh. what about TOYS5 then", "ho toys5"}) {
    std::unique_ptr<Session> session = (*engine)->NewSession("code", 1);
    LastTemplate(*session, "add the junior football set");
    ASSERT_NE(session->cart(), nullptr);
    ASSERT_EQ(session->cart()->state().lines.size(), 1u);
    v1::TurnInput input;
    input.set_text(text);
    input.mutable_time()->set_seconds(1795428000);
    absl::StatusOr<v1::TurnResult> result = session->HandleTurn(input);
    ASSERT_OK(result);
    bool applied = false;
    for (const v1::Reply& reply : result->replies()) {
      applied = applied || reply.template_id() == "chatcart.code_applied";
    }
    EXPECT_TRUE(applied) << text << "\n" << result->DebugString();
  }
  // A word shaped like a code that the store does not have is left to the
  // classifier (no code flow forced on "I have a PS5").
  std::unique_ptr<Session> other = (*engine)->NewSession("ps5", 1);
  EXPECT_NE(LastTemplate(*other, "my son has a PS5"), "chatcart.code_unknown");
}

// "1299 c'est beaucoup trop, un truc moins cher qui fait tourner les
// jeux ?" of the laptops shown: a critique of them ("jeux" is what the
// laptop is for), not the gift finder's games.
TEST(OtherSearch, ACritiqueOfTheSearchShownIsNoOtherSearch) {
  using ::chatcart::testing::Say;
  std::shared_ptr<const Engine> demo = ::chatcart::testing::StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  std::unique_ptr<Session> session = demo->NewSession("jeux", 1);
  Say(*session,
      "mon fils veut un pc portable pour jouer, il a mis 900€ de côté mais je peux compléter");
  Say(*session, "le titan il a combien de ram ?");
  v1::TurnResult result =
      Say(*session, "1299 c'est beaucoup trop, un truc moins cher qui fait tourner les jeux ?");
  for (const std::string& id : ::chatcart::testing::ShownIds(result)) {
    EXPECT_THAT(id, ::testing::Not(::testing::StartsWith("toy-")));
  }
  EXPECT_THAT(result.trace().state(), ::testing::StartsWith("laptop/"));
}

// "Actually something less formal, loafers maybe" after dress shoes: the
// style is loafers alone; "formal" is wanted less, not one of two styles.
TEST(OtherSearch, AChoiceWantedLessIsNoAnswer) {
  using ::chatcart::testing::Say;
  std::shared_ptr<const Engine> scarpe = ::chatcart::testing::StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  std::unique_ptr<Session> session = scarpe->NewSession("loafers", 1);
  Say(*session, "need black dress shoes for a wedding, size 44, max 160");
  const std::vector<std::string> shown =
      ::chatcart::testing::ShownIds(Say(*session, "actually something less formal, loafers maybe"));
  ASSERT_THAT(shown, ::testing::Not(::testing::IsEmpty()));
  for (const std::string& id : shown)
    EXPECT_THAT(id, ::testing::Not(::testing::StartsWith("milano")));
}

// "Actually make it 4 bags so we get free shipping": the quantity changed,
// the shipping only its reason.
TEST(StoreQuestions, AQuantityChangedForFreeShippingIsNoShippingQuestion) {
  using ::chatcart::testing::Say;
  std::shared_ptr<const Engine> brulerie = ::chatcart::testing::StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  std::unique_ptr<Session> session = brulerie->NewSession("bags", 1);
  Say(*session, "add 3 bags of the mélange maison 1kg in beans");
  ASSERT_THAT(::chatcart::testing::CartQuantities(*session), ::testing::ElementsAre(3));
  Say(*session, "actually make it 4 bags so we get free shipping");
  EXPECT_THAT(::chatcart::testing::CartQuantities(*session), ::testing::ElementsAre(4));
}

}  // namespace
}  // namespace chatcart
