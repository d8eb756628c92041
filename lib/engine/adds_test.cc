// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Adding products in the shopper's words: "and also X" after an add, lists
// whose parts are only a command; and removing one named with a word of
// removal.

#include <memory>
#include <string>

#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "engine/shopper_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::CartIds;
using ::chatcart::testing::CartQuantities;
using ::chatcart::testing::Say;
using ::chatcart::testing::ShownIds;
using ::chatcart::testing::StoreEngine;
using ::chatcart::testing::Templates;
using ::chatcart::testing::Text;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

// "E anche una volpe di peluche per il nipotino" after the puzzle was
// added: the fox is added too, not the gift ideas shown again.
TEST(Adds, AlsoAProductNamedAfterAnAddAddsIt) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("volpe", 1);
  Say(*session, "ciao, regalo x mia suocera che ha 64 anni, adora i puzzle. nn più di 20 euro");
  Say(*session, "quanto viene grande una volta finito?");
  Say(*session, "perfetto mettilo nel carrello");
  ASSERT_THAT(CartIds(*session), ElementsAre("toy-puzzle"));
  Say(*session, "e anche una volpe di peluche per il nipotino");
  EXPECT_THAT(CartIds(*session), UnorderedElementsAre("toy-puzzle", "toy-fox"));
}

// "Aggiungi anche lo spray x proteggerle": "aggiungi" alone points at
// nothing of its own, so the shoes shown are not added a second time.
TEST(Adds, APartThatIsOnlyACommandAddsNothingMore) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("spray", 1);
  Say(*session, "mi sposo a giugno, cerco stringate nere eleganti, porto il 43");
  Say(*session, "ok le prendo");
  ASSERT_EQ(CartIds(*session).size(), 1u);
  const std::string shoes = CartIds(*session).front();
  Say(*session, "aggiungi anche lo spray x proteggerle");
  EXPECT_THAT(CartIds(*session), UnorderedElementsAre(shoes, "spray"));
  EXPECT_THAT(::chatcart::testing::CartQuantities(*session), ElementsAre(1, 1));
}

// A value for every axis of the coffee shown, settled on ("ground for
// filter please, 250g", "whole beans then") adds that variant; said bare
// ("taille S, rouge" after one down jacket) it narrows the search.
TEST(Adds, EveryVariantAxisSettledOnAddsThatVariant) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto decaf = brulerie->NewSession("decaf", 1);
  Say(*decaf, "got any decaf? it's for my espresso machine, for after dinner");
  Say(*decaf, "ugh. whole beans then, 250g");
  EXPECT_THAT(CartIds(*decaf), ElementsAre("decafe-250g-beans"));
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto down = scarpe->NewSession("doudoune", 1);
  Say(*down, "je cherche une doudoune légère");
  EXPECT_THAT(::chatcart::testing::ShownIds(Say(*down, "taille S, rouge")),
              ElementsAre("piumino-red-S"));
  EXPECT_THAT(CartIds(*down), ::testing::IsEmpty());
}

// "Ok un paquet de guatemala 250 g moulu espresso" names the Guatemala
// shown with a value for each axis: that variant is added, though
// "espresso" is also a word of the Mélange Espresso Maison shown beside it;
// "les tasses à espresso" are then the cups, not that blend.
TEST(Adds, ANamedProductWithEveryVariantAxisSettledOnIsAdded) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("guatemala", 1);
  Say(*session,
      "je viens d'acheter ma première machine espresso ! vous me conseillez quel café ? j'aime "
      "quand c'est bien corsé");
  Say(*session, "ok un paquet de guatemala 250 g moulu espresso");
  EXPECT_THAT(CartIds(*session), ElementsAre("guatemala-250g-espresso"));
  Say(*session, "ajoutez aussi les tasses à espresso pour aller avec");
  EXPECT_THAT(CartIds(*session), UnorderedElementsAre("guatemala-250g-espresso", "tasses"));
}

// "Un paio di calzini" is one pack in a store whose socks are sold in pairs
// (understanding.pair_category), not two.
TEST(Adds, APairOfWhatIsSoldInPairsIsOne) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("paio", 1);
  Say(*session, "aggiungi un cappellino passo nero");
  Say(*session, "metti anche un paio di calzini neri, taglia L");
  EXPECT_THAT(CartIds(*session), UnorderedElementsAre("cappellino-black", "calzini-black-L"));
  EXPECT_THAT(::chatcart::testing::CartQuantities(*session), ElementsAre(1, 1));
}

