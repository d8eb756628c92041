// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Variant values as shoppers write them: measures apart or in other units
// ("a kilo", "250 gr"), labels of several words by their distinctive word
// ("en grains"), over the Brûlerie store (weights and grinds as variants).

#include <memory>
#include <string>
#include <vector>

#include "chatcart/cart.h"
#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "engine/product_words.h"
#include "engine/shopper_testing.h"
#include "engine/understand.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::CartIds;
using ::chatcart::testing::Say;
using ::chatcart::testing::StoreEngine;
using ::chatcart::testing::Templates;
using ::chatcart::testing::Text;
using ::testing::Contains;
using ::testing::Not;

TEST(WordsForValues, JoinsMeasuresWithTheirUnit) {
  EXPECT_THAT(engine::WordsForValues({"250", "gr"}), Contains("250g"));
  EXPECT_THAT(engine::WordsForValues({"1", "kg"}), Contains("1kg"));
  EXPECT_THAT(engine::WordsForValues({"2kilos"}), Contains("2kg"));
  EXPECT_THAT(engine::WordsForValues({"a", "kilo"}), Contains("1kg"));
  EXPECT_THAT(engine::WordsForValues({"un", "chilo"}), Contains("1kg"));
  EXPECT_THAT(engine::WordsForValues({"500", "grammes"}), Contains("500g"));
  // Words are kept as they are too; nothing is made of words without units.
  EXPECT_THAT(engine::WordsForValues({"Moulu", "Espresso"}), Contains("espresso"));
  EXPECT_THAT(engine::WordsForValues({"3", "cups"}), Not(Contains("3g")));
}

TEST(VariantWords, AKiloIsTheKiloBag) {
  auto engine = StoreEngine("brulerie");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("kilo", 1);
  Say(*session, "add a kilo of the Mélange Espresso Maison, espresso grind");
  EXPECT_THAT(CartIds(*session), Contains("maison-1kg-espresso"));
}

TEST(VariantWords, AMultiWordLabelIsNamedByItsOwnWord) {
  auto engine = StoreEngine("brulerie");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("grains", 1);
  Say(*session, "ajoute au panier le Colombie Huila 250 g, en grains");
  EXPECT_THAT(CartIds(*session), Contains("colombie-250g-beans"));
}

TEST(VariantWords, ValuesAloneChooseTheProductInFocus) {
  auto engine = StoreEngine("brulerie");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("focus", 1);
  Say(*session, "do you have the Colombie Huila?");
  Say(*session, "ok 250g, whole beans");
  EXPECT_THAT(CartIds(*session), Contains("colombie-250g-beans"));
}

TEST(References, WordsAfterForSayWhatItIsForNotWhichProduct) {
  auto engine = StoreEngine("brulerie");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("filtro", 1);
  // Coffee for the filter, not the paper filters "filtro" finds by name.
  Say(*session, "vorrei un caffè x il filtro");
  EXPECT_THAT(CartIds(*session), Not(Contains("filtres")));
}

TEST(References, ABareAddTakesTheOneProductShown) {
  std::shared_ptr<const Engine> engine = StoreEngine("scarpe");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("aggiungi", 1);
  Say(*session, "mocassini da uomo marroni 42");
  Say(*session, "aggiungi");
  EXPECT_THAT(CartIds(*session), Contains("venezia-brown-42"));
}

TEST(ProductQuestions, WhatIsInItIsAnsweredFromTheDescription) {
  auto engine = StoreEngine("brulerie");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("inside", 1);
  Say(*session, "looking for a gift for my mum, she loves tea");
  v1::TurnResult r = Say(*session, "what's in it");
  const std::vector<std::string> templates = Templates(r);
  EXPECT_THAT(templates, Contains("chatcart.product"));
}

TEST(Repair, FrustrationThatAsksForAPersonHandsOff) {
  std::shared_ptr<const Engine> engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("frustrated", 1);
  v1::TurnResult r = Say(*session, "nn capisci niente, voglio parlare con una persona");
  bool handoff = false;
  for (const v1::HostActionRequest& h : r.host_actions())
    handoff = handoff || h.kind() == "handoff";
  EXPECT_TRUE(handoff) << r.DebugString();
}

