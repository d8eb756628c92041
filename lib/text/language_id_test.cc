// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "text/language_id.h"

#include <string>

#include "gtest/gtest.h"
#include "text/tokenize.h"

namespace chatcart::text {
namespace {

Language Identify(std::string_view text, std::optional<Language> session = std::nullopt) {
  return IdentifyLanguage(Tokenize(text), session).language;
}

struct Case {
  const char* text;
  Language language;
};

class FreshTurns : public ::testing::TestWithParam<Case> {};

TEST_P(FreshTurns, AreIdentified) {
  EXPECT_EQ(Identify(GetParam().text), GetParam().language) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    LanguageId, FreshTurns,
    ::testing::Values(Case{"got anything for my 6yo under 40 quid?", Language::kEnglish},
                      Case{"I want to track my order", Language::kEnglish},
                      Case{"sotto i 50 euro, per favore", Language::kItalian},
                      Case{"vorrei delle scarpe rosse", Language::kItalian},
                      Case{"dov'è il mio ordine?", Language::kItalian},
                      Case{"mostrami il carrello", Language::kItalian},
                      Case{"entre 200 et 300 €", Language::kFrench},
                      Case{"je voudrais des chaussures rouges", Language::kFrench},
                      Case{"où est ma commande ?", Language::kFrench},
                      Case{"moins de 20 euros s'il vous plaît", Language::kFrench},
                      // No evidence at all: English.
                      Case{"iPhone 15", Language::kEnglish}, Case{"", Language::kEnglish}));

TEST(LanguageId, StaysWithTheSessionUnlessTheTurnClearlyChangesIt) {
  // Short or neutral turns keep the conversation's language.
  EXPECT_EQ(Identify("ok", Language::kItalian), Language::kItalian);
  EXPECT_EQ(Identify("iPhone 15 Pro", Language::kFrench), Language::kFrench);
  EXPECT_EQ(Identify("42", Language::kItalian), Language::kItalian);
  EXPECT_EQ(Identify("grazie", Language::kEnglish), Language::kEnglish);  // one word only
  // A clear turn in another language switches, and says so.
  LanguageGuess g = IdentifyLanguage(Tokenize("je voudrais voir mon panier"), Language::kItalian);
  EXPECT_EQ(g.language, Language::kFrench);
  EXPECT_TRUE(g.switched);
  EXPECT_EQ(Identify("show me my cart please", Language::kFrench), Language::kEnglish);
  // Staying is not switching.
  g = IdentifyLanguage(Tokenize("vorrei delle scarpe"), Language::kItalian);
  EXPECT_EQ(g.language, Language::kItalian);
  EXPECT_FALSE(g.switched);
}

TEST(LanguageId, ThresholdsAreOptions) {
  const LanguageIdOptions eager{.min_evidence = 1.0, .min_margin = 0.5};
  EXPECT_EQ(IdentifyLanguage(Tokenize("grazie"), Language::kEnglish, eager).language,
            Language::kItalian);
}

TEST(LanguageId, AccentsAreEvidenceForUnknownWords) {
  LanguageGuess g = IdentifyLanguage(Tokenize("félicitations déménagement"));
  EXPECT_EQ(g.language, Language::kFrench);
  EXPECT_DOUBLE_EQ(g.evidence[static_cast<int>(Language::kFrench)], 1.0);
}

TEST(LanguageId, TypicalEndingsAreEvidenceForUnknownWords) {
  EXPECT_EQ(Identify("buon pomeriggio"), Language::kItalian);            // -ggio
  EXPECT_EQ(Identify("rimuovi l'ultimo articolo"), Language::kItalian);  // -lo
  EXPECT_EQ(Identify("recommencer depuis le début"), Language::kFrench);
  EXPECT_EQ(Identify("shipping was amazing"), Language::kEnglish);  // -ing
  // Half a word each: endings alone never switch a conversation.
  EXPECT_EQ(Identify("buon pomeriggio", Language::kEnglish), Language::kEnglish);
}

TEST(LanguageId, SurvivesEmojiAndOtherScripts) {
  EXPECT_EQ(Identify("😀😀 東京 привет", Language::kFrench), Language::kFrench);
  EXPECT_EQ(Identify("\xFF\xFE", std::nullopt), Language::kEnglish);
}

}  // namespace
}  // namespace chatcart::text
