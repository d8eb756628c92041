// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Issue #16's shapes: lists of values ("nere o blu"), negated values ("not
// red"), devices by name and model, pairs, minor units, decimals and
// fractions, model numbers and years that count nothing; and bad input.

#include <string>
#include <vector>

#include "entities/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::entities {
namespace {

using ::chatcart::entities::testing::Case;
using ::chatcart::entities::testing::DefaultExtractor;
using ::chatcart::entities::testing::DescribeAll;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

class ShapesTest : public ::testing::TestWithParam<Case> {};

TEST_P(ShapesTest, FindsEveryEntity) {
  const Case& c = GetParam();
  static const auto extractor = [] {
    EntityExtractorOptions options;
    options.currency = "EUR";
    options.categories = {{.phrase = "headphones", .value = "Headphones", .language = "en"},
                          {.phrase = "cuffie", .value = "Headphones", .language = "it"},
                          {.phrase = "casque", .value = "Headphones", .language = "fr"},
                          {.phrase = "toy", .value = "Toys", .language = "en"},
                          {.phrase = "giocattolo", .value = "Toys", .language = "it"},
                          {.phrase = "cable", .value = "Cables", .language = "en"}};
    options.pair_categories = {"Headphones"};
    return *EntityExtractor::Create(options);
  }();
  EXPECT_THAT(DescribeAll(extractor->Extract(c.text, c.language)), ElementsAreArray(c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    Lists, ShapesTest,
    ::testing::Values(
        Case{"it", "nere o blu", {"colour:black,blue \"nere o blu\""}},
        Case{"it", "rosse o beige", {"colour:red,beige \"rosse o beige\""}},
        Case{"en", "blue or grey", {"colour:blue,grey \"blue or grey\""}},
        Case{"en", "black or navy", {"colour:black,navy \"black or navy\""}},
        Case{"fr", "rouge ou noir", {"colour:red,black \"rouge ou noir\""}},
        Case{"en", "red, pink or purple", {"colour:red,pink,purple \"red, pink or purple\""}},
        Case{"en", "red or red", {"colour:red \"red or red\""}},
        Case{"en", "white/silver", {"colour:white,silver \"white/silver\""}},
        Case{"en", "light blue for her and dark blue for him",
             {"colour:light blue \"light blue\"", "colour:dark blue \"dark blue\""}},
        Case{"en", "iPhone and Android", {"compatibility:iphone,android \"iPhone and Android\""}},
        Case{"it", "taglia 38 o 39", {"size:38,39 \"taglia 38 o 39\""}},
        Case{"en", "size 10 or 11 US", {"size:US 10,US 11 \"size 10 or 11 US\""}},
        Case{"en", "S, M or L", {"size:S,M,L \"S, M or L\""}},
        Case{"en", "toys and headphones", {"category:Toys,Headphones \"toys and headphones\""}},
        Case{"en", "2 toys and headphones",
             {"quantity:2 \"2\"", "category:Toys \"toys\"", "category:Headphones \"headphones\""}}));

INSTANTIATE_TEST_SUITE_P(
    Negations, ShapesTest,
    ::testing::Values(Case{"en", "not red", {"colour:!red \"not red\""}},
                      Case{"en", "anything but pink", {"colour:!pink \"but pink\""}},
                      Case{"en", "i like it but pink is better", {"colour:pink \"pink\""}},
                      Case{"en", "no, red", {"colour:red \"red\""}},
                      Case{"en", "the second one, not in pink",
                           {"ordinal:2 \"second one\"", "colour:!pink \"not in pink\""}},
                      Case{"it", "non rosse", {"colour:!red \"non rosse\""}},
                      Case{"it", "tutto tranne il nero", {"colour:!black \"tranne il nero\""}},
                      Case{"fr", "pas de rouge", {"colour:!red \"pas de rouge\""}},
                      Case{"fr", "pas d'Android", {"compatibility:!android \"pas d'Android\""}},
                      Case{"en", "black or white, not red",
                           {"colour:black,white \"black or white\"", "colour:!red \"not red\""}}));

INSTANTIATE_TEST_SUITE_P(
    Devices, ShapesTest,
    ::testing::Values(
        Case{"en",
             "I have a HTC Windows 8 phone. My wife has an iPhone5.",
             {"compatibility:windows_phone \"HTC Windows 8 phone\"",
              "compatibility:iphone \"iPhone5\""}},
        Case{"en", "my phone is a Galaxy S7", {"compatibility:android \"Galaxy S7\""}},
        Case{"en", "i use a Pixel 6", {"compatibility:android \"Pixel 6\""}},
        Case{"en", "pixel art", {}},
        Case{"it", "un vecchio Nokia Lumia", {"compatibility:windows_phone \"Nokia Lumia\""}},
        Case{"it", "un Nokia Lumia 920", {"compatibility:windows_phone \"Nokia Lumia 920\""}},
        Case{"en", "printing from a MacBook Air 2015", {"compatibility:mac \"MacBook Air 2015\""}},
        Case{"en", "the Xiaomi Redmi Note 10", {"compatibility:android \"Xiaomi Redmi Note 10\""}},
        Case{"en", "for my Surface Pro", {"compatibility:windows \"Surface Pro\""}},
        Case{"en", "a surface cleaner", {}},
        Case{"en", "my daughter's Moto G", {"compatibility:android \"Moto G\""}},
        Case{"en", "is the Dell XPS 13 better", {"compatibility:windows \"Dell XPS 13\""}},
        Case{"it", "il telefono Windows di mio padre",
             {"compatibility:windows_phone \"telefono Windows\""}},
        Case{"en", "iphone 12 or 13", {"compatibility:iphone \"iphone 12 or 13\""}},
        Case{"en", "an old Nokia Lumia and a Samsung",
             {"compatibility:windows_phone,android \"Nokia Lumia and a Samsung\""}},
        Case{"en", "a Samsung TV", {}},
        Case{"en", "an iphone 500 euros", {"compatibility:iphone \"iphone\"",
                                          "money:exact 500.00 EUR \"500 euros\""}}));

INSTANTIATE_TEST_SUITE_P(
    Pairs, ShapesTest,
    ::testing::Values(
        Case{"en", "a pair of headphones",
             {"quantity:1 \"a pair\"", "category:Headphones \"headphones\""}},
        Case{"en", "two pairs of headphones",
             {"quantity:2 \"two\"", "category:Headphones \"headphones\""}},
        Case{"it", "un paio di cuffie", {"quantity:1 \"un paio\"", "category:Headphones \"cuffie\""}},
        Case{"it", "un paio di giocattoli",
             {"quantity:2 \"un paio\"", "category:Toys \"giocattoli\""}},
        Case{"fr", "une paire de casques",
             {"quantity:1 \"une paire\"", "category:Headphones \"casques\""}}));

INSTANTIATE_TEST_SUITE_P(
    MoneyAndNumbers, ShapesTest,
    ::testing::Values(
        Case{"en", "20 dollars 43 cents", {"money:exact 20.43 USD \"20 dollars 43 cents\""}},
        Case{"en", "$20 and 43c", {"money:exact 20.43 USD \"$20 and 43c\""}},
        Case{"it", "venti euro e cinquanta", {"money:exact 20.50 EUR \"venti euro e cinquanta\""}},
        Case{"it", "tra 20 euro e 30", {"money:between 20.00..30.00 EUR \"tra 20 euro e 30\""}},
        Case{"fr", "20€50", {"money:exact 20.50 EUR \"20€50\""}},
        Case{"it", "19,99 €", {"money:exact 19.99 EUR \"19,99 €\""}},
        Case{"en", "1.1", {"number:1.1 \"1.1\""}},
        Case{"en", "0.77", {"number:0.77 \"0.77\""}},
        Case{"en", ".77", {"number:0.77 \".77\""}},
        Case{"en", "1/2", {"number:0.5 \"1/2\""}},
        Case{"en", "2/3 of it", {"number:0.666667 \"2/3\""}},
        Case{"en", "on 1/2", {}},
        Case{"en", "24/7", {}},
        Case{"en", "one and a half", {"number:1.5 \"one and a half\""}},
        Case{"it", "due e mezzo", {"number:2.5 \"due e mezzo\""}},
        Case{"fr", "deux et demi", {"number:2.5 \"deux et demi\""}},
        Case{"en", "two point five", {"number:2.5 \"two point five\""}},
        Case{"en", "minus 5", {"number:-5 \"minus 5\""}},
        Case{"it", "5 mila euro", {"money:exact 5000.00 EUR \"5 mila euro\""}},
        Case{"fr", "3 mille euros", {"money:exact 3000.00 EUR \"3 mille euros\""}},
        Case{"en", "a laptop with an RTX 4070", {}},
        Case{"en", "wifi 6 and usb 3", {}},
        Case{"en", "the 2024 model", {}},
        Case{"en", "covid-19", {}}));

TEST(EntityShapes, ListsCarryEveryValueAndSayEither) {
  auto e = DefaultExtractor();
  std::vector<Entity> found = e->Extract("nere o blu", "it");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].values, ElementsAre("black", "blue"));
  EXPECT_TRUE(found[0].either);
  EXPECT_FALSE(found[0].negated);
  found = e->Extract("works with iPhone and Android", "en");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].values, ElementsAre("iphone", "android"));
  EXPECT_FALSE(found[0].either);
  found = e->Extract("in red", "en");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].values, ElementsAre("red"));
  found = e->Extract("not red", "en");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].negated);
  EXPECT_EQ(found[0].start, 0);
  found = e->Extract("1.5", "en");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].number, 1);
  EXPECT_EQ(found[0].value, "1.5");
  EXPECT_THAT(found[0].values, IsEmpty());
}