TEST(References, TwoNamesTiedAreTwoProducts) {
  std::shared_ptr<const Engine> engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("both", 1);
  Say(*session, "un regalo per una ragazza di 13 anni");
  Say(*session, "le piacciono i giochi da tavolo, max 20");
  Say(*session, "ok prendo il puzzle e anche il dodo");
  EXPECT_THAT(CartIds(*session), ::testing::UnorderedElementsAre("toy-puzzle", "toy-dodo"));
}

TEST(Critiques, AnAmountSaidWithMoreIsANewCeiling) {
  std::shared_ptr<const Engine> engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("ceiling", 1);
  Say(*session, "can i print photos from a windows phone? its an old lumia");
  v1::TurnResult r = Say(*session, "i dont really want to spend more than 130 on this");
  int shown = 0;
  for (const v1::Reply& reply : r.replies()) {
    EXPECT_NE(reply.template_id(), "chatcart.failed_generic") << reply.text();
    for (const v1::ProductCard& card : reply.products()) {
      ++shown;
      EXPECT_LE(card.price().minor_units(), 13000) << card.product_id();
    }
  }
  EXPECT_GT(shown, 0);
}

TEST(NoPreference, MoneyIsNoIssueAnswersTheBudget) {
  std::shared_ptr<const Engine> engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("no-budget", 1);
  v1::TurnResult r = Say(*session, "need a gaming laptop, money isnt an issue");
  int shown = 0;
  for (const v1::Reply& reply : r.replies()) shown += reply.products_size();
  EXPECT_GT(shown, 0) << r.DebugString();  // not "what budget do you have in mind?"
}

TEST(ProductQuestions, TheCartIsNoAttribute) {
  std::shared_ptr<const Engine> engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("cart", 1);
  Say(*session, "add the plush fox to my cart");
  v1::TurnResult r = Say(*session, "whats in my cart again");
  for (const v1::Reply& reply : r.replies()) {
    // "cart" is not the start of "cartridges".
    EXPECT_NE(reply.template_id(), "chatcart.fact_unknown") << reply.text();
  }
}

TEST(ProductQuestions, WhichIsCheapestInFrench) {
  std::shared_ptr<const Engine> engine = StoreEngine("scarpe");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("moins-chere", 1);
  Say(*session, "des baskets blanches en cuir pour homme, 43");
  v1::TurnResult r = Say(*session, "laquelle est la moins chère ?");
  const std::vector<std::string> templates = Templates(r);
  EXPECT_THAT(templates, Contains("chatcart.which_lowest"));
}

TEST(Sizes, ABareNumberTheCatalogSellsAsASizeIsTheSize) {
  std::shared_ptr<const Engine> engine = StoreEngine("scarpe");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("mens-43", 1);
  v1::TurnResult r = Say(*session, "running shoes under 100, mens 43");
  int shown = 0;
  for (const v1::Reply& reply : r.replies()) {
    for (const v1::ProductCard& card : reply.products()) {
      ++shown;
      EXPECT_THAT(card.product_id(), ::testing::EndsWith("-43"));
    }
  }
  EXPECT_GT(shown, 0) << r.DebugString();  // not "what's your shoe size?"
}

TEST(Flows, AChoiceOfAFlowNamedStartsItWhenNothingElseIsHeard) {
  std::shared_ptr<const Engine> engine = StoreEngine("scarpe");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("boots", 1);
  v1::TurnResult r = Say(*session, "womens ankle boots with a bit of a heel, size 39");
  int shown = 0;
  for (const v1::Reply& reply : r.replies()) shown += reply.products_size();
  EXPECT_GT(shown, 0) << r.DebugString();  // not the welcome
}

TEST(References, TwoProductsNamedWithNothingShownAreBothAdded) {
  std::shared_ptr<const Engine> engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("two-fr", 1);
  Say(*session, "ajoute une pâte à modeler et un kit bijoux");
  EXPECT_THAT(CartIds(*session), ::testing::SizeIs(2));
}

