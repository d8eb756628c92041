// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "converse/acts.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::converse {
namespace {

using ::testing::Contains;
using ::testing::Not;

std::vector<std::string> KindsOf(std::string_view text) {
  std::vector<Act> acts;
  ActDetector::Builtin().Detect(text, &acts);
  std::vector<std::string> kinds;
  for (const Act& act : acts) kinds.emplace_back(ActKindName(act.kind));
  return kinds;
}

std::string ArgOf(std::string_view text, ActKind kind) {
  std::vector<Act> acts;
  ActDetector::Builtin().Detect(text, &acts);
  std::string arg;
  HasAct(acts, kind, &arg);
  return arg;
}

TEST(Choose, WantingToDoSomethingChoosesNothing) {
  EXPECT_THAT(KindsOf("je voudrais imprimer en A3"), Not(Contains("choose")));
  EXPECT_THAT(KindsOf("vorrei regalare qualcosa a mia madre"), Not(Contains("choose")));
  EXPECT_THAT(KindsOf("i want to print photos from my phone"), Not(Contains("choose")));
  EXPECT_THAT(KindsOf("vorrei sapere se è lavabile"), Not(Contains("choose")));
  // Buying is choosing, and so is wanting a thing.
  EXPECT_THAT(KindsOf("je voudrais acheter la Tank"), Contains("choose"));
  EXPECT_THAT(KindsOf("i want to buy the lumo"), Contains("choose"));
  EXPECT_THAT(KindsOf("je voudrais votre imprimante Tank"), Contains("choose"));
  EXPECT_THAT(KindsOf("vorrei la volpe"), Contains("choose"));
}

TEST(AreYouBot, AskedAsWhoOneIsTalkingTo) {
  for (const char* text :
       {"ma sto parlando con un bot?", "je parle avec un robot ?", "am i talking to a bot"}) {
    EXPECT_THAT(KindsOf(text), Contains("are_you_bot")) << text;
  }
}

TEST(Checkout, OnCommandeIsOrdering) {
  for (const char* text : {"ok on commande", "bon je commande", "allez on commande"}) {
    EXPECT_THAT(KindsOf(text), Contains("checkout")) << text;
  }
  // "Ma commande" is an order, no checkout.
  EXPECT_THAT(KindsOf("où en est ma commande ?"), Not(Contains("checkout")));
}

TEST(CartTotal, HowMuchAmISpending) {
  for (const char* text : {"how much am i spending?", "quanto spendo?", "quanto pago?",
                           "combien je paie ?", "ça me fait combien ?"}) {
    EXPECT_THAT(KindsOf(text), Contains("cart_total")) << text;
  }
}

TEST(Question, ALeadingAndOrSoStillAsks) {
  EXPECT_THAT(KindsOf("and what does each one cost me"), Contains("question"));
  EXPECT_THAT(KindsOf("so how long does the battery last"), Contains("question"));
  EXPECT_THAT(KindsOf("e quanto costa la spedizione"), Contains("question"));
  EXPECT_THAT(KindsOf("et combien de temps pour la livraison"), Contains("question"));
  EXPECT_THAT(KindsOf("and the charger too"), Not(Contains("question")));
}

TEST(NoPreference, NamesTheSlotItIsAbout) {
  EXPECT_EQ(ArgOf("peu importe la couleur", ActKind::kNoPreference), "colour");
  EXPECT_EQ(ArgOf("any colour is fine", ActKind::kNoPreference), "colour");
  EXPECT_EQ(ArgOf("il colore non importa", ActKind::kNoPreference), "colour");
  EXPECT_EQ(ArgOf("qualsiasi marca", ActKind::kNoPreference), "brand");
  EXPECT_EQ(ArgOf("il prezzo non conta", ActKind::kNoPreference), "budget");
  EXPECT_EQ(ArgOf("peu importe", ActKind::kNoPreference), "");
}

TEST(PlainText, FoldsStripsAccentsAndKeepsQuestionMarks) {
  EXPECT_EQ(PlainText("Qualcos'altro?"), "qualcos altro ?");
  EXPECT_EQ(PlainText("  Ça coûte COMBIEN par photo ?!"), "ca coute combien par photo ?");
  EXPECT_EQ(PlainText("più economica..."), "piu economica");
  EXPECT_EQ(PlainText(""), "");
}

TEST(ActDetector, EveryBuiltinPatternCompiles) {
  absl::StatusOr<std::unique_ptr<const ActDetector>> detector = ActDetector::Create({}, {});
  ASSERT_TRUE(detector.ok()) << detector.status();
}

TEST(ActDetector, ABadExtraPatternIsAnErrorNamingIt) {
  absl::StatusOr<std::unique_ptr<const ActDetector>> detector =
      ActDetector::Create({{ActKind::kCheaper, "(unclosed", ""}}, {});
  ASSERT_FALSE(detector.ok());
  EXPECT_THAT(std::string(detector.status().message()), ::testing::HasSubstr("(unclosed"));
}

TEST(ActDetector, DisabledKindsAreNeverFound) {
  absl::StatusOr<std::unique_ptr<const ActDetector>> detector =
      ActDetector::Create({}, {ActKind::kCheaper});
  ASSERT_TRUE(detector.ok());
  std::vector<Act> acts;
  (*detector)->Detect("anything cheaper?", &acts);
  EXPECT_FALSE(HasAct(acts, ActKind::kCheaper));
  EXPECT_TRUE(HasAct(acts, ActKind::kQuestion));
}

TEST(ActDetector, ExtraPhrasingsAreFound) {
  absl::StatusOr<std::unique_ptr<const ActDetector>> detector =
      ActDetector::Create({{ActKind::kCheaper, R"(\bcosta un occhio\b)", ""}}, {});
  ASSERT_TRUE(detector.ok());
  std::vector<Act> acts;
  (*detector)->Detect("mmm costa un occhio della testa", &acts);
  EXPECT_TRUE(HasAct(acts, ActKind::kCheaper));
}

struct Case {
  const char* text;
  const char* kind;
};

void PrintTo(const Case& c, std::ostream* os) { *os << '"' << c.text << "\" -> " << c.kind; }

class ActFound : public ::testing::TestWithParam<Case> {};

TEST_P(ActFound, InText) {
  EXPECT_THAT(KindsOf(GetParam().text), Contains(GetParam().kind)) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ActFound,
    ::testing::Values(
        // critiques
        Case{"anything cheaper?", "cheaper"}, Case{"smth cheaper pls", "cheaper"},
        Case{"too expensive", "cheaper"}, Case{"that's way too pricey for me", "cheaper"},
        Case{"qualcosa di più economico?", "cheaper"}, Case{"costa troppo", "cheaper"},
        Case{"meno cari?", "cheaper"}, Case{"autre chose de moins cher ?", "cheaper"},
        Case{"c'est trop cher", "cheaper"}, Case{"moins chère stp", "cheaper"},
        Case{"something better?", "pricier"}, Case{"qualcosa di migliore", "pricier"},
        Case{"quelque chose de plus haut de gamme", "pricier"},
        Case{"another brand?", "other_brand"}, Case{"un'altra marca", "other_brand"},
        Case{"une autre marque svp", "other_brand"}, Case{"something else?", "something_else"},
        Case{"qualcos'altro?", "something_else"}, Case{"autre chose ?", "something_else"},
        Case{"others?", "something_else"}, Case{"altri modelli?", "something_else"},
        Case{"vous avez d'autres modèles ?", "something_else"}, Case{"niente lego", "exclude"},
        Case{"no lego please", "exclude"}, Case{"pas de fusée", "exclude"},
        Case{"sans bluetooth", "exclude"}, Case{"more like the second one", "more_like"},
        Case{"simili al primo", "more_like"}, Case{"more storage", "more_of"},
        Case{"più leggera?", "more_of"}, Case{"bigger screen", "more_of"},
        Case{"plus d'autonomie", "more_of"},
        // references and choices
        Case{"the cheaper one please", "ref_cheapest"}, Case{"il più economico", "ref_cheapest"},
        Case{"la moins chère", "ref_cheapest"}, Case{"the more expensive one", "ref_priciest"},
        Case{"ok I'll go with the Lumo", "choose"}, Case{"prendo la lumo", "choose"},
        Case{"la prima me la metti", "choose"}, Case{"je prends le deuxième", "choose"},
        Case{"voglio comprare la volpe di peluche", "choose"},
        Case{"add a kilo of the Maison, espresso grind", "choose"},
        Case{"add 250g of the house blend, filter grind", "choose"},
        Case{"aggiungi 2 paia di calzini", "choose"},
        Case{"ajoute un sachet de camomille", "choose"},
        // choosing with a pronoun or an idiom (sets 6)
        Case{"parfait je le prends", "choose"}, Case{"ok on prend la pixio", "choose"},
        Case{"je reste sur le chromebook", "choose"}, Case{"ajoutez-le aussi", "choose"},
        Case{"ok mettez-en un", "choose"}, Case{"ok lo prendo", "choose"},
        Case{"prendine due paia", "choose"}, Case{"sounds good, stick it in the basket", "choose"},
        Case{"nimbus it is", "choose"}, Case{"yep add that", "choose"},
        // questions
        Case{"how's the battery on those?", "question"},
        Case{"the football one, how many goals come with it", "question"},
        Case{"la tastiera quanti suoni ha", "question"},
        Case{"the japanese one, how do i brew it", "question"},
        Case{"what's the difference between them?", "compare"},
        Case{"compare the first two", "compare"}, Case{"che differenza c'è?", "compare"},
        Case{"quelle est la différence ?", "compare"}, Case{"which is cheapest to run?", "which"},
        Case{"if i order today when would it get here", "ask_shipping"},
        Case{"quand est-ce que ça arrive si je commande ce soir ?", "ask_shipping"},
        Case{"se ordino oggi quando arriva?", "ask_shipping"}, Case{"quale dura di più?", "which"},
        Case{"quale ha lo schermo più grande?", "which"}, Case{"quel est le plus léger ?", "which"},
        Case{"which one has more storage", "which"}, Case{"how much is shipping?", "ask_shipping"},
        Case{"quanto costa la spedizione?", "ask_shipping"},
        Case{"frais de port ?", "ask_shipping"},
        Case{"how much to get it tomorrow?", "ask_shipping"},
        Case{"any way to get it there by friday? party's saturday", "ask_shipping"},
        Case{"how fast will it get there? his birthday's next week", "ask_shipping"},
        Case{"hmm risky. what happens if the size is wrong", "ask_returns"},
        Case{"chuck in a pack of the sports socks too, black, M", "choose"},
        Case{"could you also add a box of the espresso cups", "choose"},
        Case{"puoi aggiungere anche le tazzine?", "choose"}, Case{"vai al pagamento", "checkout"},
        Case{"e se il numero non va bene?", "ask_returns"},
        Case{"et si ce n'est pas la bonne pointure ?", "ask_returns"},
        Case{"je peux l'avoir demain ?", "ask_shipping"},
        Case{"posso averlo per domani?", "ask_shipping"}, Case{"can i return it?", "ask_returns"},
        Case{"posso fare il reso?", "ask_returns"},
        Case{"se nn mi trovo bene posso restituirli?", "ask_returns"},
        Case{"remboursement possible ?", "ask_returns"},
        Case{"what are your opening hours", "ask_hours"}, Case{"orari?", "ask_hours"},
        Case{"can i pay with paypal", "ask_payment"}, Case{"can i pay cash", "ask_payment"},
        Case{"when is the shop open", "ask_hours"},
        Case{"posso pagare con la carta?", "ask_payment"},
        Case{"si può pagare in contrassegno?", "ask_payment"},
        // small talk and repair
        Case{"thanks!", "thanks"}, Case{"grazie mille", "thanks"}, Case{"merci", "thanks"},
        Case{"bye", "bye"}, Case{"au revoir", "bye"}, Case{"hi there", "hello"},
        Case{"are you a bot?", "are_you_bot"}, Case{"sei un robot?", "are_you_bot"},
        Case{"tu es un robot ?", "are_you_bot"}, Case{"hey are you a real person", "are_you_bot"},
        Case{"are you a bot? i want a real person", "human"}, Case{"wait", "wait"},
        Case{"un attimo", "wait"}, Case{"never mind", "never_mind"},
        Case{"laisse tomber", "never_mind"}, Case{"this is useless", "frustration"},
        Case{"non capisci niente", "frustration"}, Case{"c'est nul", "frustration"},
        Case{"can i talk to a person", "human"}, Case{"actually she's 9", "correction"},
        Case{"anzi no, stivali", "correction"}, Case{"plutôt 39", "correction"},
        Case{"no preference", "no_preference"}, Case{"indifferente", "no_preference"},
        Case{"money isnt an issue", "no_preference"}, Case{"il prezzo non conta", "no_preference"},
        Case{"peu importe le prix", "no_preference"}, Case{"peu importe", "no_preference"},
        Case{"start over", "start_over"}, Case{"ricominciamo", "start_over"},
        Case{"on recommence", "start_over"}, Case{"no thanks, nothing else", "done"},
        Case{"basta così grazie", "done"}, Case{"c'est tout", "done"}));

class ActNotFound : public ::testing::TestWithParam<Case> {};

TEST_P(ActNotFound, InText) {
  EXPECT_THAT(KindsOf(GetParam().text), Not(Contains(GetParam().kind))) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ActNotFound,
    ::testing::Values(
        Case{"the cheaper one please", "cheaper"}, Case{"il più economico", "cheaper"},
        Case{"la moins chère", "cheaper"}, Case{"no thanks, nothing else", "something_else"},
        Case{"niente altro", "something_else"}, Case{"a gift for my son", "cheaper"},
        Case{"more like the second one", "more_of"}, Case{"a printer for my iphone", "question"},
        Case{"add the second one", "cheaper"}, Case{"more expensive ones", "more_of"},
        Case{"hey are you a real person", "human"}, Case{"sei una persona vera?", "human"},
        Case{"sei un bot o una persona?", "human"}, Case{"ok pay", "ask_payment"},
        Case{"pago", "ask_payment"}, Case{"je paye", "ask_payment"},
        Case{"are you a bot or a real person?", "human"},
        // A fact asked of one product is no "which of them"
        Case{"what's it made of? wood?", "which"}, Case{"quelle est la taille ?", "which"},
        Case{"qual è il materiale?", "which"}));

TEST(ActDetector, ExclusionsCarryTheWordsExcluded) {
  EXPECT_EQ(ArgOf("niente lego", ActKind::kExclude), "lego");
  EXPECT_EQ(ArgOf("pas de fusée", ActKind::kExclude), "fusee");
  EXPECT_EQ(ArgOf("he doesn't like puzzles", ActKind::kExclude), "puzzles");
}

TEST(ActDetector, MoreOfCarriesAPreferenceOrTheWord) {
  EXPECT_EQ(ArgOf("più leggera?", ActKind::kMoreOf), "light");
  EXPECT_EQ(ArgOf("bigger screen please", ActKind::kMoreOf), "bigger_screen");
  EXPECT_EQ(ArgOf("more storage", ActKind::kMoreOf), "storage");
  EXPECT_EQ(ArgOf("plus de mémoire", ActKind::kMoreOf), "memoire");
}

TEST(ActDetector, NothingInEmptyOrSymbolText) {
  EXPECT_TRUE(KindsOf("").empty());
  EXPECT_TRUE(KindsOf("!!! ...").empty());
}

TEST(ActDetector, LongTextIsDetectedWithoutTrouble) {
  std::string text(100000, 'a');
  text += " anything cheaper?";
  EXPECT_THAT(KindsOf(text), Contains("cheaper"));
}

}  // namespace
}  // namespace chatcart::converse