TEST(EntityExtractorBadInput, ThousandsOfDigitsAreNoNumber) {
  auto e = DefaultExtractor();
  const std::string digits(5000, '9');
  EXPECT_THAT(e->Extract(digits, "en"), IsEmpty());
  EXPECT_THAT(e->Extract("$" + digits, "en"), IsEmpty());
  EXPECT_THAT(e->Extract("under " + digits + " euros", "en"), IsEmpty());
  EXPECT_THAT(e->Extract("0." + digits, "en"), IsEmpty());
  // 18 digits still fit; 20 do not wrap around.
  EXPECT_THAT(DescribeAll(e->Extract("999999999999999999", "en")),
              ElementsAre("number:999999999999999999 \"999999999999999999\""));
  EXPECT_THAT(e->Extract("99999999999999999999", "en"), IsEmpty());
  EXPECT_THAT(e->Extract("-99999999999999999999", "en"), IsEmpty());
}

TEST(EntityExtractorBadInput, ExponentsAreNoNumber) {
  auto e = DefaultExtractor();
  EXPECT_THAT(e->Extract("1e309", "en"), IsEmpty());
  EXPECT_THAT(e->Extract("1e309 euros", "en"), IsEmpty());
  EXPECT_THAT(e->Extract("-1e309", "en"), IsEmpty());
}