// "Allora grigia va bene" after the black hoodie was sold out accepts the
// grey one shown; "ok prendila" then adds it, once.
TEST(Adds, AcceptingANewValueShowsItAndAddsNothing) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("felpa", 1);
  Say(*session, "cerco una felpa col cappuccio x mio figlio, taglia M, nera");
  EXPECT_THAT(::chatcart::testing::ShownIds(Say(*session, "allora grigia va bene")),
              ElementsAre("felpa-grey-M"));
  EXPECT_THAT(CartIds(*session), ::testing::IsEmpty());
  Say(*session, "ok prendila");
  EXPECT_THAT(CartIds(*session), ElementsAre("felpa-grey-M"));
  EXPECT_THAT(::chatcart::testing::CartQuantities(*session), ElementsAre(1));
}

// "Ok la coccinelle alors, mettez-la dans le panier" after the solar kit was
// asked about: the ladybug robot shown before is named by one word of its
// other names, over the pointer; "en fait mettez-en 2" then means it.
TEST(Adds, AWordNamingAProductSeenBeatsThePointer) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("coccinelle", 1);
  Say(*session, "je cherche un robot pour apprendre à coder à ma fille de 9 ans, jusqu'à 70 €");
  Say(*session, "et le kit robot solaire ? elle est trop jeune ?");
  Say(*session, "ok la coccinelle alors, mettez-la dans le panier");
  EXPECT_THAT(CartIds(*session), ElementsAre("toy-ladybug"));
  Say(*session, "en fait mettez-en 2, c'est aussi pour sa cousine");
  EXPECT_THAT(CartIds(*session), ElementsAre("toy-ladybug"));
  EXPECT_THAT(::chatcart::testing::CartQuantities(*session), ElementsAre(2));
}

// "Ok 12 is fine" agrees to the 12 euros the bot said would fit: the bag
// is added once, not twelve times.
TEST(Adds, AnAmountAgreedToIsNoCount) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("douze", 1);
  Say(*session, "i use a french press, want something fruity under 10 euros a bag");
  Say(*session, "ok 12 is fine, the ethiopian, 250g whole beans");
  EXPECT_THAT(CartIds(*session), ElementsAre("ethiopie-250g-beans"));
  EXPECT_THAT(::chatcart::testing::CartQuantities(*session), ElementsAre(1));
}

// "Je prends les grises" after three sandals of different colours: the one
// shown in grey; "prendo le corsa nere" names the Corsa, not a black one
// shown.
TEST(Adds, TheColourSaidPicksTheOneShownInIt) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("grises", 1);
  Say(*session,
      "on part randonner en corse cet été, il me faut des sandales de marche, pointure 42");
  Say(*session, "je prends les grises");
  EXPECT_THAT(CartIds(*session), ElementsAre("sentiero-grey-42"));
}

// "Could you also add a box of the espresso cups" is a request to add, not
// a question whether they are sold.
TEST(Adds, CouldYouAddIsARequestNotAQuestion) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("could-you", 1);
  Say(*session,
      "hi, i buy the coffee for our office espresso machine. we like it sweet and mellow. what "
      "do you have in 1kg?");
  Say(*session, "price for the colombia in 1 kg?");
  Say(*session, "ok 3 bags of that, 1kg, espresso grind");
  ASSERT_EQ(CartIds(*session).size(), 1u);
  Say(*session, "could you also add a box of the espresso cups");
  EXPECT_THAT(CartIds(*session), Contains("tasses"));
}

// "add 5 sprays" with 3 in stock: the shopper hears how many are left, in
// their words, not a generic failure (the cart names its command before the
// cause, "add_line: only 3 ...", which the reply reads past).
TEST(Adds, MoreThanInStockSaysHowManyAreLeft) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("spray", 1);
  v1::TurnResult result = Say(*session, "add 5 sprays");
  EXPECT_THAT(Templates(result), Contains("chatcart.out_of_stock"));
  EXPECT_THAT(Text(result), HasSubstr("only 3 are left"));
  EXPECT_THAT(CartIds(*session), ElementsAre());
}

// "1kg of the colombia in beans": "colombia" is a value of the origin
// attribute and also names the Colombie Huila; the words of the variant axes
// ("1kg", "beans") pick its variant, so that one is added.
TEST(Adds, AProductNamedByAnAttributeValueWithItsVariantIsAdded) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("colombia", 1);
  Say(*session, "1kg of the colombia in beans");
  EXPECT_THAT(CartIds(*session), ElementsAre("colombie-1kg-beans"));
}