TEST(ProductQuestions, AWordOfTheDescriptionAnswersWhereNoAttributeDoes) {
  std::shared_ptr<const Engine> engine = StoreEngine("scarpe");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("a-mano", 1);
  Say(*session, "mocassini da uomo marroni 42");
  v1::TurnResult r = Say(*session, "sono cuciti a mano?");
  bool said = false;
  for (const v1::Reply& reply : r.replies()) {
    said = said || (reply.template_id().starts_with("chatcart.fact_described") &&
                    reply.text().find("cucito a mano") != std::string::npos);
  }
  EXPECT_TRUE(said) << r.DebugString();
}

TEST(ProductQuestions, AMeasureAskedIsTheNumberWithItsUnitNotThePrice) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto tea = brulerie->NewSession("menthe", 1);
  Say(*tea, "vous avez du thé à la menthe bio ?");
  // Both the degrees and the minutes are in the description: the one asked
  // first answers.
  EXPECT_THAT(Text(Say(*tea, "à quelle température on l'infuse ?")), ::testing::HasSubstr("80"));
  EXPECT_THAT(Text(Say(*tea, "et ça infuse combien de temps ?")), ::testing::HasSubstr("3 min"));
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto zeppa = scarpe->NewSession("zeppa", 1);
  Say(*zeppa, "avete la zeppa estate nel 39?");
  const std::string high = Text(Say(*zeppa, "quanto è alta?"));
  EXPECT_THAT(high, ::testing::HasSubstr("8 cm"));
  EXPECT_THAT(high, Not(::testing::HasSubstr("89")));  // not the price
}

TEST(ProductQuestions, AYesOrNoQuestionGetsAYesOrANoFromTheDescription) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto tea = brulerie->NewSession("rooibos", 1);
  tea->HandleTurn([] {
    v1::TurnInput in;
    in.set_text("cerco una tisana per la sera");
    in.set_locale_hint("it");
    return in;
  }());
  Say(*tea, "avete il rooibos vanille?");
  // "Infusion sud-africaine sans théine": the description says it without.
  v1::TurnResult no = Say(*tea, "e il rooibos ha la teina?");
  ASSERT_GT(no.replies_size(), 0);
  EXPECT_EQ(no.replies(0).template_id(), "chatcart.fact_described_no") << no.DebugString();
  auto cups = brulerie->NewSession("tasses", 1);
  Say(*cups, "vous avez des tasses espresso ?");
  v1::TurnResult yes = Say(*cups, "elles sont en porcelaine ?");
  ASSERT_GT(yes.replies_size(), 0);
  EXPECT_EQ(yes.replies(0).template_id(), "chatcart.fact_described_yes") << yes.DebugString();
}

TEST(ProductQuestions, MadeOfAsksTheMaterialAndWeighingTheWeightInGrams) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("en-quoi", 1);
  Say(*session, "bonjour, je cherche des mocassins pour le bureau, en rouge, je fais du 37");
  const std::string material = Text(Say(*session, "ils sont en quoi ?"));
  EXPECT_THAT(material, ::testing::HasSubstr("uir")) << material;  // "Cuir", the material
  const std::string weight = Text(Say(*session, "et ils pèsent combien ?"));
  EXPECT_THAT(weight, ::testing::HasSubstr("380")) << weight;  // weight_g, not the price
}

TEST(VariantWords, TheBigOrSmallPackIsTheMostOrLeastOfTheMeasure) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto big = brulerie->NewSession("grande", 1);
  Say(*big, "vous avez du thé à la menthe bio ?");
  Say(*big, "je prends le grand paquet");
  EXPECT_THAT(CartIds(*big), Contains("menthe-250g"));
  // Without the word, the card's own variant (the 100 g) is taken.
  auto plain = brulerie->NewSession("plain", 1);
  Say(*plain, "vous avez du thé à la menthe bio ?");
  Say(*plain, "je le prends");
  EXPECT_THAT(CartIds(*plain), Contains("menthe-100g"));
}

TEST(ProductQuestions, WhatIsInTheSetInItalianAndFrenchIsItsDescription) {
  std::shared_ptr<const Engine> engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  for (const std::string question : {"cosa c'è nel set?", "il y a quoi dans la boîte ?"}) {
    auto session = engine->NewSession("set", 1);
    Say(*session,
        "mio nipote ha 8 anni e gioca a calcio tutto il giorno, qualcosa sotto i 35 euro?");
    Say(*session, "the football set");
    const std::string said = Text(Say(*session, question));
    EXPECT_THAT(said, ::testing::HasSubstr("goals")) << question << ": " << said;
  }
}

