// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Quantities and ordinals in English, Italian and French.

#include "entities/quantity.h"

#include "entities/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::entities {
namespace {

using ::chatcart::entities::testing::Case;
using ::chatcart::entities::testing::DefaultExtractor;
using ::chatcart::entities::testing::DescribeAll;
using ::testing::ElementsAreArray;

class QuantityTest : public ::testing::TestWithParam<Case> {};

TEST_P(QuantityTest, TellsQuantitiesAndOrdinalsFromNumbers) {
  static const auto extractor = DefaultExtractor();
  const Case& c = GetParam();
  EXPECT_THAT(DescribeAll(extractor->Extract(c.text, c.language)), ElementsAreArray(c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    English, QuantityTest,
    ::testing::Values(Case{"en", "two of those", {"quantity:2 \"two\""}},
                      // "order" after a determiner is the noun: its number is no count.
                      Case{"en", "has your order 5567 shipped?", {"number:5567 \"5567\""}},
                      Case{"fr", "la commande 3312 est partie ?", {"number:3312 \"3312\""}},
                      Case{"en", "I want to order 4", {"quantity:4 \"4\""}},
                      Case{"en", "three of them please", {"quantity:3 \"three\""}},
                      Case{"en", "I'll take 3", {"quantity:3 \"3\""}},
                      Case{"en", "give me two", {"quantity:2 \"two\""}},
                      Case{"en", "add just one", {"quantity:1 \"one\""}},
                      Case{"en", "5 pieces", {"quantity:5 \"5\""}},
                      Case{"en", "x2", {"quantity:2 \"x2\""}},
                      Case{"en", "2x", {"quantity:2 \"2x\""}},
                      Case{"en", "x 4", {"quantity:4 \"x 4\""}},
                      Case{"en", "qty 3", {"quantity:3 \"3\""}},
                      Case{"en", "change the quantity to 4", {"quantity:4 \"4\""}},
                      Case{"en", "what's the final price for 2", {"number:2 \"2\""}},
                      Case{"en", "2 more", {"quantity:2 \"2\""}},
                      Case{"en", "a dozen of those", {"quantity:12 \"a dozen\""}},
                      Case{"en", "I'll take two of those", {"quantity:2 \"two\""}},
                      Case{"en", "add 3 to my cart", {"quantity:3 \"3\""}},
                      Case{"en", "the second one", {"ordinal:2 \"second one\""}},
                      Case{"en", "the last one", {"ordinal:-1 \"last one\""}},
                      Case{"en", "I'll take the first", {"ordinal:1 \"first\""}},
                      Case{"en", "the 2nd", {"ordinal:2 \"2nd\""}},
                      Case{"en", "3rd one", {"ordinal:3 \"3rd one\""}},
                      Case{"en", "option 3", {"ordinal:3 \"option 3\""}},
                      Case{"en", "no. 2", {"ordinal:2 \"no. 2\""}},
                      Case{"en", "no 2 is fine", {"number:2 \"2\""}},
                      Case{"en", "the second to last one", {"ordinal:-2 \"second to last one\""}},
                      Case{"en", "wait a second", {}}, Case{"en", "first of all", {}},
                      Case{"en", "the last time I ordered", {}},
                      Case{"en", "the first of those", {"ordinal:1 \"first\""}}));

INSTANTIATE_TEST_SUITE_P(
    Italian, QuantityTest,
    ::testing::Values(Case{"it", "ne prendo due", {"quantity:2 \"due\""}},
                      Case{"it", "imposta la quantità a 3", {"quantity:3 \"3\""}},
                      Case{"it", "due di quelli", {"quantity:2 \"due\""}},
                      Case{"it", "3 pezzi", {"quantity:3 \"3\""}},
                      Case{"it", "prendo tre", {"quantity:3 \"tre\""}},
                      Case{"it",
                           "vorrei 2 paia di scarpe rosse taglia 42",
                           {"quantity:2 \"2\"", "colour:red \"rosse\"", "size:42 \"taglia 42\""}},
                      Case{"it", "la prima", {"ordinal:1 \"prima\""}},
                      Case{"it", "ne voglio una", {"quantity:1 \"una\""}},
                      Case{"it", "vorrei una borsa", {}},
                      Case{"it", "aggiungine altri 2", {"number:2 \"2\""}},
                      Case{"it", "il secondo", {"ordinal:2 \"secondo\""}},
                      Case{"it", "la terza", {"ordinal:3 \"terza\""}},
                      Case{"it", "l'ultimo", {"ordinal:-1 \"ultimo\""}},
                      Case{"it", "il penultimo", {"ordinal:-2 \"penultimo\""}},
                      Case{"it", "numero 2", {"ordinal:2 \"numero 2\""}},
                      Case{"it", "secondo me è caro", {}}, Case{"it", "la prima volta", {}},
                      Case{"it", "prima di tutto", {}}));

INSTANTIATE_TEST_SUITE_P(
    French, QuantityTest,
    ::testing::Values(Case{"fr", "j'en prends deux", {"quantity:2 \"deux\""}},
                      // A measure is no count.
                      Case{"fr", "je la prends en 250 g", {"number:250 \"250\""}},
                      Case{"fr", "mettez la quantité à 2", {"quantity:2 \"2\""}},
                      Case{"fr", "deux de ceux-ci", {"quantity:2 \"deux\""}},
                      Case{"fr", "3 exemplaires", {"quantity:3 \"3\""}},
                      Case{"fr",
                           "deux paires de chaussures noires",
                           {"quantity:2 \"deux\"", "colour:black \"noires\""}},
                      Case{"fr", "le deuxième", {"ordinal:2 \"deuxième\""}},
                      Case{"fr", "la dernière", {"ordinal:-1 \"dernière\""}},
                      Case{"fr", "j'en veux une", {"quantity:1 \"une\""}},
                      Case{"fr", "le troisième", {"ordinal:3 \"troisième\""}},
                      Case{"fr", "le troisieme", {"ordinal:3 \"troisieme\""}},
                      Case{"fr", "la première", {"ordinal:1 \"première\""}},
                      Case{"fr", "le dernier", {"ordinal:-1 \"dernier\""}},
                      Case{"fr", "l'avant-dernier", {"ordinal:-2 \"avant-dernier\""}},
                      Case{"fr", "le 2e", {"ordinal:2 \"2e\""}},
                      Case{"fr", "la 1re", {"ordinal:1 \"1re\""}},
                      Case{"fr", "la dernière fois", {}}, Case{"fr", "tout d'abord", {}},
                      // The verb before the clitic "en" with a dash.
                      Case{"fr", "ajoutez-en une", {"quantity:1 \"une\""}},
                      Case{"fr", "rajoutez-en trois", {"quantity:3 \"trois\""}},
                      // Pieces after a preposition describe the item.
                      Case{"fr", "un puzzle de 1000 pièces", {"number:1000 \"1000\""}},
                      Case{"it", "un puzzle da 500 pezzi", {"number:500 \"500\""}},
                      Case{"it", "vorrei 4 pezzi", {"quantity:4 \"4\""}},
                      Case{"en", "a puzzle with 1000 pieces", {"number:1000 \"1000\""}},
                      Case{"en", "i need 10 pieces", {"quantity:10 \"10\""}},
                      // A long number after "order" with no item names an order.
                      Case{"en",
                           "i ordered 3 weeks ago, order 77120",
                           {"number:3 \"3\"", "number:77120 \"77120\""}},
                      Case{"en", "order 10 photo paper packs", {"quantity:10 \"10\""}},
                      Case{"en", "hmm the last but one", {"ordinal:-2 \"last but one\""}}));

// A dozen and the like before "de"/"of" and a category word count it.
TEST(Quantity, GroupWordThenOfThenCategory) {
  EntityExtractorOptions options;
  options.currency = "EUR";
  options.categories = {{.phrase = "coque", .value = "Phone Cases", .language = "fr"},
                        {.phrase = "printer", .value = "Printers", .language = "en"}};
  auto e = EntityExtractor::Create(options);
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_THAT(
      DescribeAll((*e)->Extract("une douzaine de coques", "fr")),
      ElementsAreArray({"quantity:12 \"une douzaine\"", "category:Phone Cases \"coques\""}));
  EXPECT_THAT(DescribeAll((*e)->Extract("a dozen of printers", "en")),
              ElementsAreArray({"quantity:12 \"a dozen\"", "category:Printers \"printers\""}));
  // A digit count is no group word: "3 of printers" is not said.
  EXPECT_THAT(DescribeAll((*e)->Extract("la moitié de 3 de coques", "fr")),
              ElementsAreArray({"number:3 \"3\"", "category:Phone Cases \"coques\""}));
}

}  // namespace
}  // namespace chatcart::entities