TEST(EntityExtractorBadInput, ACurrencySymbolAloneIsNothing) {
  auto e = DefaultExtractor();
  for (const char* text : {"€", "$", "£", "¥", "₹", "€ €", "$$$", "€?", "EUR", "euro"}) {
    EXPECT_THAT(e->Extract(text, "en"), IsEmpty()) << text;
    EXPECT_THAT(e->Extract(text, "it"), IsEmpty()) << text;
  }
}

TEST(EntityExtractorBadInput, TwoThousandEmojiAreNothing) {
  auto e = DefaultExtractor();
  std::string emoji;
  for (int i = 0; i < 2000; ++i) emoji += "😀";
  ExtractResult result;
  e->Extract(emoji, "en", &result);
  EXPECT_THAT(result.entities, IsEmpty());
  EXPECT_FALSE(result.truncated);  // 2,000 code points: the default limit
  e->Extract(emoji + "😀 under 40 euros", "en", &result);
  EXPECT_THAT(result.entities, IsEmpty());
  EXPECT_TRUE(result.truncated);
}

TEST(EntityExtractorBadInput, MixedScriptsKeepTheLatinEntities) {
  auto e = DefaultExtractor();
  EXPECT_THAT(DescribeAll(e->Extract("mix кириллица 50 euro 中文 rosso", "it")),
              ElementsAre("money:exact 50.00 EUR \"50 euro\"", "colour:red \"rosso\""));
  // A Latin word glued to Cyrillic letters is split where the script changes.
  EXPECT_THAT(DescribeAll(e->Extract("redкрасный", "en")), ElementsAre("colour:red \"red\""));
}

}  // namespace
}  // namespace chatcart::entities