TEST(VariantQuestions, ABareNumberTheCatalogSellsAsASizeIsAsked) {
  std::shared_ptr<const Engine> engine = StoreEngine("scarpe");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("46", 1);
  Say(*session,
      "my son wants black high tops, the canvas kind. he's only 14 and allready a 45 lol");
  v1::TurnResult r = Say(*session, "do they come in a 46? his feet are still growing");
  ASSERT_GT(r.replies_size(), 0);
  EXPECT_THAT(r.replies(0).template_id(), ::testing::StartsWith("chatcart.variant_"))
      << r.DebugString();
}

TEST(ProductQuestions, CountsAndCapacitiesAndGlossaryWords) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto printers = demo->NewSession("cartucce", 1);
  Say(*printers, "ho un samsung galaxy e vorrei stampare foto in A4 da incorniciare");
  // The ink_cartridges attribute (4), not the description's "10x15 photos".
  const std::string cartridges = Text(Say(*printers, "quante cartucce usa la tank?"));
  EXPECT_THAT(cartridges, ::testing::HasSubstr("4")) << cartridges;
  EXPECT_THAT(cartridges, Not(::testing::HasSubstr("10x15"))) << cartridges;
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto cups = brulerie->NewSession("contengono", 1);
  Say(*cups, "avete delle tazzine da espresso?");
  const std::string holds = Text(Say(*cups, "quanto contengono?"));
  EXPECT_THAT(holds, ::testing::HasSubstr("80 ml")) << holds;
  auto moka = brulerie->NewSession("induzione", 1);
  Say(*moka, "mi si è rotta la moka, ne avete una da 6 tazze?");
  v1::TurnResult r = Say(*moka, "va bene sull'induzione?");
  ASSERT_GT(r.replies_size(), 0);
  EXPECT_EQ(r.replies(0).template_id(), "chatcart.fact_described_no") << r.DebugString();
}

TEST(ChoosingSeveral, AListWithCommasAndAnAndAddsEach) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto list = brulerie->NewSession("liste", 1);
  Say(*list, "je débute en café filtre, il me faut du matériel pour le V60");
  Say(*list, "ok je prends le dripper, les filtres et la bouilloire");
  EXPECT_THAT(CartIds(*list), ::testing::UnorderedElementsAre("dripper", "filtres", "bouilloire"));
  // A comma without a list is no list: one product.
  auto one = brulerie->NewSession("virgule", 1);
  Say(*one, "avez-vous la bouilloire héron ?");
  Say(*one, "elle me plaît, ajoutez-la");
  EXPECT_THAT(CartIds(*one), ::testing::ElementsAre("bouilloire"));
}

TEST(ProductQuestions, AFunctionWordNamesNoAttribute) {
  std::shared_ptr<const Engine> engine = StoreEngine("scarpe");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("pour", 1);
  Say(*session, "des ballerines noires en 37");
  // The gender attribute is labelled "Pour": "pour les glisser" is no
  // question about it; the description says "pieghevole".
  const std::string said =
      Text(Say(*session, "elles se plient ? c'est pour les glisser dans mon sac"));
  EXPECT_THAT(said, ::testing::HasSubstr("ieghevol")) << said;
  EXPECT_THAT(said, Not(::testing::HasSubstr("femme"))) << said;
}

TEST(ProductQuestions, ANonToxicDoughIsANoToIsItToxic) {
  std::shared_ptr<const Engine> engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("tossica", 1);
  Say(*session, "avete la pasta da modellare?");
  // "Soft non-toxic dough": the glossary's toxic/tossica, said without.
  v1::TurnResult r = Say(*session, "è tossica? il bimbo si mette tutto in bocca");
  ASSERT_GT(r.replies_size(), 0);
  EXPECT_EQ(r.replies(0).template_id(), "chatcart.fact_described_no") << r.DebugString();
}

TEST(LoadStats, CountTheBundlesTemplates) {
  std::shared_ptr<const Engine> engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  EXPECT_GT(engine->load_stats().templates, 0);  // was always 0
}