// "Ok mettine 3" after the rooibos was shown, with the infuser in the cart:
// three of the rooibos are added; the infuser's line is left as it was.
TEST(Adds, ACountOfTheProductShownThatTheCartDoesNotHoldAddsIt) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("rooibos", 1);
  Say(*session, "aggiungi un infusore");
  ASSERT_THAT(CartIds(*session), ElementsAre("infuseur"));
  Say(*session, "avete il rooibos da 100g?");
  Say(*session, "ok mettine 3");
  EXPECT_THAT(CartIds(*session), ElementsAre("infuseur", "rooibos-100g"));
  EXPECT_THAT(CartQuantities(*session), ElementsAre(1, 3));
  // A count of what the cart holds still changes its line.
  Say(*session, "anzi mettine 2");
  EXPECT_THAT(CartQuantities(*session), ElementsAre(1, 2));
}

// "Bon ok en marron, ajoute" after the search was run in black: the colour
// runs the search again, and the one product left is added, as the add the
// classifier heard asks.
TEST(Adds, AnAddWithANewValueTakesTheOneProductLeft) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("bosco", 1);
  Say(*session, "il me faut des boots pour l'hiver, homme, 42, en daim");
  Say(*session, "et en noir ?");
  Say(*session, "bon ok en marron, ajoute");
  EXPECT_THAT(CartIds(*session), ElementsAre("bosco-brown-42"));
}

// "Bon ok, ajoute" with one pair of boots shown: the acknowledgement words
// name nothing, so the bare command takes the one shown.
TEST(Adds, AcknowledgementsAroundABareCommandNameNothing) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("bon", 1);
  Say(*session, "il me faut des boots pour l'hiver, homme, 42, en daim");
  Say(*session, "bon ok, ajoute");
  EXPECT_THAT(CartIds(*session), ElementsAre("bosco-brown-42"));
}

// "Je prends les deux" of the two headphones shown while the gift finder
// asks the budget: both are added ("deux" is no budget of 2), and "j'en
// prends deux" stays two of the one in focus.
TEST(Adds, BothOfTheTwoShownAreAddedAndACountIsNoPair) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto both = demo->NewSession("both", 1);
  Say(*both,
      "bonjour, je cherche un casque pour ma fille de 10 ans pour le train, qui abîme pas ses "
      "oreilles");
  Say(*both, "je prends les deux");
  EXPECT_THAT(CartIds(*both), UnorderedElementsAre("aud-quiet", "aud-kids"));

  auto two = demo->NewSession("two", 1);
  Say(*two,
      "bonjour, je cherche un casque pour ma fille de 10 ans pour le train, qui abîme pas ses "
      "oreilles");
  Say(*two, "il est limité à combien de décibels ?");
  Say(*two, "parfait, j'en prends deux, un pour sa soeur aussi");
  EXPECT_THAT(CartIds(*two), ElementsAre("aud-kids"));
  EXPECT_THAT(CartQuantities(*two), ElementsAre(2));
}

// "Ah no aspetta, il gioco di carte ce l'ha già, toglilo" while the gift
// finder runs: the card game named (by its Italian alias) is removed, not
// taken as a critique of the games shown.
TEST(Removes, AProductOfTheCartNamedWithARemovalIsRemoved) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("toglilo", 1);
  Say(*session, "aggiungi il gioco di carte dodo e il puzzle alpine lake");
  ASSERT_THAT(CartIds(*session), UnorderedElementsAre("toy-dodo", "toy-puzzle"));
  Say(*session, "ah no aspetta, il gioco di carte ce l'ha già, toglilo");
  EXPECT_THAT(CartIds(*session), ElementsAre("toy-puzzle"));
}

// "Cosa c'è nel cofanetto?" of the "Coffret thés du monde" shown beside the
// V60 filters: "cofanetto" is "coffret" in Italian, so the question is about
// the box alone, and "lo prendo" adds it.
TEST(Adds, AProductShownNamedInAnotherLanguageIsTheOneMeant) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("cofanetto", 1);
  ASSERT_THAT(ShownIds(Say(*session, "regalo per un'amica che ama il tè, budget 25 euro")),
              Contains("coffret-the"));
  const std::string answer = Text(Say(*session, "cosa c'è nel cofanetto?"));
  EXPECT_THAT(answer, HasSubstr("Coffret"));
  EXPECT_THAT(answer, Not(HasSubstr("Filtres")));
  Say(*session, "lo prendo");
  EXPECT_THAT(CartIds(*session), ElementsAre("coffret-the"));
}

