// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Category words from a store vocabulary, plural-tolerant, in three languages.

#include "entities/category.h"

#include "entities/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::entities {
namespace {

using ::chatcart::entities::testing::Case;
using ::chatcart::entities::testing::DescribeAll;
using ::testing::ElementsAreArray;

std::shared_ptr<const EntityExtractor> StoreExtractor() {
  EntityExtractorOptions options;
  options.currency = "EUR";
  options.categories = {
      {.phrase = "photo printer", .value = "Photo Printers", .language = ""},
      {.phrase = "printer", .value = "Printers", .language = ""},
      {.phrase = "phone case", .value = "Phone Cases", .language = ""},
      {.phrase = "battery", .value = "Batteries", .language = ""},
      {.phrase = "stampante fotografica", .value = "Photo Printers", .language = "it"},
      {.phrase = "stampante", .value = "Printers", .language = "it"},
      {.phrase = "scarpa da corsa", .value = "Running Shoes", .language = "it"},
      {.phrase = "imprimante photo", .value = "Photo Printers", .language = "fr"},
      {.phrase = "chaussure", .value = "Shoes", .language = "fr"},
      {.phrase = "jeu vidéo", .value = "Video Games", .language = "fr"},
      {.phrase = "thé", .value = "Thé", .language = ""},
  };
  auto e = EntityExtractor::Create(options);
  EXPECT_TRUE(e.ok()) << e.status();
  return *e;
}

class CategoryTest : public ::testing::TestWithParam<Case> {};

TEST_P(CategoryTest, MatchesThePhraseWithItsPlurals) {
  static const auto extractor = StoreExtractor();
  const Case& c = GetParam();
  EXPECT_THAT(DescribeAll(extractor->Extract(c.text, c.language)), ElementsAreArray(c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    Category, CategoryTest,
    ::testing::Values(
        Case{"en",
             "photo printers under 300 euros",
             {"category:Photo Printers \"photo printers\"",
              "money:under ..300.00 EUR \"under 300 euros\""}},
        Case{"en", "a Printer", {"category:Printers \"Printer\""}},
        Case{"en",
             "phone cases for iPhone",
             {"category:Phone Cases \"phone cases\"", "compatibility:iphone \"iPhone\""}},
        Case{"en", "batteries", {"category:Batteries \"batteries\""}},
        Case{"en", "2 printers", {"quantity:2 \"2\"", "category:Printers \"printers\""}},
        Case{
            "en",
            "3 black phone cases",
            {"quantity:3 \"3\"", "colour:black \"black\"", "category:Phone Cases \"phone cases\""}},
        Case{"en", "a phone", {}},
        Case{
            "it", "stampanti fotografiche", {"category:Photo Printers \"stampanti fotografiche\""}},
        Case{"it", "una stampante", {"category:Printers \"stampante\""}},
        Case{"it", "scarpe da corsa", {"category:Running Shoes \"scarpe da corsa\""}},
        Case{"fr", "des imprimantes photo", {"category:Photo Printers \"imprimantes photo\""}},
        Case{"fr", "jeux vidéo", {"category:Video Games \"jeux vidéo\""}},
        Case{"fr", "jeux video", {"category:Video Games \"jeux video\""}},
        Case{"fr",
             "des chaussures rouges",
             {"category:Shoes \"chaussures\"", "colour:red \"rouges\""}},
        Case{"en", "stampante", {}},
        // "the" folds to "thé" but is an article as typed.
        Case{"en", "do you have the Colombie Huila?", {}},
        Case{"fr", "du thé noir", {"category:Thé \"thé\"", "colour:black \"noir\""}}));

TEST(Inflections, CoverRegularPlurals) {
  using ::testing::Contains;
  EXPECT_THAT(Inflections("printer", text::Language::kEnglish), Contains("printers"));
  EXPECT_THAT(Inflections("batteries", text::Language::kEnglish), Contains("battery"));
  EXPECT_THAT(Inflections("box", text::Language::kEnglish), Contains("boxes"));
  EXPECT_THAT(Inflections("cases", text::Language::kEnglish), Contains("case"));
  EXPECT_THAT(Inflections("scarpa", text::Language::kItalian), Contains("scarpe"));
  EXPECT_THAT(Inflections("tasca", text::Language::kItalian), Contains("tasche"));
  EXPECT_THAT(Inflections("journal", text::Language::kFrench), Contains("journaux"));
  EXPECT_THAT(Inflections("jeu", text::Language::kFrench), Contains("jeux"));
}

}  // namespace
}  // namespace chatcart::entities