TEST(VariantQuestions, AColourInStockOnlyInOtherSizesIsSoldOutInTheShoppers) {
  std::shared_ptr<const Engine> engine = StoreEngine("scarpe");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("brown", 1);
  Say(*session, "mens loafers, EU 43");
  v1::TurnResult r = Say(*session, "in brown?");
  const std::vector<std::string> templates = Templates(r);
  // Brown Venezia is in stock in 40 only: not "yes, it comes in brown".
  EXPECT_THAT(templates, Contains("chatcart.variant_sold_out"));
  EXPECT_THAT(templates, Not(Contains("chatcart.variant_available")));
}

// A number first asks for that many of what follows, with no verb: "2
// petits paquets de camomille" adds two; "250 g ..." names a bag, no count.
TEST(Counts, ANumberFirstAddsThatMany) {
  auto engine = StoreEngine("brulerie");
  ASSERT_NE(engine, nullptr);
  std::unique_ptr<Session> session = engine->NewSession("fr-count", 3);
  Say(*session, "une tisane pour mes enfants le soir, sans théine");
  Say(*session, "2 petits paquets de camomille");
  ASSERT_NE(session->cart(), nullptr);
  ASSERT_EQ(session->cart()->state().lines.size(), 1u);
  EXPECT_EQ(session->cart()->state().lines[0].product_id, "camomille-100g");
  EXPECT_EQ(session->cart()->state().lines[0].quantity, 2);
}

// "Lo" before a name is an article, not "it": "aggiungi anche lo spray"
// adds the spray, not a second pair of the shoes in focus; a product name
// that is also an attribute value names it outside a question.
TEST(References, AnArticleBeforeANameIsNoPronoun) {
  std::shared_ptr<const Engine> engine = StoreEngine("scarpe");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("lo-spray", 1);
  Say(*session, "cerco scarpe eleganti nere da uomo, porto il 43");
  Say(*session, "ok le prendo");
  Say(*session, "aggiungi anche lo spray x proteggerle");
  EXPECT_THAT(CartIds(*session), Contains("spray"));
  EXPECT_EQ(CartIds(*session).size(), 2u);
}

// A question in one language finds the fact the catalog writes in another:
// "la semelle est en quoi ?" about boots described in Italian ("suola
// Vibram"), "si piegano?" about a "ballerina pieghevole".
TEST(ProductQuestions, DescriptionsAnswerAcrossLanguages) {
  std::shared_ptr<const Engine> engine = StoreEngine("scarpe");
  ASSERT_NE(engine, nullptr);
  auto boots = engine->NewSession("semelle", 1);
  Say(*boots, "des boots chelsea pour femme, marron, en 37");
  v1::TurnResult r = Say(*boots, "la semelle est en quoi ?");
  ASSERT_GE(r.replies_size(), 1);
  EXPECT_THAT(r.replies(0).text(), ::testing::HasSubstr("Vibram"));
  auto flats = engine->NewSession("piegano", 2);
  Say(*flats, "x mia figlia, porta il 36: delle ballerine rosa");
  r = Say(*flats, "si piegano? le vuole tenere nello zaino");
  ASSERT_GE(r.replies_size(), 1);
  EXPECT_THAT(r.replies(0).text(), ::testing::HasSubstr("pieghevole"));
}

// A fact asked that no attribute holds for the product ("settings" heard as
// the grind) is looked for in its description before "I don't have it".
TEST(ProductQuestions, ADescriptionAnswersWhatNoAttributeHolds) {
  auto engine = StoreEngine("brulerie");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("settings", 1);
  v1::TurnResult r = Say(*session, "the electric grinder, how many settings?");
  ASSERT_GE(r.replies_size(), 1);
  EXPECT_THAT(r.replies(0).text(), ::testing::HasSubstr("40"));
}