// "Mi serve anche un bollitore": "bollitore" is the Italian of the
// "Bouilloire col de cygne Héron"'s name (the glossary's kettle row).
TEST(Adds, AProductNamedByTheGlossaryInAnotherLanguageIsFound) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("bollitore", 1);
  EXPECT_THAT(ShownIds(Say(*session, "mi serve un bollitore")), Contains("bouilloire"));
  Say(*session, "aggiungilo");
  EXPECT_THAT(CartIds(*session), ElementsAre("bouilloire"));
}

// "Le mélange maison en 250 g, moulu espresso pour sa moka" after two
// coffees were compared: the product named with a value for each of its
// variant axes is added in that variant; "taille S, rouge" (values alone)
// after a down jacket was shown only shows that variant.
TEST(Adds, ANamedProductWithItsVariantIsSettledOnAndValuesAloneShow) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("maison", 1);
  Say(*session,
      "bonjour, ma belle-mère fait son café à la cafetière italienne, elle l'aime corsé, "
      "chocolaté. vous avez quoi ?");
  Say(*session, "c'est quoi la différence entre les deux ?");
  Say(*session, "le mélange maison en 250 g, moulu espresso pour sa moka");
  EXPECT_THAT(CartIds(*session), ElementsAre("maison-250g-espresso"));

  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto jacket = scarpe->NewSession("doudoune", 1);
  Say(*jacket, "je cherche une doudoune légère");
  EXPECT_THAT(ShownIds(Say(*jacket, "taille S, rouge")), ElementsAre("piumino-red-S"));
  EXPECT_THAT(CartIds(*jacket), ElementsAre());
}

// "1 kg di quello, macinato espresso" of the coffee in focus for a moka:
// "espresso" is its grind here, not the espresso machine's search, so the
// kilo ground for espresso is added; "per me invece il mocassino venezia"
// after the Derby Torino was added names another search (loafers), and the
// Torino's line is left as it was.
TEST(Adds, AChoiceSaidInTheWordsOfAVariantValueIsThatValue) {
  std::shared_ptr<const Engine> brulerie = StoreEngine("brulerie");
  ASSERT_NE(brulerie, nullptr);
  auto session = brulerie->NewSession("chilo", 1);
  Say(*session, "uso la moka tutti i giorni, mi piace il caffè forte, tipo cioccolato");
  Say(*session, "qual è il più intenso dei due?");
  Say(*session, "1 kg di quello, macinato espresso");
  EXPECT_THAT(CartIds(*session), ElementsAre("maison-1kg-espresso"));

  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto shoes = scarpe->NewSession("venezia", 1);
  Say(*shoes,
      "ciao mio papà porta il 42, gli servono scarpe eleganti per l'ufficio, marroni, max 160");
  Say(*shoes, "prendo la derby per lui");
  ASSERT_THAT(CartIds(*shoes), ElementsAre("torino-brown-42"));
  Say(*shoes, "per me invece il mocassino venezia marrone, 43");
  EXPECT_THAT(CartIds(*shoes), ElementsAre("torino-brown-42"));
}

// "Nah take the earbuds out" while the gift finder asks an age: removed.
TEST(Removes, TakeOutRemovesTheProductNamed) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("takeout", 1);
  Say(*session, "add the wireless earbuds and the fast charger");
  ASSERT_THAT(CartIds(*session), UnorderedElementsAre("aud-buds", "acc-charger"));
  Say(*session, "i need a gift for my nephew");
  Say(*session, "nah take the earbuds out, my flatmate has spare ones");
  EXPECT_THAT(CartIds(*session), ElementsAre("acc-charger"));
}

// "Ok la mallette + la pâte à modeler" of the gift ideas shown: both added.
TEST(Adds, AnOkThatListsProductsAddsEach) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("mallette", 1);
  Say(*session, "anniv de ma nièce samedi, 7 ans, elle adore dessiner et bricoler. 30€ max");
  Say(*session, "ok la mallette + la pâte à modeler");
  EXPECT_THAT(CartIds(*session), UnorderedElementsAre("toy-art", "toy-dough"));
}

// "Nah too pricey, ill stick with the aero 14. add it" after a critique of
// the laptops shown: the Aero 14 named and chosen is added; "too pricey" on
// the way is no new critique.
TEST(Adds, AProductNamedAndChosenBeatsACritiqueOnTheWay) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("aero", 1);
  Say(*session, "looking for a laptop for my daughter, she starts uni in sept. budget about 600");
  Say(*session, "is there anything with a bigger screen");
  Say(*session, "nah too pricey, ill stick with the aero 14. add it");
  EXPECT_THAT(CartIds(*session), ElementsAre("lap-aero14"));
}

// "Ok la tela alta alors" after white sneakers in 42 were shown and two
// compared: an ok that names a product and settles ("alors") adds it, in
// the colour and size the search had.
TEST(Adds, AnOkThatNamesAProductAndSettlesAddsIt) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("tela", 1);
  Say(*session, "bonjour je cherche des baskets blanches pour mon fils, il fait du 42");
  Say(*session, "la tela alta c'est quoi la différence avec la classique ?");
  Say(*session, "ok la tela alta alors");
  EXPECT_THAT(CartIds(*session), ElementsAre("tela-alta-white-42"));
}

// "Aggiungi anche 3 confezioni di carta fotografica" with the Inkwell Tank 3
// in the cart: "3" is a count, not the Tank 3's name; the paper is added.
TEST(Adds, ACountIsNoDigitOfAName) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("carta", 1);
  Say(*session, "ho un iphone, vorrei stampare foto");
  Say(*session, "prendo la tank 3");
  Say(*session, "aggiungi anche 3 confezioni di carta fotografica");
  EXPECT_THAT(CartIds(*session), ElementsAre("pr-tank3", "acc-paper"));
  EXPECT_THAT(CartQuantities(*session), ElementsAre(1, 3));
}

// "En fait mettez 2 écouteurs" with one pair of earbuds in the cart: a
// correction, so two in all, not two more.
TEST(Adds, ACorrectedCountOfWhatTheCartHoldsIsTheNewTotal) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("ecouteurs", 1);
  Say(*session, "ajoutez les écouteurs budlite");
  ASSERT_THAT(CartIds(*session), ElementsAre("aud-buds"));
  Say(*session, "en fait mettez 2 écouteurs, son frère en veut aussi");
  EXPECT_THAT(CartQuantities(*session), ElementsAre(2));
}

// "Yellow ones pls" after the flip flops' colours were asked: the one pair
// left in yellow is added; "ok allora posso arrivare fino a 80" (a new
// budget, the one idea left) only shows it.
TEST(Adds, ANewValueSettledOnTakesTheOneLeftButABudgetDoesNot) {
  std::shared_ptr<const Engine> scarpe = StoreEngine("scarpe");
  ASSERT_NE(scarpe, nullptr);
  auto session = scarpe->NewSession("yellow", 1);
  Say(*session, "need sandals for a beach holiday in sardinia, mens 44");
  Say(*session, "the flip flops, what colours do they come in?");
  Say(*session, "yellow ones pls");
  EXPECT_THAT(CartIds(*session), ElementsAre("onda-yellow-44"));

  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto budget = demo->NewSession("ottanta", 1);
  Say(*budget, "regalo per una bimba di 6 anni che ama la musica, max 30 euro");
  Say(*budget, "ok allora posso arrivare fino a 80");
  EXPECT_THAT(CartIds(*budget), ElementsAre());
}

// "Anzi 2 bastano" after 3 packs of paper were added: the line holds 2,
// whatever the classifier heard ("anzi" as a cancel); "plutôt en 39" is a
// size, no count.
TEST(Adds, ACorrectedCountOfTheProductInFocusChangesItsLine) {
  std::shared_ptr<const Engine> demo = StoreEngine("demo");
  ASSERT_NE(demo, nullptr);
  auto session = demo->NewSession("bastano", 1);
  Say(*session, "ho un iphone, vorrei stampare foto");
  Say(*session, "prendo la tank 3");
  Say(*session, "aggiungi anche 3 confezioni di carta fotografica");
  ASSERT_THAT(CartQuantities(*session), ElementsAre(1, 3));
  Say(*session, "anzi 2 bastano");
  EXPECT_THAT(CartQuantities(*session), ElementsAre(1, 2));
}

}  // namespace
}  // namespace chatcart