// A choice is named by its plural and by a hyphenated synonym's words:
// "do you sell t-shirts" is the t-shirt garment ("t-shirt"), "stivali" the
// "stivale" synonym.
TEST(Choices, PluralsAndHyphensNameTheChoice) {
  std::shared_ptr<const Engine> engine = StoreEngine("scarpe");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("tshirts", 1);
  v1::TurnResult r = Say(*session, "do you sell t-shirts");
  int tshirts = 0, shown = 0;
  for (const v1::Reply& reply : r.replies()) {
    for (const v1::ProductCard& card : reply.products()) {
      ++shown;
      tshirts += card.product_id().starts_with("tshirt") ? 1 : 0;
    }
  }
  EXPECT_GT(shown, 0);
  EXPECT_EQ(tshirts, shown);
}

// The request after a greeting is what is classified: "hi do you sell phone
// chargers" is no greeting; "hi there" stays one.
TEST(Greetings, TheRequestAfterAGreetingIsWhatIsRead) {
  EXPECT_EQ(engine::AfterGreeting("hi do you sell phone chargers"), "do you sell phone chargers");
  EXPECT_EQ(engine::AfterGreeting("Bonjour, je cherche un moulin"), "je cherche un moulin");
  EXPECT_EQ(engine::AfterGreeting("ciao! avete le moka?"), "avete le moka?");
  EXPECT_EQ(engine::AfterGreeting("hi there"), "hi there");
  EXPECT_EQ(engine::AfterGreeting("hiking boots please"), "hiking boots please");
  EXPECT_EQ(engine::AfterGreeting("hello"), "hello");
}

// "Metti nel carrello 3 razzi ad acqua": the count after the words of adding
// is the quantity added.
TEST(Counts, TheCountAfterAddingWordsIsTheQuantity) {
  std::shared_ptr<const Engine> engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("tre-razzi", 1);
  Say(*session, "metti nel carrello 3 razzi ad acqua");
  ASSERT_NE(session->cart(), nullptr);
  ASSERT_EQ(session->cart()->state().lines.size(), 1u);
  EXPECT_EQ(session->cart()->state().lines[0].product_id, "toy-rocket");
  EXPECT_EQ(session->cart()->state().lines[0].quantity, 3);
  // A count of a product not in the cart adds it, whatever the classifier
  // heard ("e 1 set da calcio" as a removal).
  Say(*session, "e 1 set da calcio");
  EXPECT_THAT(CartIds(*session), Contains("toy-football"));
  EXPECT_EQ(session->cart()->state().lines.size(), 2u);
}

// "Buongiorno vorrei del tè nero, earl grey": which weight is asked with the
// Earl Grey's card, since none was on screen.
TEST(VariantQuestions, TheProductAskedAboutIsShownWithTheQuestion) {
  std::shared_ptr<const Engine> brulerie = testing::StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("earlgrey", 1);
  v1::TurnResult result = testing::Say(*session, "buongiorno vorrei del tè nero, earl grey");
  const std::vector<std::string> shown = testing::ShownIds(result);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_THAT(shown.front(), ::testing::StartsWith("earlgrey-"));
}

// "Ne prendo 2 da 250" of the Earl Grey shown: two of the 250 g bag ("250"
// is the number of a weight it comes in; "2" the count).
TEST(VariantQuestions, ABareNumberOfAMeasureIsThatVariant) {
  std::shared_ptr<const Engine> brulerie = testing::StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("da250", 1);
  testing::Say(*session, "buongiorno vorrei del tè nero, earl grey");
  testing::Say(*session, "quanto deve stare in infusione?");
  testing::Say(*session, "ne prendo 2 da 250");
  EXPECT_THAT(CartIds(*session), ::testing::ElementsAre("earlgrey-250g"));
  EXPECT_THAT(testing::CartQuantities(*session), ::testing::ElementsAre(2));
}

// "Ne prendo 2 da 250" to "which weight?" for the Earl Grey: two 250 g
// bags, the count said with the answer kept.
TEST(VariantQuestions, ACountSaidWithTheAnswerIsKept) {
  std::shared_ptr<const Engine> brulerie = testing::StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("count250", 1);
  testing::Say(*session, "buongiorno vorrei del tè nero, earl grey");
  testing::Say(*session, "ne prendo 2 da 250");
  EXPECT_THAT(CartIds(*session), ::testing::ElementsAre("earlgrey-250g"));
  EXPECT_THAT(testing::CartQuantities(*session), ::testing::ElementsAre(2));
}

}  // namespace
}  // namespace chatcart
